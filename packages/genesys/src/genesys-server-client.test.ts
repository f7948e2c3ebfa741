import { inspect } from 'node:util';
import { VisitorContextError } from '@visitor-context/core';
import { describe, expect, it } from 'vitest';
import { createGenesysServerClient, genesysRegionDomains, type GenesysServerClientOptions } from './server.js';

const clientId = 'c0ffee00-1111-4222-8333-444455556666';
const clientSecret = 'Sup3r-S3cret_Value~With.Odd/Chars+=';

/** The error `createGenesysServerClient` throws for these options. */
function constructionError(options: unknown): VisitorContextError {
  try {
    createGenesysServerClient(options as GenesysServerClientOptions);
  } catch (error) {
    if (VisitorContextError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected createGenesysServerClient to throw');
}

describe('createGenesysServerClient: region', () => {
  it.each([
    ['mypurecloud.com', 'mypurecloud.com'],
    ['mypurecloud.ie', 'mypurecloud.ie'],
    ['euw2.pure.cloud', 'euw2.pure.cloud'],
    ['us-east-1', 'mypurecloud.com'],
    ['eu-west-1', 'mypurecloud.ie'],
    ['eu_west_2', 'euw2.pure.cloud'],
    [' AP-SOUTHEAST-2 ', 'mypurecloud.com.au'],
    ['us-east-2', 'use2.us-gov-pure.cloud'],
  ])('reads %j as the region with domain %s', (region, domain) => {
    const client = createGenesysServerClient({ region, clientId, clientSecret });
    expect(client.region).toBe(domain);
    expect(client.apiBaseUrl).toBe(`https://api.${domain}`);
    expect(client.loginBaseUrl).toBe(`https://login.${domain}`);
  });

  it('knows every region of the SDKs\' PureCloudRegionHosts, by name and by domain', () => {
    expect(Object.keys(genesysRegionDomains)).toHaveLength(15);
    for (const [name, domain] of Object.entries(genesysRegionDomains)) {
      expect(createGenesysServerClient({ region: name, clientId, clientSecret }).region).toBe(domain);
      expect(createGenesysServerClient({ region: domain, clientId, clientSecret }).region).toBe(domain);
    }
  });

  it.each([
    ['mypurecloud.ei', 'mypurecloud.ie'],
    ['eu-west-3', 'eu-west-1'],
    ['euw2.pure.clod', 'euw2.pure.cloud'],
    ['https://api.mypurecloud.de', 'mypurecloud.de'],
    ['login.usw2.pure.cloud', 'usw2.pure.cloud'],
  ])('refuses %j and suggests %j', (region, suggestion) => {
    const error = constructionError({ region, clientId, clientSecret });
    expect(error.code).toBe('invalid_option');
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]?.path).toEqual(['region']);
    expect(error.message).toContain(`Did you mean "${suggestion}"?`);
    expect(error.message).toContain('mypurecloud.ie (eu-west-1)');
  });

  it('refuses a region far from every known one, listing them all and pointing at the base URL options', () => {
    const error = constructionError({ region: 'mars-north-9', clientId, clientSecret });
    expect(error.message).not.toContain('Did you mean');
    expect(error.message).toContain('apiBaseUrl and loginBaseUrl');
  });

  it('needs a region unless both base URLs are given', () => {
    expect(constructionError({ clientId, clientSecret }).diagnostics.map((item) => item.path)).toEqual([['region']]);
    expect(constructionError({ clientId, clientSecret, apiBaseUrl: 'https://api.example.com' }).diagnostics.map((item) => item.path)).toEqual([['region']]);
    const client = createGenesysServerClient({ clientId, clientSecret, apiBaseUrl: 'https://api.example.com/', loginBaseUrl: 'https://login.example.com' });
    expect(client).toMatchObject({ region: undefined, apiBaseUrl: 'https://api.example.com', loginBaseUrl: 'https://login.example.com' });
  });
});

