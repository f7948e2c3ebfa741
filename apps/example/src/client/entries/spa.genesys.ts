// The single-page app's use of @visitor-context/genesys/browser: apply the payload the server translated on
// login, and remove the custom attributes from the Messenger database on logout (Database.set merges, so
// applying the anonymous payload would leave the last customer's attributes in place). Attributes already sent
// with a message stay with that conversation, as Genesys documents.
import { applyGenesysPayload, removeGenesysCustomAttributes } from '@visitor-context/genesys/browser';
import { wireSpaControls } from '../spa-controls.js';

wireSpaControls(
  (payload) => applyGenesysPayload(payload as Parameters<typeof applyGenesysPayload>[0], { timeoutMs: 10_000 }),
  () => removeGenesysCustomAttributes({ timeoutMs: 10_000 }),
);
