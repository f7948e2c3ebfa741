import { escapeHtml, renderScriptTag } from '@visitor-context/core';

export interface PageShell {
  readonly title: string;
  readonly nonce: string | undefined;
  readonly body: string;
  /** Same-origin scripts to load at the end of the body. */
  readonly scripts?: readonly string[];
}

const style = `
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
header{background:#1d3557;color:#fff;padding:.8rem 1.5rem;display:flex;flex-wrap:wrap;gap:.4rem 1.5rem;align-items:center}
header a{color:#fff}main{padding:1.5rem;max-width:1200px}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,24rem),1fr));gap:1.5rem}
.grid>*{min-width:0}
section,aside{background:#fff;border:1px solid #d6dbe1;border-radius:6px;padding:1rem;min-width:0}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f0f2f5;padding:.6rem;border-radius:4px;font-size:13px}
details.code{margin:.8rem 0}details.code summary{cursor:pointer;font-weight:600}details.code pre{background:#1d232a;color:#f0f2f5}
.warning{color:#8a5300}.error{color:#b00020}.muted{color:#5c6670}
textarea{width:100%;min-height:12rem;font-family:monospace}
nav.choices a{margin-right:.6rem;display:inline-block}nav.choices a[aria-current]{font-weight:bold}
.pager{margin:1rem 0}.pager a{margin:0 .4rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e3e6ea;padding:.3rem .5rem;text-align:left;vertical-align:top}
@media (max-width:700px){main{padding:.8rem}header{padding:.6rem .8rem}
#inbox thead{display:none}#inbox tr,#inbox td{display:block}#inbox tr{border-bottom:2px solid #d6dbe1;padding:.4rem 0}#inbox td{border:0}}`;

/** The page frame. Every dynamic value in `body` was escaped by the page that built it. */
export function renderPage(shell: PageShell): string {
  const nonce = shell.nonce === undefined ? {} : { nonce: shell.nonce };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(shell.title)} · visitor-context example</title>
<style${shell.nonce === undefined ? '' : ` nonce="${escapeHtml(shell.nonce)}"`}>${style}</style></head>
<body><header><strong>visitor-context example</strong><a href="/">Widget demo</a><a href="/spa">Single-page app</a><a href="/operator">Operator inbox</a><a href="/translate">Translate</a><a href="/push">Push from the server</a></header>
<main>${shell.body}</main>
${(shell.scripts ?? []).map((src) => renderScriptTag(src, { ...nonce, type: 'module' })).join('\n')}
</body></html>`;
}