describe('createGenesysServerClient: base URLs', () => {
  it('accepts https anywhere and http to loopback addresses only', () => {
    for (const url of ['https://proxy.example.com/genesys', 'http://127.0.0.1:8123', 'http://localhost:9', 'http://[::1]:8080']) {
      expect(createGenesysServerClient({ region: 'eu-west-1', clientId, clientSecret, apiBaseUrl: url, loginBaseUrl: url }).apiBaseUrl).toBe(url.replace(/\/$/, ''));
    }
    const region = createGenesysServerClient({ region: 'eu-west-1', clientId, clientSecret, apiBaseUrl: 'http://127.0.0.1:1' });
    expect(region).toMatchObject({ apiBaseUrl: 'http://127.0.0.1:1', loginBaseUrl: 'https://login.mypurecloud.ie' });
  });

  it.each([
    ['http://api.mypurecloud.com', 'must use https'],
    ['http://10.0.0.8:8080', 'must use https'],
    ['ftp://127.0.0.1', 'must use https'],
    ['https://user:pass@api.mypurecloud.com', 'user name or password'],
    ['https://api.mypurecloud.com?x=1', 'without a query'],
    ['api.mypurecloud.com', 'absolute URL'],
  ])('refuses apiBaseUrl %j (%s)', (url, reason) => {
    const error = constructionError({ region: 'us-east-1', clientId, clientSecret, apiBaseUrl: url });
    expect(error.diagnostics.map((item) => [item.code, item.path])).toEqual([['invalid_option', ['apiBaseUrl']]]);
    expect(error.message).toContain(reason);
  });
});

describe('createGenesysServerClient: other options', () => {
  it('suggests the closest option name for a misspelt one, and checks core\'s HTTP options', () => {
    const error = constructionError({ region: 'us-east-1', clientId, clientSecrets: clientSecret, timeout: 5 });
    const messages = error.diagnostics.map((item) => item.message).join('\n');
    expect(messages).toContain('Unknown option "clientSecrets". Did you mean "clientSecret"?');
    expect(messages).toContain('Unknown option "timeout". Did you mean "timeoutMs"?');
    expect(constructionError({ region: 'us-east-1', clientId, clientSecret, retries: 9 }).diagnostics[0]?.path).toEqual(['retries']);
  });

  it('never shows a credential, even a wrongly typed one, in its errors', () => {
    const error = constructionError({ region: 'us-east-1', clientId: 8_675_309, clientSecret: 31_415_926 });
    expect(error.diagnostics.map((item) => item.path)).toEqual([['clientId'], ['clientSecret']]);
    expect(error.message).not.toContain('8675309');
    expect(error.message).not.toContain('31415926');
    expect(error.message).toContain("your OAuth client's secret");
    expect(constructionError({ region: 'us-east-1', clientId, clientSecret: '' }).diagnostics[0]?.path).toEqual(['clientSecret']);
  });

  it('refuses options it cannot read, with a VisitorContextError', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('trap'); }, get: () => { throw new Error('trap'); } });
    expect(constructionError(hostile).code).toBe('invalid_option');
    expect(constructionError(null).code).toBe('invalid_option');
  });
});

describe('the client object', () => {
  const client = createGenesysServerClient({ region: 'euw2.pure.cloud', clientId, clientSecret, timeoutMs: 2000 });
  const basic = btoa(`${clientId}:${clientSecret}`);

  it('shows where it sends, and never a credential, however it is printed or serialized', () => {
    const printed = [
      String(client),
      `${client}`,
      JSON.stringify(client),
      inspect(client, { showHidden: true, depth: 10, getters: true }),
      JSON.stringify(Object.getOwnPropertyDescriptors(client)),
      Object.getOwnPropertyNames(client).join(','),
      Object.getOwnPropertySymbols(client).map(String).join(','),
    ];
    for (const text of printed) {
      expect(text).not.toContain(clientSecret);
      expect(text).not.toContain(clientId);
      expect(text).not.toContain(basic);
    }
    expect(String(client)).toBe('GenesysServerClient(https://api.euw2.pure.cloud)');
    expect(JSON.parse(JSON.stringify(client))).toEqual({ region: 'euw2.pure.cloud', apiBaseUrl: 'https://api.euw2.pure.cloud', loginBaseUrl: 'https://login.euw2.pure.cloud' });
  });

  it('is frozen, so nothing can swap where it sends', () => {
    expect(Object.isFrozen(client)).toBe(true);
  });
});
