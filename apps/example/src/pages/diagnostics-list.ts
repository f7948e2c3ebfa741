import { escapeHtml, formatPath, type Diagnostic } from '@visitor-context/core';

/** Renders diagnostics as a list; every value escaped. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], emptyText = 'No warnings.'): string {
  if (diagnostics.length === 0) return `<p class="muted">${escapeHtml(emptyText)}</p>`;
  const items = diagnostics.map(
    (item) =>
      `<li class="${item.severity}" data-code="${escapeHtml(item.code)}"><code>${escapeHtml(item.code)}</code> at <code>${escapeHtml(formatPath(item.path))}</code>: ${escapeHtml(item.message)}</li>`,
  );
  return `<ul class="diagnostics">${items.join('')}</ul>`;
}

/** JSON shown as text in a `<pre>`: escaped, never interpreted. */
export function renderJsonBlock(value: unknown, attributes = ''): string {
  return `<pre${attributes}>${escapeHtml(JSON.stringify(value, null, 2) ?? 'undefined')}</pre>`;
}
