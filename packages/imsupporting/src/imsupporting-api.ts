import * as z from 'zod/mini';

/**
 * The Flow Widget loader's documented default URL.
 * @public
 */
export const defaultImsupportingScriptUrl =
  'https://dashboard.imsupporting.com/public_FlowWidget/popover_assets/js/flowwidget.js';

/**
 * The reserved pre-fill keys. The workflow engine answers (and skips) the steps that ask for these.
 * `ims_phone` is the documented alias of `ims_telephone`, read only when `ims_telephone` is absent.
 * @public
 */
export const imsupportingReservedKeys = ['ims_username', 'ims_email', 'ims_telephone', 'ims_phone'] as const;

/** One of {@link imsupportingReservedKeys}. @public */
export type ImsupportingReservedKey = (typeof imsupportingReservedKeys)[number];

/**
 * The visitor-context object as the widget receives it (the `data-visitor-context` JSON or
 * `imsFlowConfig.visitorContext`) and as the server stores it in `activesessions.visitor_context_data` and
 * `chatlogs.visitor_context_data`: a flat map of keys to strings. The widget also accepts numbers and
 * booleans (converted to strings by the server); this adapter always sends strings.
 * @public
 */
export const ImsupportingVisitorContextSchema: z.ZodMiniType<ImsupportingVisitorContext> = z.record(z.string(), z.string());

/** A Flow Widget visitor-context object, key to string: see `ImsupportingVisitorContextSchema`. @public */
export type ImsupportingVisitorContext = Record<string, string>;

/**
 * A stored or received context as it may come back from the vendor: a flat map whose values the server
 * stores as strings (numbers and booleans are tolerated, anything else is kept in the vendor bag).
 * @public
 */
export const ImsupportingStoredContextSchema = z.record(z.string(), z.json());

/**
 * The base64 wire payload the widget attaches to its initialisation URL: base64 of the context's JSON text.
 * @public
 */
export const ImsupportingWirePayloadSchema = z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/));

/**
 * `window.imsFlowConfig`, the configuration a page may define before the loader script runs.
 * `visitorContext` is ignored when the loader's script tag has a `data-visitor-context` attribute.
 * @public
 */
export const ImsupportingFlowConfigSchema = z.object({
  siteid: z.string(),
  mode: z.string(),
  visitorContext: z.optional(ImsupportingVisitorContextSchema),
});

/** `window.imsFlowConfig`: see {@link ImsupportingFlowConfigSchema}. @public */
export type ImsupportingFlowConfig = z.infer<typeof ImsupportingFlowConfigSchema>;
