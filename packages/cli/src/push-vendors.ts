/**
 * What `push <vendor>` needs to know about each vendor with a server-side REST API: the `./server` entry and its
 * two exports, the environment variables the credentials come from, the base-URL overrides, and the ids that name
 * the target. Every push vendor has the same shape, so `push-command.ts` stays generic.
 */

/** One credential, always read from the environment. */
export interface PushCredential {
  /** The environment variable it is read from. */
  readonly variable: string;
  /** The key of the client options it becomes. */
  readonly option: string;
  /** What it is, for messages: `the OAuth client secret`. */
  readonly description: string;
  /** Whether it must never be shown (redacted from every line the command prints). */
  readonly secret: boolean;
  /** The flag someone might try to pass it with; refused with a message that says why and names the variable. */
  readonly refusedFlag: string;
  /** Not needed when every base URL of the vendor is given (the Genesys region only names the hosts). */
  readonly optionalWithAllBaseUrls?: boolean;
}

/** A base URL of the vendor's API that can be pointed elsewhere (a test stand-in, a proxy). */
export interface PushBaseUrl {
  /** The flag; it wins over the environment variable. */
  readonly flag: string;
  /** The commander attribute name of the flag. */
  readonly flagKey: string;
  /** The environment variable. */
  readonly variable: string;
  /** The key of the client options it becomes. */
  readonly option: string;
  readonly description: string;
}

/** One id of the push target, given as a flag. */
export interface PushTargetId {
  readonly flag: string;
  /** The commander attribute name of the flag, also the key of the target object the push function takes. */
  readonly key: string;
  readonly required: boolean;
  readonly description: string;
}

/** A vendor `push` can deliver to. */
export interface PushVendorEntry {
  /** The vendor id, as in the adapter registry. */
  readonly id: 'genesys' | 'giosg';
  readonly label: string;
  /** The adapter's server entry. */
  readonly serverModule: string;
  /** `(options) => client`; may throw core's `VisitorContextError` on invalid options. */
  readonly createClientExport: string;
  /** `(client, target, context, options?) => Promise<Result<receipt>>`. */
  readonly pushExport: string;
  /** What is written, for help and messages. */
  readonly writes: string;
  readonly credentials: readonly PushCredential[];
  readonly baseUrls: readonly PushBaseUrl[];
  readonly targetIds: readonly PushTargetId[];
  /** An example command line, for help. */
  readonly example: string;
}

/** The vendors `push` knows, in the order help lists them. */
export const pushVendors: readonly PushVendorEntry[] = Object.freeze([
  {
    id: 'genesys',
    label: 'Genesys Cloud',
    serverModule: '@visitor-context/genesys/server',
    createClientExport: 'createGenesysServerClient',
    pushExport: 'pushGenesysParticipantAttributes',
    writes: "the customer participant's attributes of a conversation (PATCH …/participants/{participantId}/attributes)",
    // The names Genesys' own CLI (gc) and Terraform provider read, so one set of variables serves all three.
    credentials: [
      {
        variable: 'GENESYSCLOUD_REGION',
        option: 'region',
        description: 'the Genesys Cloud region, e.g. mypurecloud.ie or eu-west-1',
        secret: false,
        refusedFlag: '--region',
        optionalWithAllBaseUrls: true,
      },
      { variable: 'GENESYSCLOUD_OAUTHCLIENT_ID', option: 'clientId', description: 'the OAuth client id', secret: false, refusedFlag: '--client-id' },
      { variable: 'GENESYSCLOUD_OAUTHCLIENT_SECRET', option: 'clientSecret', description: 'the OAuth client secret', secret: true, refusedFlag: '--client-secret' },
    ],
    baseUrls: [
      { flag: '--api-base-url', flagKey: 'apiBaseUrl', variable: 'GENESYSCLOUD_API_BASE_URL', option: 'apiBaseUrl', description: 'the Platform API (default: https://api.<region domain>)' },
      { flag: '--login-base-url', flagKey: 'loginBaseUrl', variable: 'GENESYSCLOUD_LOGIN_BASE_URL', option: 'loginBaseUrl', description: 'the OAuth login service (default: https://login.<region domain>)' },
    ],
    targetIds: [
      { flag: '--conversation-id', key: 'conversationId', required: true, description: 'the conversation to write to' },
      { flag: '--participant-id', key: 'participantId', required: false, description: "the participant to write to (default: the conversation's customer participant)" },
    ],
    example: 'visitor-context push genesys --conversation-id 7f3c…-… context.json',
  },
  {
    id: 'giosg',
    label: 'giosg',
    serverModule: '@visitor-context/giosg/server',
    createClientExport: 'createGiosgServerClient',
    pushExport: 'pushGiosgVisitorVariables',
    writes: "a visitor's variables in a room (giosg REST API)",
    credentials: [
      { variable: 'GIOSG_API_TOKEN', option: 'apiToken', description: 'the giosg API token', secret: true, refusedFlag: '--api-token' },
      { variable: 'GIOSG_ORGANIZATION_ID', option: 'organizationId', description: 'the giosg organization id', secret: false, refusedFlag: '--organization-id' },
    ],
    baseUrls: [{ flag: '--api-base-url', flagKey: 'apiBaseUrl', variable: 'GIOSG_API_BASE_URL', option: 'apiBaseUrl', description: "the giosg API (default: giosg's production API, as the giosg adapter sets it)" }],
    targetIds: [
      { flag: '--room-id', key: 'roomId', required: true, description: 'the room the visitor is in' },
      { flag: '--visitor-id', key: 'visitorId', required: true, description: 'the visitor whose variables are written' },
    ],
    example: 'visitor-context push giosg --room-id <room-id> --visitor-id <visitor-id> context.json',
  },
]);

/** Flags that look like a credential whatever the vendor: refused too, never echoed with their value. */
export const genericSecretFlags: readonly string[] = Object.freeze(['--secret', '--token', '--access-token', '--api-key', '--password', '--oauth-client-secret', '--oauth-client-id']);

/** The entry for a vendor id; undefined for one `push` does not support. */
export function findPushVendor(id: string): PushVendorEntry | undefined {
  return pushVendors.find((entry) => entry.id === id);
}
