// The single-page app's use of @visitor-context/comm100/browser: apply the payload the server translated.
import { applyComm100Payload } from '@visitor-context/comm100/browser';
import { wireSpaControls } from '../spa-controls.js';

wireSpaControls((payload) => applyComm100Payload(payload as Parameters<typeof applyComm100Payload>[0], { timeoutMs: 10_000 }));
