import { afterEach, describe, expect, it } from 'vitest';
import type { Result, VisitorContext } from '@visitor-context/core';
import { installGiosgStandIn, mountSnippet, type GiosgStandIn, type GiosgStandInOptions } from '@visitor-context/testkit/stand-ins';
import { applyGiosgContext, applyGiosgPayload, removeGiosgVisitorData, translateGiosgContext } from './browser.js';
import { giosgAdapter, renderGiosgLogoutSnippet, renderGiosgSnippet, renderGiosgSubmission } from './index.js';
// Test-only: tokens are made here the way a server makes them; browser code never imports ./server. The signers
// come from their own modules: ./server also re-exports the REST push, built on @visitor-context/core/server,
// whose browser export condition refuses to load in a page (by design).
import { signGiosgVisitorDataWithChecksum } from './giosg-checksum.js';
import { renderSignedGiosgSnippet } from './render-signed-giosg-snippet.js';
import { signGiosgVisitorData } from './sign-giosg-visitor-data.js';

const companyId = 'acme-company';
const scriptUrl = `https://service.giosg.com/live2/${companyId}`;
const key = 'giosg-test-api-signing-key-32-by';
const customer: VisitorContext = {
  visitor: { id: 'C-1001', name: 'Ada Lovelace', email: 'ada@example.com' },
  attributes: { plan: 'pro', seats: 12, vip: true, email: 'billing@example.com' },
};
const customerData = { username: 'Ada Lovelace', customer_id: 'C-1001', email: 'ada@example.com', plan: 'pro', seats: 12, vip: true, 'attributes.email': 'billing@example.com' };
/** giosg's own page tag, as a site has it: the queue, then giosg's script. */
const giosgTag = `<script>var _giosg=_giosg||function(){(_giosg._e=_giosg._e||[]).push(arguments)};</script><script async src="${scriptUrl}"></script>`;

let standIn: GiosgStandIn | undefined;
let mounted: Element[] = [];

function install(options: GiosgStandInOptions = {}): GiosgStandIn {
  standIn = installGiosgStandIn(window, { loadDelayMs: 20, answerDelayMs: 2, ...options });
  return standIn;
}

function mount(html: string): void {
  mounted.push(...mountSnippet(html, { scripts: { [scriptUrl]: (standIn as GiosgStandIn).loader } }));
}

