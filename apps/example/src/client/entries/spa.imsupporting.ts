// The single-page app's use of @visitor-context/imsupporting/browser: apply the payload the server translated.
import { applyImsupportingPayload } from '@visitor-context/imsupporting/browser';
import { wireSpaControls } from '../spa-controls.js';

wireSpaControls((payload) => applyImsupportingPayload(payload as Parameters<typeof applyImsupportingPayload>[0], { timeoutMs: 10_000 }));
