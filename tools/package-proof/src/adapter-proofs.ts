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
  /** The `./browser` function that translates a context without zod (core's `createContextTranslator`). */
  readonly translateContext: string;
  /**
   * A TypeScript expression applying `translated.value` (an ok `toVendor` result) with {@link applyPayload};
   * narrowed where `toVendor` returns payloads the page cannot apply.
   */
  readonly applyTranslated: string;
  /**
   * The page code that translates, checks and applies in the browser, as a site would write it: a module
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

/**
 * The page code that translates (with the browser entry's zod-free translation), checks and applies in the
 * browser: what a single-page app ships when it learns about the visitor after the page loaded.
 */
function translateAndApplyPage(id: AdapterId, vendor: string): string {
  return (
    contextType +
    `import { apply${vendor}Context } from '@visitor-context/${id}/browser';\n` +
    `export const sendVisitorContext = (context: VisitorContext) => apply${vendor}Context(context);\n`
  );
}

/** The proof data of an adapter whose entries follow the uniform names. */
function uniformProof(id: AdapterId, vendor: string, inboundFixture: () => Promise<string>, applyTranslated?: string): AdapterProof {
  return {
    id,
    instance: `${id}Adapter`,
    applyPayload: `apply${vendor}Payload`,
    translateContext: `translate${vendor}Context`,
    applyTranslated: applyTranslated ?? `apply${vendor}Payload(translated.value)`,
    translateAndApplyPage: translateAndApplyPage(id, vendor),
    inboundFixture,
  };
}

/** Every adapter's proof data, by id. */
export const adapterProofs: Readonly<Record<AdapterId, AdapterProof>> = {
  imsupporting: uniformProof('imsupporting', 'Imsupporting', () => readFixtureText('imsupporting', 'php-session-context.json')),
  wxcc: uniformProof('wxcc', 'Wxcc', () => readFixtureText('wxcc', 'extras-first-message.json')),
  genesys: uniformProof(
    'genesys',
    'Genesys',
    () => readFixtureText('genesys', 'conversation-web-messaging.json'),
    // Only the messenger and web-chat channels have a widget in the page.
    `translated.value.channel === 'messenger' || translated.value.channel === 'web-chat' ? applyGenesysPayload(translated.value) : undefined`,
  ),
  comm100: uniformProof('comm100', 'Comm100', async () =>
    JSON.stringify((await importFixtureModule('comm100', 'webhook-events.ts'))['chatStarted']),
  ),
  giosg: uniformProof('giosg', 'Giosg', () => readFixtureText('giosg', 'rest-chat.json')),
};
