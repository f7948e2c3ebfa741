import { describeAdapterConformance, expectReadmeMapping, parseHtml, runInlineScripts } from '@visitor-context/testkit';
import type { VisitorContext } from '@visitor-context/core';
import { expect, it } from 'vitest';
import { firstMessageExtras } from './__fixtures__/first-message-extras.js';
import { createWxccAdapter, renderWxccSnippet, wxccAdapter, type WxccFieldMap, type WxccInitPayload } from './index.js';

/**
 * Runs a rendered snippet against a widget that is present and ready at once, and returns what `init` received
 * (parsed back from the JSON string the widget requires).
 */
function readInitPayload(html: string): unknown {
  const received: unknown[] = [];
  const widget = {
    on: (_name: string, handler: (appId: string) => void) => handler('app-id'),
    init: (json: unknown, callback: (status: string) => void) => {
      received.push(typeof json === 'string' ? JSON.parse(json) : { notAString: json });
      callback('success');
    },
    update: () => undefined,
  };
  runInlineScripts(html, { imichatwidget: widget, setTimeout: () => 0, clearTimeout: () => undefined, setInterval: () => 0, clearInterval: () => undefined });
  expect(received).toHaveLength(1);
  return received[0];
}

const snippetCases = (fields?: WxccFieldMap) => [
  {
    name: 'inline data script',
    render: (context: VisitorContext) => renderWxccSnippet(context, fields === undefined ? {} : { fields }),
    read: readInitPayload,
  },
  {
    name: 'installation snippet with nonce',
    render: (context: VisitorContext) =>
      renderWxccSnippet(context, { ...(fields === undefined ? {} : { fields }), nonce: 'r4nd0m', widget: { bindId: 'bind-1', guid: 'guid-1' } }),
    read: (html: string) => {
      const parsed = parseHtml(html);
      expect(parsed.elements('script').map((script) => parsed.attribute(script, 'nonce'))).toEqual(['r4nd0m', 'r4nd0m']);
      return readInitPayload(html);
    },
  },
];

const echo = (payload: WxccInitPayload) => firstMessageExtras(payload);

describeAdapterConformance(wxccAdapter, { echo, snippets: snippetCases() });

const customFields: WxccFieldMap = {
  'visitor.name': 'Customer Name',
  'visitor.email': 'E-mail',
  'visitor.company': 'Company',
  'page.url': 'Page',
  'attributes.plan': 'Plan',
  'attributes.*': 'attr *',
};
describeAdapterConformance(createWxccAdapter({ fields: customFields }), { echo, snippets: snippetCases(customFields) });

it('keeps the README mapping table in sync with the capabilities', () => {
  expectReadmeMapping(new URL('../README.md', import.meta.url), wxccAdapter);
});