const until = async (condition: () => boolean, timeoutMs = 1000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** The HTML of a successful render. */
const html = (result: Result<string>): string => {
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
};

/** The customer's plain submission, as the validating `.` adapter makes it. */
const plain = (): Parameters<typeof applyGiosgPayload>[0] => {
  const result = giosgAdapter.toVendor(customer);
  if (!result.ok) throw new Error('unreachable');
  return result.value;
};

const settled = (stand: GiosgStandIn): boolean => stand.loaded() && stand.calls().every((call) => call.effect !== 'queued');

afterEach(() => {
  standIn?.uninstall();
  standIn = undefined;
  for (const element of mounted) element.remove();
  mounted = [];
});

describe('server-rendered snippet', () => {
  it('queues the plain submission before giosg loads; giosg applies it once loaded, renaming the visitor', async () => {
    const stand = install();
    mount(html(renderGiosgSnippet(customer, { companyId, nonce: 'n0nce' })));
    expect(stand.loaded()).toBe(false);
    expect(((window as unknown as { _giosg: { _e: unknown[] } })._giosg._e).length).toBe(1);
    await until(() => settled(stand) && stand.calls().length > 0);
    expect(stand.received()).toEqual({
      name: 'Ada Lovelace',
      data: customerData,
      signed: Object.fromEntries(Object.keys(customerData).map((name) => [name, false])),
    });
    expect(stand.calls().map((call) => [call.module, call.method, call.effect])).toEqual([['visitor', 'submit', 'accepted']]);
  });

  it('submits to the given rooms, replacing what giosg held there', async () => {
    const stand = install();
    mount(giosgTag);
    mount(html(renderGiosgSnippet({ visitor: { name: 'Old Name' }, attributes: { stale: 'x' } }, { rooms: [{ name: 'Sales' }] })));
    mount(html(renderGiosgSnippet(customer, { rooms: [{ name: 'Sales' }, { id: 'room-7' }], replaceExisting: true })));
    await until(() => settled(stand) && stand.calls().length === 2);
    expect(stand.rooms()).toEqual(['name:Sales', 'id:room-7']);
    expect(stand.received('name:Sales').data).toEqual(customerData);
    expect(stand.received('id:room-7').name).toBe('Ada Lovelace');
    expect(stand.received().name).toBe('Visitor');
  });

  it('passes a server-signed JWT in place of the data; a room requiring signatures accepts it and shows operators only the visitor data', async () => {
    const stand = install({ signingKey: key, requireSignatures: true });
    const signedHtml = html(await renderSignedGiosgSnippet(customer, { key, companyId }));
    expect(signedHtml).not.toContain(key);
    mount(signedHtml);
    await until(() => settled(stand) && stand.calls().length > 0);
    const received = stand.received();
    expect(stand.calls()[0]?.effect).toBe('accepted');
    expect(received.name).toBe('Ada Lovelace');
    // giosg keeps every claim but exp as a visitor variable: the token carries nothing else.
    expect(received.data).toEqual(customerData);
    expect(Object.values(received.signed).every(Boolean)).toBe(true);
  });

  it('is rejected by giosg (silently, in the queue form) when unsigned, tampered or signed with another key', async () => {
    const stand = install({ signingKey: key, requireSignatures: true });
    mount(giosgTag);
    mount(html(renderGiosgSnippet(customer)));
    const signed = await signGiosgVisitorData(customer, { key });
    const token = signed.ok ? (signed.value.visitorData as string) : '';
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forgedPayload = btoa(JSON.stringify({ ...JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))), username: 'Admin' })).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    mount(html(renderGiosgSubmission({ visitorData: `${header}.${forgedPayload}.${signature}`, signingAlgorithm: 'HS256', replaceExisting: false })));
    const otherKey = await signGiosgVisitorData(customer, { key: 'another-32-byte-api-signing-key!' });
    mount(html(renderGiosgSubmission(otherKey.ok ? otherKey.value : ({} as never))));
    await until(() => settled(stand) && stand.calls().length === 3);
    expect(stand.calls().map((call) => [call.effect, call.reason])).toEqual([
      ['rejected', 'This room requires signed visitor data'],
      ['rejected', 'Invalid signature'],
      ['rejected', 'Invalid signature'],
    ]);
    expect(stand.received().data).toEqual({});
  });

  it('accepts the legacy sha1 checksum form', async () => {
    const stand = install({ signingKey: key, requireSignatures: true });
    const signed = await signGiosgVisitorDataWithChecksum(customer, { key, algorithm: 'sha1', allowWeakChecksum: true });
    if (!signed.ok) throw new Error(JSON.stringify(signed.diagnostics));
    mount(giosgTag);
    mount(html(renderGiosgSubmission(signed.value)));
    await until(() => settled(stand) && stand.calls().length === 1);
    expect(stand.calls()[0]?.effect).toBe('accepted');
    expect(stand.received().data).toEqual(customerData);
  });

  it('removes the visitor data on logout', async () => {
    const stand = install();
    mount(giosgTag);
    mount(html(renderGiosgSnippet(customer)));
    mount(html(renderGiosgLogoutSnippet({ keys: ['email', 'plan'] })));
    await until(() => settled(stand) && stand.calls().length === 3);
    expect(Object.keys(stand.received().data)).not.toContain('email');
    expect(stand.received().name).toBe('Ada Lovelace');
    mount(html(renderGiosgLogoutSnippet()));
    await until(() => stand.calls().length === 4 && Object.keys(stand.received().data).length === 0);
    expect(stand.received().name).toBe('Visitor');
  });

  it('also closes, hides and clears the chat on logout with closeChat', async () => {
    const stand = install();
    mount(giosgTag);
    mount(html(renderGiosgSnippet(customer)));
    mount(html(renderGiosgLogoutSnippet({ closeChat: true })));
    await until(() => settled(stand) && stand.calls().length === 3);
    expect(stand.calls().map((call) => [call.module, call.method, call.args, call.effect])).toEqual([
      ['visitor', 'submit', expect.any(Array), 'accepted'],
      ['visitor', 'removeAll', [], 'accepted'],
      ['chat', 'close', [{ hide: true, clearHistory: true }], 'accepted'],
    ]);
    expect(stand.received().data).toEqual({});
  });
});

