import { escapeHtml } from '@visitor-context/core';

/** The few lines a developer writes to get the panel it sits next to; shown as text, never interpreted. */
export function renderCodePanel(panel: string, code: string, summary: string, open = true): string {
  return `<details class="code"${open ? ' open' : ''}><summary>${escapeHtml(summary)}</summary><pre><code data-code-panel="${escapeHtml(panel)}">${escapeHtml(code)}</code></pre></details>`;
}

/** The translation a developer writes between two adapters (the translate page). */
export function translationCode(from: string, to: string): string {
  const fromAdapter = `${from}Adapter`;
  const toAdapter = `${to}Adapter`;
  const imports =
    from === to
      ? `import { ${fromAdapter} } from '@visitor-context/${from}';`
      : `import { ${fromAdapter} } from '@visitor-context/${from}';\nimport { ${toAdapter} } from '@visitor-context/${to}';`;
  return `${imports}

const canonical = ${fromAdapter}.fromVendor(payloadText); // JSON text or a parsed object
if (canonical.ok) {
  const payload = ${toAdapter}.toVendor(canonical.value);
  // canonical.diagnostics and payload.diagnostics: every field kept aside, dropped or changed on the way
}`;
}
