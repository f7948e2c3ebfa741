import type { JsonObject, Result, VisitorContext } from '@visitor-context/core';
import { comm100Adapter, renderComm100Snippet, type Comm100Payload } from '@visitor-context/comm100';
import { genesysAdapter, renderGenesysSnippet, type GenesysPayload } from '@visitor-context/genesys';
import { giosgAdapter, renderGiosgSnippet, type GiosgVisitorSubmission } from '@visitor-context/giosg';
import { imsupportingAdapter, renderImsupportingSnippet } from '@visitor-context/imsupporting';
import { renderWxccSnippet, wxccAdapter, type WxccInitPayload } from '@visitor-context/wxcc';
import { adapterProofs, importFixtureModule, type AdapterId } from '../adapter-proofs.js';
import { hostileTextContext, sampleContexts } from '../sample-contexts.js';

/** What one adapter is benchmarked with. */
export interface AdapterBenchmark {
  readonly id: AdapterId;
  /** `fromVendor` on raw payload text (what a server receives). */
  readonly fromVendor: (text: string) => Result<VisitorContext>;
  /** Renders the adapter's page snippet for a context (translation and validation included). */
  readonly renderSnippet: (context: VisitorContext) => Result<string>;
  /**
   * What the vendor later reports inbound for a payload this adapter sent, so every sample context has a raw
   * inbound counterpart. Mirrors the `echo` of the adapter's conformance test.
   */
  readonly echo: (payload: never) => unknown;
  /** Translates a context to the vendor payload. */
  readonly toVendor: (context: VisitorContext) => Result<unknown>;
  /**
   * The raw text of an inbound payload that carries `count` custom fields (attributes, custom chat fields, custom
   * variables… whatever the vendor calls them), in the vendor's own shape: the scaling rows. Built directly, not
   * through `toVendor`, because 1,000 fields are more than a context may hold.
   */
  readonly inboundWithFields: (count: number) => string;
}

/** `count` custom fields with short text values: `field_000: "value 0"`, … */
export function customFields(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`field_${String(index).padStart(3, '0')}`, `value ${index}`]));
}

/** What Genesys reports on the customer participant of a conversation for Messenger custom attributes. */
function genesysConversation(payload: GenesysPayload): JsonObject {
  if (payload.channel !== 'messenger') throw new Error(`expected the default messenger channel, got ${payload.channel}`);
  return {
    id: 'conversation-1',
    participants: [
      { id: 'acd-1', purpose: 'acd', attributes: {} },
      { id: 'customer-1', purpose: 'customer', attributes: { ...payload.options.messaging.customAttributes } },
    ],
  };
}

/** Comm100's Chat Started webhook for what the page set: custom variables and pre-chat fields on the visitor. */
function comm100Webhook(payload: Comm100Payload): JsonObject {
  const visitor: JsonObject = { custom_variables: payload.customVariables.map(({ name, value }) => ({ name, value })) };
  for (const field of payload.prechatFields) visitor[field.type] = field.value;
  return { event: 'chat_started', visitor };
}

/** giosg's REST `api_data` for a plain submission: one `{ name, value }` per key, values as text. */
function giosgApiData(submission: GiosgVisitorSubmission): JsonObject[] {
  if (typeof submission.visitorData === 'string') throw new Error('plain submissions only');
  return Object.entries(submission.visitorData).map(([name, value]) => ({
    name,
    value: typeof value === 'object' && value !== null ? value : String(value),
  }));
}

