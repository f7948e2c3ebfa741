import { escapeHtml } from '@visitor-context/core';
import type { Inbox, InboxEntry } from '../inbox.js';
import type { VendorDemo } from '../vendor-demo.js';
import { renderCodePanel } from './code-panel.js';
import { renderDiagnostics, renderJsonBlock } from './diagnostics-list.js';

/** Rows per operator page. */
export const operatorPageSize = 10;

function renderContext(entry: InboxEntry): string {
  if (!entry.ok) return '<strong class="error">rejected</strong>';
  if (entry.omittedContextBytes > 0) {
    return `<p class="warning" data-omitted-context="${entry.omittedContextBytes}">Context not kept: ${entry.omittedContextBytes} bytes, more than the inbox holds (<code>INBOX_MAX_BYTES</code>).</p>`;
  }
  return renderJsonBlock(entry.context, ' data-context');
}

function renderWarnings(entry: InboxEntry): string {
  const omitted =
    entry.omittedDiagnostics > 0
      ? `<p class="muted" data-omitted-diagnostics="${entry.omittedDiagnostics}">…and ${entry.omittedDiagnostics} more not kept.</p>`
      : '';
  return renderDiagnostics(entry.diagnostics) + omitted;
}

function renderPager(page: number, pageCount: number, total: number): string {
  const link = (target: number, label: string, rel: string): string =>
    target >= 1 && target <= pageCount ? `<a href="/operator?page=${target}" rel="${rel}">${label}</a>` : '';
  return `<nav class="pager" aria-label="Inbox pages">${link(page - 1, '← Newer', 'prev')} <span data-page="${page}" data-pages="${pageCount}">Page ${page} of ${pageCount} (${total} kept)</span> ${link(page + 1, 'Older →', 'next')}</nav>`;
}

/** The operator inbox: normalized inbound contexts, newest first, one page at a time, with their warnings. */
export function renderOperatorPage(inbox: Inbox, vendors: readonly VendorDemo[], requestedPage: number): { title: string; body: string } {
  const forms = vendors
    .map(
      (vendor) =>
        `<form method="post" action="/operator/samples/${escapeHtml(vendor.id)}"><button type="submit">Receive a sample ${escapeHtml(vendor.label)} payload</button></form>`,
    )
    .join('');
  const { entries, page, pageCount, total } = inbox.page(requestedPage, operatorPageSize);
  const rows = entries
    .map(
      (entry) => `<tr data-vendor="${escapeHtml(entry.vendor)}"><td>${escapeHtml(entry.receivedAt)}</td><td>${escapeHtml(entry.vendor)}</td>
<td>${renderContext(entry)}</td><td>${renderWarnings(entry)}</td></tr>`,
    )
    .join('');
  const code = vendors.map((vendor) => renderCodePanel('inbound', vendor.code.inbound, vendor.label, false)).join('');
  const { maxEntries, maxBytes, maxDiagnosticsPerEntry } = inbox.limits;
  const body = `<h1>Operator inbox</h1>
<p>Inbound payloads posted to <code>POST /inbound/&lt;vendor&gt;</code> (${vendors.map((vendor) => `<code>${escapeHtml(vendor.id)}</code>`).join(', ')}) appear here,
normalized to the canonical context, newest first. Only the newest ${maxEntries} (<code>INBOX_SIZE</code>), at most ${maxBytes} bytes together
(<code>INBOX_MAX_BYTES</code>), and ${maxDiagnosticsPerEntry} warnings per payload are kept, in memory; they are gone on restart.</p>
<div class="choices">${forms}</div>
<section id="inbound-code"><h2>The code for these endpoints (server, with Hono)</h2>${code}</section>
${renderPager(page, pageCount, total)}
<table id="inbox"><thead><tr><th>Received</th><th>Vendor</th><th>Canonical context</th><th>Warnings</th></tr></thead><tbody>${rows || '<tr><td colspan="4" class="muted">Nothing received yet.</td></tr>'}</tbody></table>
${pageCount > 1 ? renderPager(page, pageCount, total) : ''}`;
  return { title: 'Operator inbox', body };
}
