// The `./browser` entry: translates a visitor context and applies it to the live IMSupporting Flow Widget in a
// single-page app, e.g. after login or logout. The widget reads its context once, when it initialises; applying
// updates what it reads and calls `window.imsFlowWidget.reload()`. Nothing here reaches zod: validation stays
// out of the browser path by design (validate outside contexts with core's `parseVisitorContext`).
export {
  applyImsupportingPayload,
  type ApplyImsupportingOptions,
  type ImsupportingApplied,
} from './apply-imsupporting-payload.js';
export { applyImsupportingContext, type ApplyImsupportingContextOptions } from './apply-imsupporting-context.js';
export { translateImsupportingContext } from './translate-imsupporting-context.js';
export type { ImsupportingVisitorContext } from './imsupporting-api.js';
export type { ImsupportingToVendorOptions } from './imsupporting-options.js';
