import { Diagnostics, VisitorContextError, parseAdapterOptions, type Diagnostic } from '@visitor-context/core';
import { VendorHttpOptionsSchema, type VendorHttpOptions } from '@visitor-context/core/server';
import * as z from 'zod/mini';
import { checkGenesysBaseUrl } from './genesys-base-url.js';
import { lookUpGenesysRegion, type GenesysRegion } from './genesys-regions.js';

/**
 * The zod (mini) schema of {@link GenesysServerClientOptions}: core's HTTP options plus the Genesys ones. The
 * region and the base URLs are checked further by `createGenesysServerClient` (known region, https).
 * @public
 */
export const GenesysServerClientOptionsSchema = z.strictObject({
  ...VendorHttpOptionsSchema.shape,
  /** The org's region: its domain (`mypurecloud.ie`) or AWS region name (`eu-west-1`). */
  region: z.optional(z.string()),
  /** The OAuth client's id (a client-credentials grant). */
  clientId: z.string().check(z.minLength(1)),
  /** The OAuth client's secret. Never shown in any message. */
  clientSecret: z.string().check(z.minLength(1)),
  /** Replaces `https://api.<region domain>`; https, or http to a loopback address only. */
  apiBaseUrl: z.optional(z.string()),
  /** Replaces `https://login.<region domain>`; https, or http to a loopback address only. */
  loginBaseUrl: z.optional(z.string()),
});

/**
 * Options of `createGenesysServerClient`: the OAuth client (client-credentials grant) of a Genesys Cloud org,
 * its region, and how to send (core's {@link @visitor-context/core/server#VendorHttpOptions}: `fetch`, timeouts,
 * retries).
 * @public
 */
export interface GenesysServerClientOptions extends VendorHttpOptions {
  /**
   * The org's region, as its domain (`mypurecloud.com`, `mypurecloud.ie`, `euw2.pure.cloud`, …) or its AWS region
   * name (`us-east-1`, `eu-west-1`, `eu-west-2`, …). Required unless both `apiBaseUrl` and `loginBaseUrl` are given.
   */
  readonly region?: GenesysRegion | (string & {}) | undefined;
  /** The OAuth client's id. Create a client with the "Client Credentials" grant in Genesys Cloud Admin › OAuth. */
  readonly clientId: string;
  /** The OAuth client's secret. Kept inside the client; never in any diagnostic, error, log or serialization. */
  readonly clientSecret: string;
  /**
   * The API host, instead of `https://api.<region domain>`: a proxy, a local stand-in, or a region this package does
   * not list yet. https, or http to a loopback address (127.0.0.1, ::1, localhost) only.
   */
  readonly apiBaseUrl?: string | undefined;
  /** The OAuth host, instead of `https://login.<region domain>`; same rules as `apiBaseUrl`. */
  readonly loginBaseUrl?: string | undefined;
}

/** The checked client options: where to send, how, and the credentials (kept away from any output). */
export interface ResolvedGenesysServerClientOptions {
  readonly regionDomain: string | undefined;
  readonly apiBaseUrl: string;
  readonly loginBaseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly http: VendorHttpOptions;
}

const credentialOptions = new Set(['clientId', 'clientSecret']);

/**
 * Checks the options of `createGenesysServerClient`, or throws.
 * @throws `VisitorContextError` with one `invalid_option` diagnostic per problem. No message ever shows the value of
 * `clientId` or `clientSecret`, even a mistyped one.
 */
export function resolveGenesysServerClientOptions(options: unknown): ResolvedGenesysServerClientOptions {
  const diagnostics = new Diagnostics();
  let parsed: z.infer<typeof GenesysServerClientOptionsSchema> | undefined;
  try {
    parsed = parseAdapterOptions(GenesysServerClientOptionsSchema, options, diagnostics);
  } catch {
    throw new VisitorContextError([
      { code: 'invalid_option', severity: 'error', path: [], message: 'The Genesys server client options could not be read; pass a plain object.' },
    ]);
  }
  if (parsed === undefined) throw new VisitorContextError(diagnostics.all.map(withoutCredentialValues));

  const problems: Diagnostic[] = [];
  const problem = (path: string, message: string): void => {
    problems.push({ code: 'invalid_option', severity: 'error', path: [path], message });
  };
  let regionDomain: string | undefined;
  if (parsed.region !== undefined) {
    const lookup = lookUpGenesysRegion(parsed.region);
    if (lookup.ok) regionDomain = lookup.domain;
    else problem('region', lookup.message);
  } else if (parsed.apiBaseUrl === undefined || parsed.loginBaseUrl === undefined) {
    problem(
      'region',
      'Option region (required) is missing: give your org\'s region as its domain (e.g. "mypurecloud.com", "euw2.pure.cloud") or AWS region name (e.g. "us-east-1", "eu-west-2"), or give both apiBaseUrl and loginBaseUrl.',
    );
  }
  const baseUrl = (name: 'apiBaseUrl' | 'loginBaseUrl', given: string | undefined, host: 'api' | 'login'): string => {
    if (given === undefined) return regionDomain === undefined ? '' : `https://${host}.${regionDomain}`;
    const checked = checkGenesysBaseUrl(name, given);
    if (checked.ok) return checked.url;
    problem(name, checked.message);
    return '';
  };
  const apiBaseUrl = baseUrl('apiBaseUrl', parsed.apiBaseUrl, 'api');
  const loginBaseUrl = baseUrl('loginBaseUrl', parsed.loginBaseUrl, 'login');
  if (problems.length > 0) throw new VisitorContextError(problems);

  const { region: _region, clientId, clientSecret, apiBaseUrl: _api, loginBaseUrl: _login, ...http } = parsed;
  return { regionDomain, apiBaseUrl, loginBaseUrl, clientId, clientSecret, http: withoutUndefined(http) };
}

/** A wrong-typed credential would be echoed by the generic option messages ("got the number 12345"): say only its type. */
function withoutCredentialValues(diagnostic: Diagnostic): Diagnostic {
  const name = diagnostic.path[0];
  if (diagnostic.path.length !== 1 || typeof name !== 'string' || !credentialOptions.has(name)) return diagnostic;
  return {
    ...diagnostic,
    message: `Option ${name} (required) must be a non-empty string: your OAuth client's ${name === 'clientId' ? 'id' : 'secret'} (client-credentials grant). Its value is not shown here.`,
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