describe('./browser runtime', () => {
  it('works before giosg has loaded (through the tag\'s queue) and resolves once giosg answered', async () => {
    const stand = install();
    mount(giosgTag);
    expect(stand.loaded()).toBe(false);
    const result = await applyGiosgPayload(plain(), { timeoutMs: 1000, intervalMs: 5 });
    expect(result).toEqual({ ok: true, value: 'applied', diagnostics: [] });
    expect(stand.received().data).toEqual(customerData);
  });

  it('works after giosg has loaded', async () => {
    const stand = install();
    mount(giosgTag);
    await until(() => stand.loaded());
    const result = await applyGiosgPayload({ ...plain(), rooms: [{ id: 'room-7' }] }, { timeoutMs: 1000, intervalMs: 5 });
    expect(result.ok).toBe(true);
    expect(stand.received('id:room-7').name).toBe('Ada Lovelace');
  });

  it('delivers a server-made token, which giosg verifies', async () => {
    const stand = install({ signingKey: key, requireSignatures: true });
    mount(giosgTag);
    const signed = await signGiosgVisitorData(customer, { key, algorithm: 'HS256' });
    const result = await applyGiosgPayload(signed.ok ? signed.value : ({} as never), { timeoutMs: 1000, intervalMs: 5 });
    expect(result.ok).toBe(true);
    expect(stand.received().signed['username']).toBe(true);
  });

  it('reports giosg refusing the data as vendor_error', async () => {
    install({ requireSignatures: true });
    mount(giosgTag);
    const result = await applyGiosgPayload(plain(), { timeoutMs: 1000, intervalMs: 5 });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((item) => [item.code, item.message])).toEqual([
      ['vendor_error', 'giosg refused to submit the visitor data: HTTP 400 This room requires signed visitor data.'],
    ]);
  });

  it('times out without the giosg tag, or when giosg never loads, and never throws', async () => {
    install();
    const withoutTag = await applyGiosgPayload(plain(), { timeoutMs: 60, intervalMs: 5 });
    expect(withoutTag.diagnostics.map((item) => item.code)).toEqual(['timeout']);
    mounted.push(...mountSnippet('<script>var _giosg=_giosg||function(){(_giosg._e=_giosg._e||[]).push(arguments)};</script>'));
    const neverLoaded = await applyGiosgPayload(plain(), { timeoutMs: 60, intervalMs: 5 });
    expect(neverLoaded.diagnostics.map((item) => item.code)).toEqual(['timeout']);
    expect(neverLoaded.diagnostics[0]?.message).toContain('stays queued');
    const broken = await applyGiosgPayload(null as never, { timeoutMs: 60, intervalMs: 5 });
    expect(broken.ok).toBe(false);
  });

  it('defines giosg\'s queue on request, so a tag added later still gets the data', async () => {
    const stand = install();
    const pending = applyGiosgPayload(plain(), { timeoutMs: 1000, intervalMs: 5, defineQueue: true });
    mount(`<script async src="${scriptUrl}"></script>`);
    expect((await pending).ok).toBe(true);
    expect(stand.received().data).toEqual(customerData);
  });

  it('removes keys or everything', async () => {
    const stand = install();
    mount(giosgTag);
    expect((await applyGiosgPayload(plain(), { timeoutMs: 1000, intervalMs: 5 })).ok).toBe(true);
    expect((await removeGiosgVisitorData(['plan', 'vip'], { timeoutMs: 1000, intervalMs: 5 })).ok).toBe(true);
    expect(Object.keys(stand.received().data)).not.toContain('plan');
    expect(stand.received().data['email']).toBe('ada@example.com');
    expect((await removeGiosgVisitorData(undefined, { timeoutMs: 1000, intervalMs: 5 })).ok).toBe(true);
    expect(stand.received()).toEqual({ name: 'Visitor', data: {}, signed: {} });
    expect(stand.calls().some((call) => call.module === 'chat')).toBe(false);
  });

  it('closes, hides and clears the chat after removing the data, with closeChat', async () => {
    const stand = install();
    mount(giosgTag);
    expect((await applyGiosgPayload(plain(), { timeoutMs: 1000, intervalMs: 5 })).ok).toBe(true);
    const result = await removeGiosgVisitorData(['email'], { timeoutMs: 1000, intervalMs: 5, closeChat: true });
    expect(result).toEqual({ ok: true, value: 'applied', diagnostics: [] });
    const apiCalls = stand.calls().filter((call) => call.module !== 'function');
    expect(apiCalls.slice(1).map((call) => [call.module, call.method, call.args])).toEqual([
      ['visitor', 'remove', ['email']],
      ['chat', 'close', [{ hide: true, clearHistory: true }]],
    ]);
    const refused = await removeGiosgVisitorData('email' as never, { timeoutMs: 1000, intervalMs: 5 });
    expect(refused.diagnostics.map((item) => item.code)).toEqual(['not_applied']);
  });
});

