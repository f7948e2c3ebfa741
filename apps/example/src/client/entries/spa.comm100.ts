// The single-page app's use of @visitor-context/comm100/browser: apply the payload the server translated, and
// on logout blank every custom variable the account defines (the server puts their names in the page).
import { applyComm100Payload, clearComm100VisitorData } from '@visitor-context/comm100/browser';
import { readBrowserSettings, wireSpaControls } from '../spa-controls.js';

const { customVariables } = readBrowserSettings() as { customVariables: string[] };

wireSpaControls(
  (payload) => applyComm100Payload(payload as Parameters<typeof applyComm100Payload>[0], { timeoutMs: 10_000 }),
  () => clearComm100VisitorData({ customVariables, timeoutMs: 10_000 }),
);
