/**
 * The browser runtime of the Comm100 adapter: delivers visitor context to the live Comm100 widget in a page.
 * `applyComm100Payload` is tiny (no validation library); `applyComm100Context` also translates.
 *
 * @packageDocumentation
 */
export {
  applyComm100Payload,
  type ApplyComm100Options,
  type Comm100ApplyReport,
} from './apply-comm100-payload.js';
export { applyComm100Context, type ApplyComm100ContextOptions } from './apply-comm100-context.js';
export type { Comm100Payload, Comm100PrechatFieldType } from './comm100-api.js';
export type { Comm100Adapter } from './comm100-adapter.js';
export type { Comm100ToVendorOptions, Comm100CanonicalFieldName } from './comm100-options.js';
// Types only (no runtime code): the schemas the payload and option types above are inferred from.
export type { Comm100PayloadSchema, comm100PrechatFieldTypes } from './comm100-api.js';
export type {
  Comm100FromVendorOptions,
  Comm100FromVendorOptionsSchema,
  Comm100ToVendorOptionsSchema,
  comm100CanonicalFieldNames,
} from './comm100-options.js';
