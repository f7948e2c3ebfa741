import { describeAdapterConformance, expectReadmeMapping, parseHtml, runInlineScripts } from '@visitor-context/testkit';
import { expect, it } from 'vitest';
import { imsupportingAdapter, renderImsupportingSnippet } from './index.js';

describeAdapterConformance(imsupportingAdapter, {
  snippets: [
    {
      name: 'data-visitor-context attribute',
      render: (context) => renderImsupportingSnippet(context, { siteId: 'SITE-1', nonce: 'bm9uY2U=' }),
      read: (html) => {
        const parsed = parseHtml(html);
        const [script] = parsed.elements('script');
        const text = script === undefined ? undefined : parsed.attribute(script, 'data-visitor-context');
        return text === undefined ? {} : JSON.parse(text);
      },
    },
    {
      name: 'window.imsFlowConfig',
      render: (context) => renderImsupportingSnippet(context, { siteId: 'SITE-1', form: 'config', nonce: 'bm9uY2U=' }),
      read: (html) => {
        const config = runInlineScripts(html)['imsFlowConfig'] as { visitorContext?: unknown };
        return config.visitorContext ?? {};
      },
    },
  ],
});

it('keeps the README mapping table in step with the capabilities', () => {
  expectReadmeMapping(new URL('../README.md', import.meta.url), imsupportingAdapter);
});

it('reads the base64 wire payload, and text that is neither base64 nor JSON is invalid JSON', () => {
  expect(imsupportingAdapter.fromVendor('<html>not json').diagnostics.map((item) => item.code)).toEqual(['invalid_json']);
});
