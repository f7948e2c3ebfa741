// The single-page app's use of @visitor-context/genesys/browser: apply the payload the server translated.
// Logging out removes the custom attributes from the Messenger database: Database.set merges, so an empty set
// would leave the last customer's attributes in place. (Attributes already sent with a message stay with that
// conversation, as Genesys documents.)
import { applyGenesysPayload } from '@visitor-context/genesys/browser';
import { wireSpaControls } from '../spa-controls.js';

type GenesysCommand = (kind: 'command', name: string, options: unknown, onFulfilled: () => void, onRejected: (error: unknown) => void) => void;

function removeCustomAttributes(): Promise<{ ok: boolean; diagnostics: readonly unknown[]; value?: unknown }> {
  const genesys = (window as unknown as { Genesys?: GenesysCommand }).Genesys;
  if (genesys === undefined) return Promise.resolve({ ok: false, diagnostics: [{ code: 'not_applied', message: 'Genesys is not on the page.' }] });
  return new Promise((resolve) => {
    genesys(
      'command',
      'Database.remove',
      { name: 'messaging.customAttributes' },
      () => resolve({ ok: true, diagnostics: [], value: { removed: 'messaging.customAttributes' } }),
      (error) => resolve({ ok: false, diagnostics: [{ code: 'vendor_error', message: String(error) }] }),
    );
  });
}

wireSpaControls(
  (payload) => applyGenesysPayload(payload as Parameters<typeof applyGenesysPayload>[0], { timeoutMs: 10_000 }),
  removeCustomAttributes,
);
