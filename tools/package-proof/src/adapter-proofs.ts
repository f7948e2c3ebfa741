import { readFile } from 'node:fs/promises';

/** The adapter packages this tool proves, by id (`@visitor-context/<id>`). */
export const adapterIds = ['imsupporting', 'wxcc', 'genesys', 'comm100', 'giosg'] as const;

/** An adapter id. */
export type AdapterId = (typeof adapterIds)[number];

/**
 * What the proofs need to know about one adapter: the names its entries export, the page code a site would
 * ship, and a real inbound payload. Written from each adapter's `./browser` entry; the install test checks
 * that every name here is really exported by the packed package.
 */
export interface AdapterProof {
  readonly id: AdapterId;
  /** The ready adapter instance exported by `.`. */
  readonly instance: string;
  /** The `./browser` function that applies an already translated payload. */
  readonly applyPayload: string;
  /**
   * A TypeScript expression applying `translated.value` (an ok `toVendor` result) with {@link applyPayload};
   * narrowed where `toVendor` returns payloads the page cannot apply.
   */
  readonly applyTranslated: string;
  /**
   * The page code that translates, validates and applies in the browser, as a site would write it: a module
   * exporting `sendVisitorContext(context)`. TypeScript, so the install test type-checks it too.
   */
  readonly translateAndApplyPage: string;
  /** A real inbound payload from the adapter's `src/__fixtures__`, as the raw text a server receives. */
  readonly inboundFixture: () => Promise<string>;
}

const packagesFolder = new URL('../../../packages/', import.meta.url);

/** Reads a fixture file of an adapter package as text. */
export function readFixtureText(id: AdapterId, name: string): Promise<string> {
  return readFile(new URL(`${id}/src/__fixtures__/${name}`, packagesFolder), 'utf8');
}

/** Imports a TypeScript fixture module of an adapter package (vitest and tsx both run TypeScript). */
export async function importFixtureModule(id: AdapterId, name: string): Promise<Record<string, unknown>> {
  const url = new URL(`${id}/src/__fixtures__/${name}`, packagesFolder).href;
  return (await import(url)) as Record<string, unknown>;
}

const contextType = `import type { VisitorContext } from '@visitor-context/core';\n`;

/** Every adapter's proof data, by id. */
export const adapterProofs: Readonly<Record<AdapterId, AdapterProof>> = {
  imsupporting: {
    id: 'imsupporting',
    instance: 'imsupportingAdapter',
    applyPayload: 'applyImsupportingVisitorContext',
    applyTranslated: 'applyImsupportingVisitorContext(translated.value)',
    translateAndApplyPage:
      contextType +
      `import { imsupportingAdapter } from '@visitor-context/imsupporting';\n` +
      `import { updateImsupportingVisitorContext } from '@visitor-context/imsupporting/browser';\n` +
      `export const sendVisitorContext = (context: VisitorContext) =>\n` +
      `  updateImsupportingVisitorContext(context, { adapter: imsupportingAdapter });\n`,
    inboundFixture: () => readFixtureText('imsupporting', 'php-session-context.json'),
  },
  wxcc: {
    id: 'wxcc',
    instance: 'wxccAdapter',
    applyPayload: 'applyWxccPayload',
    applyTranslated: 'applyWxccPayload(translated.value)',
    // The wxcc browser entry has no translating helper: the page translates with the isomorphic entry.
    translateAndApplyPage:
      contextType +
      `import { wxccAdapter } from '@visitor-context/wxcc';\n` +
      `import { applyWxccPayload } from '@visitor-context/wxcc/browser';\n` +
      `export async function sendVisitorContext(context: VisitorContext) {\n` +
      `  const translated = wxccAdapter.toVendor(context);\n` +
      `  return translated.ok ? applyWxccPayload(translated.value) : translated;\n` +
      `}\n`,
    inboundFixture: () => readFixtureText('wxcc', 'extras-first-message.json'),
  },
  genesys: {
    id: 'genesys',
    instance: 'genesysAdapter',
    applyPayload: 'applyGenesysPayload',
    applyTranslated:
      `translated.value.channel === 'messenger' || translated.value.channel === 'web-chat' ? applyGenesysPayload(translated.value) : undefined`,
    translateAndApplyPage:
      contextType +
      `import { genesysAdapter } from '@visitor-context/genesys';\n` +
      `import { sendGenesysContext } from '@visitor-context/genesys/browser';\n` +
      `export const sendVisitorContext = (context: VisitorContext) => sendGenesysContext(context, genesysAdapter.toVendor);\n`,
    inboundFixture: () => readFixtureText('genesys', 'conversation-web-messaging.json'),
  },
  comm100: {
    id: 'comm100',
    instance: 'comm100Adapter',
    applyPayload: 'applyComm100Payload',
    applyTranslated: 'applyComm100Payload(translated.value)',
    translateAndApplyPage:
      contextType +
      `import { comm100Adapter } from '@visitor-context/comm100';\n` +
      `import { applyComm100Context } from '@visitor-context/comm100/browser';\n` +
      `export const sendVisitorContext = (context: VisitorContext) => applyComm100Context(context, { adapter: comm100Adapter });\n`,
    inboundFixture: async () => JSON.stringify((await importFixtureModule('comm100', 'webhook-events.ts'))['chatStarted']),
  },
  giosg: {
    id: 'giosg',
    instance: 'giosgAdapter',
    applyPayload: 'applyGiosgSubmission',
    applyTranslated: 'applyGiosgSubmission(translated.value)',
    translateAndApplyPage:
      contextType +
      `import { submitGiosgVisitorContext } from '@visitor-context/giosg/browser';\n` +
      `export const sendVisitorContext = (context: VisitorContext) => submitGiosgVisitorContext(context);\n`,
    inboundFixture: () => readFixtureText('giosg', 'rest-chat.json'),
  },
};
