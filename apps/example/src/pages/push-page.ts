import { escapeHtml, type Diagnostic } from '@visitor-context/core';
import { demoVisitors, type DemoVisitor } from '../demo-visitors.js';
import type { PushOutcome, PushTarget } from '../push/push-target.js';
import { renderCodePanel } from './code-panel.js';
import { renderDiagnostics, renderJsonBlock } from './diagnostics-list.js';

export interface PushPageInput {
  readonly targets: readonly PushTarget[];
  readonly visitor: DemoVisitor;
  /** After a push: which vendor, the ids as entered, and what happened. */
  readonly result?: { readonly target: PushTarget; readonly ids: Readonly<Record<string, string>>; readonly outcome: PushOutcome };
}

function visitorChoices(current: DemoVisitor): string {
  const links = demoVisitors.map(
    (visitor) => `<a href="/push?visitor=${encodeURIComponent(visitor.id)}"${visitor === current ? ' aria-current="page"' : ''}>${escapeHtml(visitor.label)}</a>`,
  );
  return `<nav class="choices" aria-label="Visitor">Visitor: ${links.join('')}</nav>`;
}

function renderForm(target: PushTarget, visitor: DemoVisitor, entered: Readonly<Record<string, string>> | undefined): string {
  const fields = target.fields
    .map((field) => {
      const value = entered?.[field.name] ?? field.example ?? '';
      const id = `${target.id}-${field.name}`;
      return `<p><label for="${escapeHtml(id)}">${escapeHtml(field.label)}${field.required ? '' : ' (optional)'}</label><br><input id="${escapeHtml(id)}" name="${escapeHtml(field.name)}" value="${escapeHtml(value)}" maxlength="200"${field.required ? ' required' : ''} autocomplete="off" spellcheck="false"><br><span class="muted">${escapeHtml(field.hint)}</span></p>`;
    })
    .join('');
  const where =
    target.mode === 'stand-in'
      ? `a local stand-in of the ${target.label} API (offline; set the ${target.label} API variables for the real one)`
      : `the real ${target.label} API, with the credentials from the environment`;
  return `<form method="post" action="/push" data-push-form="${escapeHtml(target.id)}">
<input type="hidden" name="vendor" value="${escapeHtml(target.id)}"><input type="hidden" name="visitor" value="${escapeHtml(visitor.id)}">
${fields}<p><button type="submit">Push to ${escapeHtml(target.label)}</button></p>
<p class="muted" data-push-mode="${escapeHtml(target.mode)}">Sends to ${escapeHtml(where)}.</p></form>`;
}

function renderResult(input: NonNullable<PushPageInput['result']>): string {
  const { target, outcome } = input;
  const receipt = outcome.result.ok ? renderJsonBlock(outcome.result.value, ' data-push-receipt') : '<p class="error" data-push-failed>Not delivered.</p>';
  const received =
    outcome.standInRequests === undefined
      ? ''
      : `<h3>What the ${escapeHtml(target.label)} stand-in received</h3>${renderJsonBlock(outcome.standInRequests, ' data-stand-in-received')}`;
  return `<section id="push-result" data-vendor="${escapeHtml(target.id)}" data-ok="${outcome.result.ok}"><h2>Result: ${escapeHtml(target.label)}</h2>
<h3>Receipt</h3>${receipt}
<h3>Diagnostics</h3><div data-push-diagnostics>${renderDiagnostics(outcome.result.diagnostics as readonly Diagnostic[])}</div>${received}</section>`;
}

/**
 * "Push from the server": the browser sends only the vendor, the demo visitor's id and the vendor's ids; the
 * server looks up that visitor's context and writes it to the vendor's REST API with the adapter's `./server`
 * client. Credentials never reach the page.
 */
export function renderPushPage(input: PushPageInput): { title: string; body: string } {
  const sections = input.targets
    .map(
      (target) => `<section id="push-${escapeHtml(target.id)}"><h2>Push to ${escapeHtml(target.label)}</h2>
${renderForm(target, input.visitor, input.result?.target === target ? input.result.ids : undefined)}
${renderCodePanel('push', target.code, `The code for this push (server)`, false)}</section>`,
    )
    .join('');
  const body = `<h1>Push from the server</h1>
<p>Some contexts must not pass through the browser. Here the server writes the demo visitor's context straight to the
vendor's REST API; the page only names the visitor and the conversation. The credentials stay on the server.</p>
${visitorChoices(input.visitor)}
${input.result === undefined ? '' : renderResult(input.result)}
<div class="grid"><section><h2>What the server pushes</h2>${renderJsonBlock(input.visitor.session, ' id="push-context"')}</section>${sections}</div>`;
  return { title: 'Push from the server', body };
}
