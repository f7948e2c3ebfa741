/**
 * The visitor-context adapter for the IMSupporting Flow Widget: translates a canonical visitor context to the
 * widget's visitor-context object (pre-fill `ims_*` keys and operator metadata), renders the embed, and reads
 * the stored `visitor_context_data` or the base64 wire payload back. Isomorphic and pure.
 *
 * @packageDocumentation
 */
export {
  createImsupportingAdapter,
  imsupportingAdapter,
  type ImsupportingAdapter,
} from './create-imsupporting-adapter.js';
export { createImsupportingSnippetRenderer, renderImsupportingSnippet } from './render-imsupporting-snippet.js';
export {
  ImsupportingFlowConfigSchema,
  ImsupportingStoredContextSchema,
  ImsupportingVisitorContextSchema,
  ImsupportingWirePayloadSchema,
  defaultImsupportingScriptUrl,
  imsupportingReservedKeys,
  type ImsupportingFlowConfig,
  type ImsupportingReservedKey,
  type ImsupportingVisitorContext,
} from './imsupporting-api.js';
export {
  ImsupportingAdapterOptionsSchema,
  ImsupportingFromVendorOptionsSchema,
  ImsupportingSnippetOptionsSchema,
  ImsupportingToVendorOptionsSchema,
  type ImsupportingAdapterOptions,
  type ImsupportingFromVendorOptions,
  type ImsupportingSnippetOptions,
  type ImsupportingToVendorOptions,
} from './imsupporting-options.js';
export {
  defaultImsupportingLimits,
  defaultImsupportingMetadataKeys,
  type ImsupportingLimits,
  type ImsupportingMetadataField,
} from './imsupporting-defaults.js';
