// The single-page app's use of @visitor-context/giosg/browser: apply the payload the server translated, and
// remove the visitor's data on logout, as giosg documents for shared computers.
import { applyGiosgPayload, removeGiosgVisitorData } from '@visitor-context/giosg/browser';
import { wireSpaControls } from '../spa-controls.js';

wireSpaControls(
  (payload) => applyGiosgPayload(payload as Parameters<typeof applyGiosgPayload>[0], { timeoutMs: 10_000 }),
  () => removeGiosgVisitorData(undefined, { timeoutMs: 10_000, closeChat: true }),
);
