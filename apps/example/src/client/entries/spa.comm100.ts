// The single-page app's use of @visitor-context/comm100/browser: apply the payload the server translated, and
// on logout blank the custom variables and pre-chat values Comm100 keeps for the visitor, which is the only
// clearing Comm100 documents.
import { applyComm100Payload, clearComm100VisitorData } from '@visitor-context/comm100/browser';
import { wireSpaControls } from '../spa-controls.js';

// The custom variables the demo's (imaginary) Control Panel defines: the server's list in src/vendors/comm100.ts
// and the stand-in's. Repeated here because importing the server module would bundle the schema library into
// the page; the end-to-end test fails if a variable is left out, since its value would then stay behind.
const customVariables = ['plan', 'seats', 'vip', 'lastOrder'];

wireSpaControls(
  (payload) => applyComm100Payload(payload as Parameters<typeof applyComm100Payload>[0], { timeoutMs: 10_000 }),
  () => clearComm100VisitorData({ customVariables, timeoutMs: 10_000 }),
);
