import { escapeHtml, toJsonText } from '@visitor-context/core';
import { demoVisitors } from '../demo-visitors.js';
import type { VendorDemo, VendorScripts } from '../vendor-demo.js';
import { renderCodePanel } from './code-panel.js';

/**
 * The single-page-app flow: the page starts anonymous; logging in or out fetches the new context's payload from
 * the server and applies it with the adapter's `./browser` runtime, without a reload.
 */
export async function renderSpaPage(
  vendors: readonly VendorDemo[],
  vendor: VendorDemo,
  nonce: string | undefined,
  vendorScripts: VendorScripts,
): Promise<{ title: string; body: string; scripts: string[] }> {
  const anonymous = await vendor.embed({}, { nonce, vendorScripts });
  const links = vendors
    .map((each) => `<a href="/spa?vendor=${encodeURIComponent(each.id)}"${each === vendor ? ' aria-current="page"' : ''}>${escapeHtml(each.label)}</a>`)
    .join('');
  const visitors = demoVisitors.filter((visitor) => visitor.id !== 'anonymous');
  const body = `<nav class="choices" aria-label="Vendor">Vendor: ${links}</nav>
<div class="grid"><section id="spa" data-vendor="${escapeHtml(vendor.id)}" data-visitors="${escapeHtml(toJsonText(visitors.map((visitor) => visitor.id)))}" data-settings="${escapeHtml(toJsonText(vendor.browserSettings ?? {}))}">
<h2>Single-page app</h2><p>Signed in as: <strong id="signed-in-as">nobody</strong></p>
${visitors.map((visitor) => `<button type="button" data-login="${escapeHtml(visitor.id)}">Log in as ${escapeHtml(visitor.label)}</button>`).join(' ')}
<button type="button" data-logout>Log out</button>
<h3>Last update</h3><pre id="spa-status">No update yet.</pre>
${renderCodePanel('browser', vendor.code.browser, 'The code for this login and logout (browser)')}</section>
<aside id="agent-panel" data-vendor="${escapeHtml(vendor.id)}"><h2>Agent panel: what ${escapeHtml(vendor.label)} received</h2><pre data-agent-panel>Waiting for the widget…</pre></aside></div>
<div id="vendor-embed">${anonymous.ok ? anonymous.value : ''}</div>`;
  return { title: `Single-page app · ${vendor.label}`, body, scripts: [`/assets/${vendor.id}-spa.js`] };
}
