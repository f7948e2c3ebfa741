import * as z from 'zod/mini';
import { GenesysChannelSchema, GenesysDatabaseCommandSchema, GenesysRoutingTargetSchema } from './genesys-api.js';

/**
 * Options of `toVendor`. Every option not given falls back to the adapter's own (see
 * `GenesysAdapterOptionsSchema`), then to the defaults below.
 * @public
 */
export const GenesysToVendorOptionsSchema = z.strictObject({
  /** Turn every warning into an error. */
  strict: z.optional(z.boolean()),
  /** Which Genesys format to produce; default `messenger`. */
  channel: z.optional(GenesysChannelSchema),
  /** `messenger`: `Database.set` (shallow merge, the default) or `Database.update` (deep merge). */
  command: z.optional(GenesysDatabaseCommandSchema),
  /** `open-messaging`: the guest session token to put in the `onMessage` frame. */
  token: z.optional(z.string()),
  /** `open-messaging`: the text of the message the attributes travel with; default empty. */
  text: z.optional(z.string()),
  /** `guest-chat`: your Genesys Cloud organization id. */
  organizationId: z.optional(z.string()),
  /** `guest-chat`: the widget deployment id. */
  deploymentId: z.optional(z.string()),
  /** `guest-chat`: where the chat is routed, e.g. `{ targetType: "QUEUE", targetAddress: "Support" }`. */
  routingTarget: z.optional(GenesysRoutingTargetSchema),
});

/** Options of `toVendor`, inferred from `GenesysToVendorOptionsSchema`. @public */
export type GenesysToVendorOptions = z.infer<typeof GenesysToVendorOptionsSchema>;

/**
 * Options of `fromVendor`.
 * @public
 */
export const GenesysFromVendorOptionsSchema = z.strictObject({
  /** Turn every warning into an error. */
  strict: z.optional(z.boolean()),
  /** Which conversation participant holds the visitor's attributes; default `customer`. */
  participantPurpose: z.optional(z.string().check(z.minLength(1))),
});

/** Options of `fromVendor`, inferred from `GenesysFromVendorOptionsSchema`. @public */
export type GenesysFromVendorOptions = z.infer<typeof GenesysFromVendorOptionsSchema>;

/**
 * Options of `createGenesysAdapter`: defaults for every `toVendor` call. The adapter's `capabilities`
 * describe its `channel`.
 * @public
 */
export const GenesysAdapterOptionsSchema = z.strictObject({
  /** The default channel, and the one `capabilities` describes; default `messenger`. */
  channel: z.optional(GenesysChannelSchema),
  /** The default Database command for `messenger`; default `Database.set`. */
  command: z.optional(GenesysDatabaseCommandSchema),
});

/** Options of `createGenesysAdapter`, inferred from `GenesysAdapterOptionsSchema`. @public */
export type GenesysAdapterOptions = z.infer<typeof GenesysAdapterOptionsSchema>;

/** The default Messenger bootstrap script (the `prod` / US East region). @public */
export const defaultGenesysMessengerScriptUrl = 'https://apps.mypurecloud.com/genesys-bootstrap/genesys.min.js';

/** The default legacy Web Chat v2 script. @public */
export const defaultGenesysWebChatScriptUrl = 'https://apps.mypurecloud.com/webchat/jsapi-v1.js';

/**
 * Options of `renderGenesysSnippet`: the translation options, plus how to render.
 * @public
 */
export const GenesysSnippetOptionsSchema = z.strictObject({
  ...GenesysToVendorOptionsSchema.shape,
  /** A CSP nonce for every `<script>` rendered. */
  nonce: z.optional(z.string()),
  /** `messenger`: the Messenger deployment id (required unless `includeLoader` is false). */
  deploymentId: z.optional(z.string()),
  /** `messenger`: the Genesys Cloud environment, e.g. `prod`, `prod-euw1`; default `prod`. */
  environment: z.optional(z.string()),
  /**
   * The vendor script: default {@link defaultGenesysMessengerScriptUrl} for `messenger`,
   * {@link defaultGenesysWebChatScriptUrl} for `web-chat`. Use your region's host.
   */
  scriptUrl: z.optional(z.string()),
  /** Render the vendor loader too; default true. Set false when the page already loads it. */
  includeLoader: z.optional(z.boolean()),
  /** `web-chat`: the rest of `chatConfig` (`webchatAppUrl`, `orgId`, `orgName`, `queueName`, …); `data` comes from the context. */
  webChatConfig: z.optional(z.record(z.string(), z.json())),
  /** `web-chat`: open the chat as a popup (default) or in a frame inside `webChatContainerId`. */
  webChatRender: z.optional(z.enum(['popup', 'frame'])),
  /** `web-chat`: the id of the element that holds the chat frame, for `webChatRender: "frame"`. */
  webChatContainerId: z.optional(z.string()),
  /** `attributes`, `open-messaging`, `guest-chat`: the id of the rendered JSON data block; default `genesys-visitor-context`. */
  dataElementId: z.optional(z.string()),
});

/** Options of `renderGenesysSnippet`, inferred from `GenesysSnippetOptionsSchema`. @public */
export type GenesysSnippetOptions = z.infer<typeof GenesysSnippetOptionsSchema>;
