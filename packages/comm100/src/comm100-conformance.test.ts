import { describeAdapterConformance, expectReadmeMapping, runInlineScripts } from '@visitor-context/testkit';
import { expect, it } from 'vitest';
import { comm100Adapter, renderComm100Snippet, type Comm100Payload } from './index.js';

/** What Comm100 reports in a later webhook for what the page set: the pre-chat values and the custom variables. */
function echo(payload: Comm100Payload): unknown {
  const visitor: Record<string, unknown> = { custom_variables: payload.customVariables };
  for (const field of payload.prechatFields) visitor[field.type] = field.value;
  return { event: 'chat_started', visitor };
}

/** The pre-chat form the reader plays: one field of each type the adapter fills. */
const formOrder = ['name', 'email', 'phone', 'company'] as const;

/** Runs the snippet's inline code, then plays the Comm100 widget becoming ready, recording what it receives. */
function readSnippet(html: string): Comm100Payload {
  const sandbox = runInlineScripts(html, { setTimeout: () => 0 });
  const api = sandbox['Comm100API'] as Record<string, unknown>;
  const received: Comm100Payload = { customVariables: [], prechatFields: [], skipPrechat: false };
  const form: { type: string; value?: string }[] = formOrder.map((type) => ({ type }));
  api['get'] = (type: string) => (type === 'livechat.prechat.fields' ? form : undefined);
  api['set'] = (type: string, value: unknown) => {
    if (type === 'livechat.customVariables') received.customVariables = JSON.parse(JSON.stringify(value));
    if (type === 'livechat.prechat.fields') {
      received.prechatFields = JSON.parse(JSON.stringify((value as typeof form).filter((field) => field.value !== undefined)));
    }
    if (type === 'livechat.prechat.isSkip') received.skipPrechat = value === true;
  };
  (api['onReady'] as () => void)();
  return received;
}

describeAdapterConformance(comm100Adapter, {
  echo,
  snippets: [
    {
      name: 'installation code',
      render: (context) => renderComm100Snippet(context, { siteId: 10100116, campaignId: 'c9e91d04-3774-4470-b84d-6bc00874fe9d' }),
      read: readSnippet,
      expected: (context) => {
        const result = comm100Adapter.toVendor(context);
        if (!result.ok) return undefined;
        // The reader sees the filled form, which lists fields in its own order.
        const prechatFields = [...result.value.prechatFields].sort((a, b) => formOrder.indexOf(a.type) - formOrder.indexOf(b.type));
        return { ...result.value, prechatFields };
      },
    },
  ],
});

it('keeps the README mapping table in step with the capabilities', () => {
  expectReadmeMapping(new URL('../README.md', import.meta.url), comm100Adapter);
});

it('echo builds a webhook the adapter reads', () => {
  const outbound = comm100Adapter.toVendor({ visitor: { name: 'A' }, attributes: { plan: 'pro' } });
  expect(outbound.ok && comm100Adapter.fromVendor(echo(outbound.value)).ok).toBe(true);
});