describe('applyGiosgContext (translate without zod, then apply)', () => {
  it('delivers exactly the translated data to giosg, to the given rooms, with the translation warnings', async () => {
    const stand = install();
    mount(giosgTag);
    const applied = await applyGiosgContext(
      { ...customer, page: { url: 'https://shop.example/' }, vendor: { giosg: { extraData: { cart: ['sku-1'] } }, genesys: { queue: 'x' } } },
      { rooms: [{ name: 'Sales' }, { id: 'room-7' }], replaceExisting: true, timeoutMs: 1000, intervalMs: 5 },
    );
    expect(applied.ok).toBe(true);
    expect(applied.diagnostics.map((item) => [item.code, item.path])).toEqual([
      ['field_dropped', ['vendor', 'genesys']],
      ['field_renamed', ['attributes', 'email']],
      ['field_dropped', ['page', 'url']],
    ]);
    expect(stand.calls().filter((call) => call.module === 'visitor').map((call) => [call.method, call.args, call.effect])).toEqual([
      ['submit', [{ ...customerData, cart: ['sku-1'] }, 'plain', true, [{ name: 'Sales' }, { id: 'room-7' }]], 'accepted'],
    ]);
    expect(stand.rooms()).toEqual(['name:Sales', 'id:room-7']);
    expect(stand.received('name:Sales')).toEqual({
      name: 'Ada Lovelace',
      data: { ...customerData, cart: ['sku-1'] },
      signed: Object.fromEntries([...Object.keys(customerData), 'cart'].map((name) => [name, false])),
    });
    expect(stand.received('id:room-7').data).toEqual({ ...customerData, cart: ['sku-1'] });
  });

  it('sends the same submission translateGiosgContext returns, to the domain room before giosg has loaded', async () => {
    const stand = install();
    mount(giosgTag);
    expect(stand.loaded()).toBe(false);
    const translated = translateGiosgContext(customer);
    expect(translated).toEqual({ ok: true, value: plain(), diagnostics: giosgAdapter.toVendor(customer).diagnostics });
    const applied = await applyGiosgContext(customer, { timeoutMs: 1000, intervalMs: 5 });
    expect(applied).toEqual({ ok: true, value: 'applied', diagnostics: translated.diagnostics });
    const submits = stand.calls().filter((call) => call.method === 'submit');
    expect(submits.map((call) => call.args)).toEqual([[customerData, 'plain', false]]);
    expect(stand.received()).toEqual({ name: 'Ada Lovelace', data: customerData, signed: Object.fromEntries(Object.keys(customerData).map((name) => [name, false])) });
  });

  it('sends nothing when translation fails or strict turns a warning into an error, and reports giosg refusing', async () => {
    const stand = install({ requireSignatures: true });
    mount(giosgTag);
    const strict = await applyGiosgContext({ ...customer, page: { url: 'https://shop.example/' } }, { strict: true, timeoutMs: 1000, intervalMs: 5 });
    expect(strict.ok).toBe(false);
    expect(strict.diagnostics.map((item) => [item.code, item.severity])).toEqual([
      ['field_renamed', 'error'],
      ['field_dropped', 'error'],
    ]);
    const getter = { get visitor(): never { throw new Error('a getter must never run'); } } as unknown as VisitorContext;
    const refused = await applyGiosgContext(getter, { timeoutMs: 1000, intervalMs: 5 });
    expect(refused.ok).toBe(false);
    const notAnObject = await applyGiosgContext(null as never, { timeoutMs: 1000, intervalMs: 5 });
    expect(notAnObject.diagnostics.map((item) => item.code)).toEqual(['not_an_object']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(stand.calls().filter((call) => call.method === 'submit')).toEqual([]);
    const rejected = await applyGiosgContext(customer, { timeoutMs: 1000, intervalMs: 5 });
    expect(rejected.diagnostics.map((item) => item.code)).toEqual(['field_renamed', 'vendor_error']);
  });
});
