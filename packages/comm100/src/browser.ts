/**
 * The browser runtime of the Comm100 adapter, in separately importable pieces:
 * - `applyComm100Payload` delivers an already translated payload to the live Comm100 widget;
 * - `translateComm100Context` translates a context in the page;
 * - `applyComm100Context` does both;
 * - `clearComm100VisitorData` blanks the custom variables and pre-chat fields again, e.g. on logout.
 * Nothing here runs a zod schema (validation stays out of the browser path by design: validate contexts from
 * outside your code with `parseVisitorContext` or the `.` entry), and nothing throws into the page.
 *
 * @packageDocumentation
 */
export {
  applyComm100Payload,
  type ApplyComm100Options,
  type Comm100ApplyReport,
} from './apply-comm100-payload.js';
export { translateComm100Context } from './translate-comm100-context.js';
export { applyComm100Context, type ApplyComm100ContextOptions } from './apply-comm100-context.js';
export {
  clearComm100VisitorData,
  type ClearComm100VisitorDataOptions,
  type Comm100ClearReport,
} from './clear-comm100-visitor-data.js';
export type { Comm100Payload, Comm100PrechatFieldType } from './comm100-api.js';
export type { Comm100ToVendorOptions } from './comm100-options.js';
// Types only (no runtime code): the schemas the payload and option types above are inferred from.
export type { Comm100PayloadSchema, comm100PrechatFieldTypes } from './comm100-api.js';
export type { Comm100ToVendorOptionsSchema } from './comm100-options.js';
