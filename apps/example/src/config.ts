import { readPushSettings, type PushSettings } from './push/push-settings.js';

/** The ids of your own vendor accounts, for `VENDOR_SCRIPTS=real`; see {@link readVendorAccounts}. */
export interface VendorAccounts {
  readonly giosg?: { readonly companyId: string };
  readonly genesys?: { readonly deploymentId: string; readonly environment: string };
  readonly comm100?: { readonly siteId: number; readonly campaignId: string; readonly customVariables: readonly string[] };
  readonly wxcc?: { readonly bindId: string; readonly guid: string; readonly org?: string };
  readonly imsupporting?: { readonly siteId: string };
}

/** The app's settings, all from environment variables with documented defaults (see the README). */
export interface ExampleConfig {
  /** `PORT`, default 3000; 0 picks a free port. */
  readonly port: number;
  /** `HOST`, default 127.0.0.1. */
  readonly host: string;
  /** `VENDOR_SCRIPTS`: `stand-in` (default, offline) or `real` (the vendors' own scripts; needs accounts). */
  readonly vendorScripts: 'stand-in' | 'real';
  /** `INBOX_SIZE`, default 50: how many inbound contexts the operator page keeps in memory. */
  readonly inboxSize: number;
  /** `INBOX_MAX_BYTES`, default 2 MiB: how many bytes (as JSON) the kept contexts may hold together. */
  readonly inboxMaxBytes: number;
  /** `CSP`, default `on`: send a nonce-based Content-Security-Policy. */
  readonly contentSecurityPolicy: boolean;
  /**
   * The vendor accounts the embeds use. With `VENDOR_SCRIPTS=stand-in`, any vendor without its variables gets
   * demo ids (the stand-ins accept anything); with `real`, only the vendors whose variables are set are shown.
   */
  readonly accounts: VendorAccounts;
  /** Which vendors have their real account variables set. */
  readonly configuredVendors: readonly (keyof VendorAccounts)[];
  /** Where "Push from the server" sends: each vendor's real API when its credentials are set, else a local stand-in. */
  readonly push: PushSettings;
}

type Environment = Record<string, string | undefined>;

/** The ids the stand-ins get when no account is configured: any value works offline. */
const demoAccounts: Required<VendorAccounts> = {
  giosg: { companyId: 'demo-company' },
  genesys: { deploymentId: '00000000-0000-4000-8000-000000000000', environment: 'prod-euw1' },
  comm100: { siteId: 10100116, campaignId: 'c9e91d04-3774-4470-b84d-6bc00874fe9d', customVariables: ['plan', 'seats', 'vip', 'lastOrder'] },
  wxcc: { bindId: 'demo-bind-id', guid: 'demo-guid' },
  imsupporting: { siteId: 'demo-site' },
};

/** The environment variables of each vendor's account: name → whether it is required. */
export const vendorAccountVariables = {
  giosg: { GIOSG_COMPANY_ID: true },
  genesys: { GENESYS_DEPLOYMENT_ID: true, GENESYS_ENVIRONMENT: false },
  comm100: { COMM100_SITE_ID: true, COMM100_CAMPAIGN_ID: true, COMM100_CUSTOM_VARIABLES: false },
  wxcc: { WXCC_BIND_ID: true, WXCC_GUID: true, WXCC_ORG: false },
  imsupporting: { IMSUPPORTING_SITE_ID: true },
} as const satisfies Record<keyof VendorAccounts, Record<string, boolean>>;

function text(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Reads the vendor accounts from the environment. A vendor counts as configured when all its required variables
 * are set; setting only some of them is an error naming the missing ones, so a typo never silently falls back
 * to the demo ids.
 */
export function readVendorAccounts(env: Environment): VendorAccounts {
  const accounts: { -readonly [Vendor in keyof VendorAccounts]: VendorAccounts[Vendor] } = {};
  for (const [vendor, variables] of Object.entries(vendorAccountVariables) as [keyof VendorAccounts, Record<string, boolean>][]) {
    const required = Object.entries(variables).filter(([, isRequired]) => isRequired).map(([name]) => name);
    const missing = required.filter((name) => text(env, name) === undefined);
    if (missing.length === required.length) continue;
    if (missing.length > 0) throw new Error(`${vendor}: set ${missing.join(' and ')} too (the other ${vendor} variables are set).`);
  }
  const giosg = text(env, 'GIOSG_COMPANY_ID');
  if (giosg !== undefined) accounts.giosg = { companyId: giosg };
  const deploymentId = text(env, 'GENESYS_DEPLOYMENT_ID');
  if (deploymentId !== undefined) accounts.genesys = { deploymentId, environment: text(env, 'GENESYS_ENVIRONMENT') ?? 'prod' };
  const siteId = text(env, 'COMM100_SITE_ID');
  const campaignId = text(env, 'COMM100_CAMPAIGN_ID');
  if (siteId !== undefined && campaignId !== undefined) {
    const number = Number(siteId);
    if (!Number.isSafeInteger(number) || number <= 0) throw new Error(`COMM100_SITE_ID must be the site's number, got "${siteId}".`);
    const customVariables = (text(env, 'COMM100_CUSTOM_VARIABLES') ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
    accounts.comm100 = { siteId: number, campaignId, customVariables };
  }
  const bindId = text(env, 'WXCC_BIND_ID');
  const guid = text(env, 'WXCC_GUID');
  const org = text(env, 'WXCC_ORG');
  if (bindId !== undefined && guid !== undefined) accounts.wxcc = { bindId, guid, ...(org === undefined ? {} : { org }) };
  const imsupporting = text(env, 'IMSUPPORTING_SITE_ID');
  if (imsupporting !== undefined) accounts.imsupporting = { siteId: imsupporting };
  return accounts;
}

function wholeNumber(env: Environment, name: string, fallback: number, min: number, max: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${env[name]}".`);
  }
  return value;
}

export function readConfig(env: Environment = process.env): ExampleConfig {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env['PORT']}".`);
  const inboxSize = wholeNumber(env, 'INBOX_SIZE', 50, 1, 10_000);
  const inboxMaxBytes = wholeNumber(env, 'INBOX_MAX_BYTES', 2 * 1024 * 1024, 16 * 1024, 256 * 1024 * 1024);
  const vendorScripts = env['VENDOR_SCRIPTS'] ?? 'stand-in';
  if (vendorScripts !== 'stand-in' && vendorScripts !== 'real') {
    throw new Error(`VENDOR_SCRIPTS must be "stand-in" or "real", got "${vendorScripts}".`);
  }
  const csp = env['CSP'] ?? 'on';
  if (csp !== 'on' && csp !== 'off') throw new Error(`CSP must be "on" or "off", got "${csp}".`);
  const configured = readVendorAccounts(env);
  const configuredVendors = Object.keys(configured) as (keyof VendorAccounts)[];
  if (vendorScripts === 'real' && configuredVendors.length === 0) {
    const names = Object.values(vendorAccountVariables).flatMap((variables) =>
      Object.entries(variables).filter(([, required]) => required).map(([name]) => name),
    );
    throw new Error(`VENDOR_SCRIPTS=real needs at least one vendor account: set ${names.join(', ')} (see apps/example/README.md).`);
  }
  return {
    port,
    host: env['HOST'] ?? '127.0.0.1',
    vendorScripts,
    inboxSize,
    inboxMaxBytes,
    contentSecurityPolicy: csp === 'on',
    accounts: vendorScripts === 'real' ? configured : { ...demoAccounts, ...configured },
    configuredVendors,
    push: readPushSettings(env),
  };
}
