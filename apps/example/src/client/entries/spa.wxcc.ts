// The single-page app's use of @visitor-context/wxcc/browser: apply the payload the server translated.
import { applyWxccPayload } from '@visitor-context/wxcc/browser';
import { wireSpaControls } from '../spa-controls.js';

wireSpaControls((payload) => applyWxccPayload(payload as Parameters<typeof applyWxccPayload>[0], { timeoutMs: 10_000 }));
