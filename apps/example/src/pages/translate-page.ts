import { escapeHtml, type Diagnostic } from '@visitor-context/core';
import type { VendorDemo } from '../vendor-demo.js';
import { renderCodePanel, translationCode } from './code-panel.js';
import { renderDiagnostics, renderJsonBlock } from './diagnostics-list.js';

export interface TranslateInput {
  readonly vendors: readonly VendorDemo[];
  readonly from: VendorDemo;
  readonly to: VendorDemo;
  readonly payload: string;
  /** Present after the form was submitted. */
  readonly submitted: boolean;
}

function select(name: string, vendors: readonly VendorDemo[], current: VendorDemo): string {
  const options = vendors.map(
    (vendor) => `<option value="${escapeHtml(vendor.id)}"${vendor === current ? ' selected' : ''}>${escapeHtml(vendor.label)}</option>`,
  );
  return `<select name="${name}" id="${name}">${options.join('')}</select>`;
}

/**
 * Paste a payload from vendor A: see the canonical context, then vendor B's payload and snippet, with every
 * warning on the way. The snippet is shown as text, never rendered.
 */
export async function renderTranslatePage(input: TranslateInput): Promise<{ title: string; body: string }> {
  let results = '';
  if (input.submitted) {
    const inbound = input.from.fromVendor(input.payload);
    results += `<section id="step-canonical"><h2>1. ${escapeHtml(input.from.label)} → canonical</h2>${inbound.ok ? renderJsonBlock(inbound.value, ' data-canonical') : ''}${renderDiagnostics(inbound.diagnostics)}</section>`;
    if (inbound.ok) {
      const outbound = input.to.toVendor(inbound.value);
      const snippet = await input.to.embed(inbound.value, { nonce: undefined, vendorScripts: 'real' });
      const snippetWarnings: Diagnostic[] = snippet.diagnostics.filter(
        (item) => !outbound.diagnostics.some((other) => other.code === item.code && other.message === item.message),
      );
      results += `<section id="step-vendor"><h2>2. canonical → ${escapeHtml(input.to.label)} payload</h2>${outbound.ok ? renderJsonBlock(outbound.value, ' data-vendor-payload') : ''}${renderDiagnostics(outbound.diagnostics)}</section>
<section id="step-snippet"><h2>3. ${escapeHtml(input.to.label)} snippet (HTML, shown as text)</h2>${snippet.ok ? `<pre data-snippet>${escapeHtml(snippet.value)}</pre>` : ''}${renderDiagnostics(snippetWarnings, 'No further warnings.')}</section>`;
    }
  }
  const body = `<h1>Translate between vendors</h1>
<form method="post" action="/translate"><p><label>From ${select('from', input.vendors, input.from)}</label> <label>to ${select('to', input.vendors, input.to)}</label></p>
<p><label for="payload">${escapeHtml(input.from.label)} payload (JSON)</label><textarea name="payload" id="payload">${escapeHtml(input.payload)}</textarea></p>
<p><button type="submit">Translate</button> <span class="muted">Changing "from" and submitting an empty payload loads that vendor's sample.</span></p></form>
${renderCodePanel('translate', translationCode(input.from.id, input.to.id), `The code for ${input.from.label} → ${input.to.label}`)}
${results}`;
  return { title: 'Translate', body };
}
