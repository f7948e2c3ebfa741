import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { createVendorDemos } from '../src/vendors/index.js';

describe('real vendor mode, from environment variables', () => {
  it('shows only the vendors whose account variables are set, with those ids in their embeds', async () => {
    const config = readConfig({ VENDOR_SCRIPTS: 'real', GIOSG_COMPANY_ID: 'acme-123', COMM100_SITE_ID: '42', COMM100_CAMPAIGN_ID: 'abc-1', COMM100_CUSTOM_VARIABLES: 'plan, tier' });
    const vendors = createVendorDemos(config);
    expect(vendors.map((vendor) => vendor.id)).toEqual(['giosg', 'comm100']);
    const [giosg, comm100] = vendors;
    const giosgEmbed = await giosg!.embed({}, { nonce: undefined, vendorScripts: 'real' });
    expect(giosgEmbed.ok && giosgEmbed.value).toContain('acme-123');
    const comm100Embed = await comm100!.embed({ attributes: { plan: 'pro', tier: 'gold' } }, { nonce: undefined, vendorScripts: 'real' });
    expect(comm100Embed.ok && comm100Embed.value).toMatch(/42/);
    expect(comm100!.browserSettings).toEqual({ customVariables: ['plan', 'tier'] });
  });

  it('keeps every vendor, with demo ids, for the stand-ins', () => {
    expect(createVendorDemos(readConfig({})).map((vendor) => vendor.id)).toEqual(['giosg', 'genesys', 'comm100', 'wxcc', 'imsupporting']);
  });

  it.each([
    [{ VENDOR_SCRIPTS: 'real' }, /VENDOR_SCRIPTS=real needs at least one vendor account: set GIOSG_COMPANY_ID, GENESYS_DEPLOYMENT_ID/],
    [{ WXCC_BIND_ID: 'b' }, /wxcc: set WXCC_GUID too/],
    [{ COMM100_SITE_ID: 'x', COMM100_CAMPAIGN_ID: 'c' }, /COMM100_SITE_ID must be the site's number, got "x"/],
    [{ INBOX_MAX_BYTES: '10' }, /INBOX_MAX_BYTES must be a whole number from 16384/],
    [{ GIOSG_API_TOKEN: 'a-giosg-token-value' }, /^giosg push: set GIOSG_ORGANIZATION_ID too \(the other giosg API variables are set\), or none of them for the local stand-in\.$/],
    [{ GENESYSCLOUD_OAUTHCLIENT_SECRET: 'a-genesys-secret' }, /^genesys push: set GENESYSCLOUD_REGION and GENESYSCLOUD_OAUTHCLIENT_ID too/],
  ])('%j is refused with a message naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});

describe('push from the server, from environment variables', () => {
  it('uses the local stand-ins when no API credentials are set', () => {
    expect(readConfig({}).push).toEqual({ genesys: { mode: 'stand-in' }, giosg: { mode: 'stand-in' } });
  });

  it('uses a vendor\'s real API when all its variables are set (the same names as the CLI), the other keeps its stand-in', () => {
    const config = readConfig({
      GENESYSCLOUD_REGION: 'mypurecloud.ie',
      GENESYSCLOUD_OAUTHCLIENT_ID: 'client-id',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'client-secret',
      GENESYSCLOUD_LOGIN_BASE_URL: 'https://login.example.com',
    });
    expect(config.push).toEqual({
      genesys: { mode: 'real', credentials: { region: 'mypurecloud.ie', clientId: 'client-id', clientSecret: 'client-secret', loginBaseUrl: 'https://login.example.com' } },
      giosg: { mode: 'stand-in' },
    });
  });
});