/** Every adapter's benchmark subjects. */
export async function adapterBenchmarks(): Promise<AdapterBenchmark[]> {
  const { firstMessageExtras } = (await importFixtureModule('wxcc', 'first-message-extras.ts')) as {
    firstMessageExtras: (payload: WxccInitPayload) => unknown;
  };
  return [
    {
      id: 'imsupporting',
      fromVendor: (text) => imsupportingAdapter.fromVendor(text),
      renderSnippet: (context) => renderImsupportingSnippet(context, { siteId: 'YOUR_SITEID' }),
      // The Flow Widget stores the visitor context object as it was sent.
      echo: (payload: unknown) => payload,
      toVendor: (context) => imsupportingAdapter.toVendor(context),
      // The Flow Widget's visitor context object: its ims_* keys plus the site's own keys.
      inboundWithFields: (count) => JSON.stringify({ ims_username: 'Ada Lovelace', ims_email: 'ada@example.com', ...customFields(count) }),
    },
    {
      id: 'wxcc',
      fromVendor: (text) => wxccAdapter.fromVendor(text),
      renderSnippet: (context) => renderWxccSnippet(context),
      echo: firstMessageExtras,
      toVendor: (context) => wxccAdapter.toVendor(context),
      inboundWithFields: (count) =>
        JSON.stringify(firstMessageExtras({ custom_chat_fields: { name: 'Ada Lovelace', email: 'ada@example.com', ...customFields(count) } })),
    },
    {
      id: 'genesys',
      fromVendor: (text) => genesysAdapter.fromVendor(text),
      renderSnippet: (context) => renderGenesysSnippet(context, { deploymentId: 'deployment-1' }),
      echo: genesysConversation,
      toVendor: (context) => genesysAdapter.toVendor(context),
      inboundWithFields: (count) =>
        JSON.stringify(genesysConversation({ channel: 'messenger', options: { messaging: { customAttributes: customFields(count) } } } as GenesysPayload)),
    },
    {
      id: 'comm100',
      fromVendor: (text) => comm100Adapter.fromVendor(text),
      renderSnippet: (context) => renderComm100Snippet(context, { siteId: 10100116, campaignId: 'c9e91d04-3774-4470-b84d-6bc00874fe9d' }),
      echo: comm100Webhook,
      toVendor: (context) => comm100Adapter.toVendor(context),
      inboundWithFields: (count) =>
        JSON.stringify(
          comm100Webhook({
            customVariables: Object.entries(customFields(count)).map(([name, value]) => ({ name, value })),
            prechatFields: [{ type: 'name', value: 'Ada Lovelace' }],
            skipPrechat: false,
          }),
        ),
    },
    {
      id: 'giosg',
      fromVendor: (text) => giosgAdapter.fromVendor(text),
      renderSnippet: (context) => renderGiosgSnippet(context, { companyId: '1234' }),
      echo: giosgApiData,
      toVendor: (context) => giosgAdapter.toVendor(context),
      inboundWithFields: (count) => JSON.stringify(giosgApiData({ visitorData: customFields(count) } as GiosgVisitorSubmission)),
    },
  ];
}

/** A raw inbound payload to benchmark `fromVendor` with. */
export interface InboundText {
  readonly input: string;
  /** The raw text, or why there is none (the adapter refused to translate the sample context). */
  readonly text: string | { readonly skipped: string };
}

/** Inserts prototype-pollution keys at the top of a JSON object or array's first object, as an attacker would. */
function withPollutionKeys(text: string): string {
  const at = text.indexOf('{') + 1;
  return `${text.slice(0, at)}"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},${text.slice(at)}`;
}

/**
 * The raw texts `fromVendor` is benchmarked on: the adapter's real fixture, and what the vendor reports for
 * each sample context. The hostile one is the hostile-text payload with pollution keys added, since core
 * refuses to translate a context that has them.
 */
export async function inboundTexts(adapter: AdapterBenchmark): Promise<InboundText[]> {
  const texts: InboundText[] = [{ input: 'real fixture', text: await adapterProofs[adapter.id].inboundFixture() }];
  const reported = (context: VisitorContext): string | { skipped: string } => {
    const translated = adapter.toVendor(context);
    if (!translated.ok) return { skipped: `toVendor refused it: ${translated.diagnostics.map((item) => item.code).join(', ')}` };
    return JSON.stringify(adapter.echo(translated.value as never));
  };
  for (const [input, context] of Object.entries(sampleContexts)) {
    const text = reported(input === 'hostile' ? hostileTextContext : context);
    texts.push({ input, text: input === 'hostile' && typeof text === 'string' ? withPollutionKeys(text) : text });
  }
  return texts;
}

/**
 * The JSON texts inside a payload's JSON text (WxCC's `custom_chat_attr` and `customprofileparams`, extras encoded
 * once more…): strings that parse to an object or array, found once, so that the baseline can parse every JSON text
 * in the payload, as `fromVendor` must.
 */
export function innerJsonTexts(text: string): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const start = value.trimStart()[0];
      if (start !== '{' && start !== '[') return;
      try {
        const parsed: unknown = JSON.parse(value);
        if (typeof parsed === 'object' && parsed !== null) {
          found.push(value);
          visit(parsed);
        }
      } catch {
        // Not JSON text: an ordinary string.
      }
      return;
    }
    if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) visit(item);
  };
  visit(JSON.parse(text));
  return found;
}

/** The characters of the oversize webhook row: 1 MB, over every adapter's inbound limit but Comm100's 1 MiB. */
export const oversizeCharacters = 1_000_000;

/**
 * The real fixture padded to {@link oversizeCharacters} with one more top-level string (in the first object of an
 * array payload): what a server gets when a sender, by mistake or on purpose, posts a 1 MB body.
 */
export function oversizeText(fixtureText: string): string {
  const at = fixtureText.indexOf('{') + 1;
  const head = `${fixtureText.slice(0, at)}"padding":"`;
  const tail = `",${fixtureText.slice(at)}`;
  return head + 'x'.repeat(Math.max(0, oversizeCharacters - head.length - tail.length)) + tail;
}
