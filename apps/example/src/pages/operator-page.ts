import { escapeHtml } from '@visitor-context/core';
import type { Inbox } from '../inbox.js';
import type { VendorDemo } from '../vendor-demo.js';
import { renderDiagnostics, renderJsonBlock } from './diagnostics-list.js';

/** The operator inbox: normalized inbound contexts, newest first, with their warnings. */
export function renderOperatorPage(inbox: Inbox, vendors: readonly VendorDemo[]): { title: string; body: string } {
  const forms = vendors
    .map(
      (vendor) =>
        `<form method="post" action="/operator/samples/${escapeHtml(vendor.id)}"><button type="submit">Receive a sample ${escapeHtml(vendor.label)} payload</button></form>`,
    )
    .join('');
  const rows = inbox
    .list()
    .map(
      (entry) => `<tr data-vendor="${escapeHtml(entry.vendor)}"><td>${escapeHtml(entry.receivedAt)}</td><td>${escapeHtml(entry.vendor)}</td>
<td>${entry.ok ? renderJsonBlock(entry.context, ' data-context') : '<strong class="error">rejected</strong>'}</td><td>${renderDiagnostics(entry.diagnostics)}</td></tr>`,
    )
    .join('');
  const body = `<h1>Operator inbox</h1>
<p>Inbound payloads posted to <code>POST /inbound/&lt;vendor&gt;</code> (${vendors.map((vendor) => `<code>${escapeHtml(vendor.id)}</code>`).join(', ')}) appear here,
normalized to the canonical context, newest first. Only the newest ${inbox.capacity} are kept, in memory (set <code>INBOX_SIZE</code>); they are gone on restart.</p>
<div class="choices">${forms}</div>
<table id="inbox"><thead><tr><th>Received</th><th>Vendor</th><th>Canonical context</th><th>Warnings</th></tr></thead><tbody>${rows || '<tr><td colspan="4" class="muted">Nothing received yet.</td></tr>'}</tbody></table>`;
  return { title: 'Operator inbox', body };
}
