/**
 * Where the "Push from the server" panel sends: each vendor's real REST API when its credentials are in the
 * environment (the same variable names as the CLI's `visitor-context push`), else a local stand-in of that API the
 * app starts itself, so the panel works offline with no account.
 */

type Environment = Record<string, string | undefined>;

/** Genesys Cloud credentials: an OAuth client with the client-credentials grant, and its org's region. */
export interface GenesysPushCredentials {
  readonly region?: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly apiBaseUrl?: string;
  readonly loginBaseUrl?: string;
}

/** giosg credentials: an API token of the organization. */
export interface GiosgPushCredentials {
  readonly apiToken: string;
  readonly organizationId: string;
  readonly apiBaseUrl?: string;
}

/** Per vendor: the real API with these credentials, or `stand-in`. */
export interface PushSettings {
  readonly genesys: { readonly mode: 'real'; readonly credentials: GenesysPushCredentials } | { readonly mode: 'stand-in' };
  readonly giosg: { readonly mode: 'real'; readonly credentials: GiosgPushCredentials } | { readonly mode: 'stand-in' };
}

/**
 * The variables of each vendor's API credentials: name → whether it is required. The names are those of
 * Genesys' own CLI and Terraform provider, and the ones `visitor-context push` reads.
 */
export const pushCredentialVariables = {
  genesys: { GENESYSCLOUD_REGION: true, GENESYSCLOUD_OAUTHCLIENT_ID: true, GENESYSCLOUD_OAUTHCLIENT_SECRET: true, GENESYSCLOUD_API_BASE_URL: false, GENESYSCLOUD_LOGIN_BASE_URL: false },
  giosg: { GIOSG_API_TOKEN: true, GIOSG_ORGANIZATION_ID: true, GIOSG_API_BASE_URL: false },
} as const satisfies Record<keyof PushSettings, Record<string, boolean>>;

function text(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Reads the push credentials. A vendor is `real` when all its required variables are set and `stand-in` when none
 * is; setting only some is an error naming the missing ones, so a typo never silently falls back to the stand-in.
 * The error names variables only, never a value.
 */
export function readPushSettings(env: Environment): PushSettings {
  // As for the CLI: the Genesys region only names the hosts, so it is not needed when both base URLs are given.
  const genesysHostsGiven = text(env, 'GENESYSCLOUD_API_BASE_URL') !== undefined && text(env, 'GENESYSCLOUD_LOGIN_BASE_URL') !== undefined;
  for (const [vendor, variables] of Object.entries(pushCredentialVariables)) {
    const required = Object.entries(variables)
      .filter(([name, isRequired]) => isRequired && !(genesysHostsGiven && name === 'GENESYSCLOUD_REGION'))
      .map(([name]) => name);
    const missing = required.filter((name) => text(env, name) === undefined);
    const optionalSet = Object.keys(variables).filter((name) => !required.includes(name) && text(env, name) !== undefined);
    if (missing.length === required.length && optionalSet.length === 0) continue;
    if (missing.length > 0) {
      throw new Error(`${vendor} push: set ${missing.join(' and ')} too (the other ${vendor} API variables are set), or none of them for the local stand-in.`);
    }
  }
  const optional = (name: string, key: string): Record<string, string> => {
    const value = text(env, name);
    return value === undefined ? {} : { [key]: value };
  };
  const clientId = text(env, 'GENESYSCLOUD_OAUTHCLIENT_ID');
  const clientSecret = text(env, 'GENESYSCLOUD_OAUTHCLIENT_SECRET');
  const apiToken = text(env, 'GIOSG_API_TOKEN');
  const organizationId = text(env, 'GIOSG_ORGANIZATION_ID');
  return {
    genesys:
      clientId === undefined || clientSecret === undefined
        ? { mode: 'stand-in' }
        : {
            mode: 'real',
            credentials: {
              ...optional('GENESYSCLOUD_REGION', 'region'),
              clientId,
              clientSecret,
              ...optional('GENESYSCLOUD_API_BASE_URL', 'apiBaseUrl'),
              ...optional('GENESYSCLOUD_LOGIN_BASE_URL', 'loginBaseUrl'),
            },
          },
    giosg:
      apiToken === undefined || organizationId === undefined
        ? { mode: 'stand-in' }
        : { mode: 'real', credentials: { apiToken, organizationId, ...optional('GIOSG_API_BASE_URL', 'apiBaseUrl') } },
  };
}
