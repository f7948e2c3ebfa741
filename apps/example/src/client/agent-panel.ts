/**
 * Shared by every stand-in bundle: runs the stand-in where the vendor's script tag stood, and keeps the page's
 * agent panel showing exactly what the "vendor" received. Text only (textContent), never HTML.
 */
export interface RecordingStandIn {
  readonly loader?: (script: HTMLScriptElement) => void;
  received(): unknown;
}

export function runStandIn(standIn: RecordingStandIn, view: () => unknown = () => standIn.received()): void {
  const script = document.currentScript;
  if (standIn.loader !== undefined && script instanceof HTMLScriptElement) standIn.loader(script);
  let shown = '';
  const render = (): void => {
    const panel = document.querySelector<HTMLElement>('[data-agent-panel]');
    if (panel === null) return;
    const received = view();
    const text = received === undefined ? 'Nothing received yet.' : JSON.stringify(received, null, 2);
    if (text !== shown) {
      shown = text;
      panel.textContent = text;
      panel.dataset['updated'] = String(Date.now());
    }
  };
  render();
  setInterval(render, 100);
}
