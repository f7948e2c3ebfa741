import { escapeHtml, parseVisitorContext, type Diagnostic } from '@visitor-context/core';
import { demoVisitors, type DemoVisitor } from '../demo-visitors.js';
import type { VendorDemo, VendorScripts } from '../vendor-demo.js';
import { renderCodePanel } from './code-panel.js';
import { renderDiagnostics, renderJsonBlock } from './diagnostics-list.js';

export interface WidgetPageInput {
  readonly vendors: readonly VendorDemo[];
  readonly vendor: VendorDemo;
  readonly visitor: DemoVisitor;
  readonly nonce: string | undefined;
  readonly vendorScripts: VendorScripts;
}

function choices(input: WidgetPageInput): string {
  const link = (vendor: string, visitor: string, label: string, current: boolean): string =>
    `<a href="/?vendor=${encodeURIComponent(vendor)}&amp;visitor=${encodeURIComponent(visitor)}"${current ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a>`;
  return `<nav class="choices" aria-label="Vendor">Vendor: ${input.vendors.map((vendor) => link(vendor.id, input.visitor.id, vendor.label, vendor === input.vendor)).join('')}</nav>
<nav class="choices" aria-label="Visitor">Visitor: ${demoVisitors.map((visitor) => link(input.vendor.id, visitor.id, visitor.label, visitor === input.visitor)).join('')}</nav>`;
}

/**
 * The widget demo: the server validates the visitor's session as a canonical context and renders the vendor's
 * embed with its adapter; the agent panel (filled by the stand-in) shows exactly what the vendor received.
 */
export async function renderWidgetPage(input: WidgetPageInput): Promise<{ body: string; title: string }> {
  const parsed = parseVisitorContext(input.visitor.session);
  let embed = '';
  let warnings: readonly Diagnostic[] = parsed.diagnostics;
  if (parsed.ok) {
    const rendered = await input.vendor.embed(parsed.value, { nonce: input.nonce, vendorScripts: input.vendorScripts });
    warnings = [...parsed.diagnostics, ...rendered.diagnostics];
    if (rendered.ok) embed = rendered.value;
  }
  const body = `${choices(input)}
<div class="grid">
<section><h2>What the server knew</h2>${renderJsonBlock(input.visitor.session, ' id="session"')}
<h2>Adapter warnings</h2><div id="warnings">${renderDiagnostics(warnings)}</div>
<p class="muted">Vendor scripts: ${escapeHtml(input.vendorScripts === 'stand-in' ? 'testkit stand-in (offline)' : 'the vendor\'s real script')}.</p>
${renderCodePanel('embed', input.vendor.code.embed, 'The code for this embed (server)')}</section>
<aside id="agent-panel" data-vendor="${escapeHtml(input.vendor.id)}"><h2>Agent panel: what ${escapeHtml(input.vendor.label)} received</h2><pre data-agent-panel>Waiting for the widget…</pre></aside>
</div>
<div id="vendor-embed">${embed}</div>`;
  return { title: `${input.vendor.label} · ${input.visitor.label}`, body };
}
