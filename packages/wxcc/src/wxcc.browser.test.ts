import { installImichatStandIn, mountSnippet, type ImichatStandIn } from '@visitor-context/testkit/stand-ins';
import { afterEach, describe, expect, it } from 'vitest';
import { applyWxccContext, applyWxccPayload, type ImichatSessionOutcome } from './browser.js';
import { createWxccAdapter, defaultWxccScriptUrl, renderWxccSnippet, wxccAdapter, wxccSnippetEvent, type WxccInitPayload } from './index.js';

type Page = Window & { imichatwidget?: Record<string, unknown> };
const page = window as Page;
let standIn: ImichatStandIn | undefined;
const mounted: Element[] = [];

afterEach(() => {
  standIn?.uninstall();
  standIn = undefined;
  for (const element of mounted.splice(0)) element.remove();
  document.getElementById('divicw')?.remove();
});

const context = {
  visitor: { id: 'c-7', name: 'Ada "</script> Lovelace', email: 'ada@example.com' },
  attributes: { plan: 'pro', seats: 12, vip: true },
};

function payloadOf(value: unknown): WxccInitPayload {
  const result = wxccAdapter.toVendor(value as never);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
}

const nextSnippetOutcome = (): Promise<ImichatSessionOutcome> =>
  new Promise((resolve) =>
    window.addEventListener(wxccSnippetEvent, (event) => resolve((event as CustomEvent<ImichatSessionOutcome>).detail), { once: true }),
  );

const until = async (condition: () => boolean): Promise<void> => {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 2_000) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('server-rendered snippet against the imichat stand-in', () => {
  it('delivers exactly the translated custom chat fields once the late widget is ready', async () => {
    standIn = installImichatStandIn(window, { loadDelayMs: 40, readyDelayMs: 40 });
    const rendered = renderWxccSnippet(context, { intervalMs: 10, timeoutMs: 2_000, widget: { bindId: 'bind-42', guid: 'guid-1' } });
    expect(rendered.ok).toBe(true);
    if (!rendered.ok) return;
    const outcome = nextSnippetOutcome();
    mounted.push(...mountSnippet(rendered.value, { scripts: { [defaultWxccScriptUrl]: standIn.loader } }));
    expect(page.imichatwidget).toBeUndefined();

    await expect(outcome).resolves.toEqual({ status: 'applied', method: 'init', chatAlreadyStarted: false });
    expect(standIn.received()).toEqual(payloadOf(context).custom_chat_fields);
    expect(standIn.calls().map((call) => [call.method, call.effect])).toEqual([
      ['on', 'registered'],
      ['init', 'posted'],
    ]);

    const message = standIn.sendMessage('Hello');
    const inbound = wxccAdapter.fromVendor(message.extras);
    expect(inbound.ok && inbound.value).toMatchObject({ visitor: context.visitor, attributes: context.attributes });
    expect(standIn.sendMessage('Again').extras).not.toHaveProperty('custom_chat_attr');
  });

  it('keeps a ready handler the page registers after the snippet started', async () => {
    standIn = installImichatStandIn(window, { loadDelayMs: 5, readyDelayMs: 60 });
    const rendered = renderWxccSnippet(context, { intervalMs: 5, timeoutMs: 2_000, widget: { bindId: 'bind-42', guid: 'guid-1' } });
    const outcome = nextSnippetOutcome();
    mounted.push(...mountSnippet(rendered.ok ? rendered.value : '', { scripts: { [defaultWxccScriptUrl]: standIn.loader } }));
    await until(() => page.imichatwidget !== undefined && standIn!.calls().length > 0);
    const pageReady: unknown[] = [];
    (page.imichatwidget as { on: (name: string, handler: (appId: unknown) => void) => void }).on('imichat-widget:ready', (appId) => pageReady.push(appId));

    await expect(outcome).resolves.toMatchObject({ status: 'applied' });
    expect(pageReady).toEqual(['bind-42']);
    expect(standIn.received()).toEqual(payloadOf(context).custom_chat_fields);
  });

  it('reports a timeout when the widget never loads', async () => {
    const rendered = renderWxccSnippet(context, { intervalMs: 5, timeoutMs: 60 });
    const outcome = nextSnippetOutcome();
    mounted.push(...mountSnippet(rendered.ok ? rendered.value : ''));
    await expect(outcome).resolves.toEqual({ status: 'timeout', waitingFor: 'global', chatAlreadyStarted: false });
  });
});

describe('./browser applyWxccPayload against the imichat stand-in', () => {
  it('waits for the late global and the ready event, then calls init with the JSON string', async () => {
    standIn = installImichatStandIn(window, { loadDelayMs: 40, readyDelayMs: 40 });
    standIn.load();
    const result = await applyWxccPayload(payloadOf(context), { intervalMs: 10, timeoutMs: 2_000 });
    expect(result).toEqual({ ok: true, value: { method: 'init', fieldNames: ['id', 'name', 'email', 'plan', 'seats', 'vip'] }, diagnostics: [] });
    expect(standIn.received()).toEqual(payloadOf(context).custom_chat_fields);
    const init = standIn.calls().find((call) => call.method === 'init');
    expect(typeof init?.args[0]).toBe('string');
    expect(typeof init?.args[1]).toBe('function');
  });

  it('sends later changes with update, which replaces the whole set, and gets the answer through the init callback', async () => {
    standIn = installImichatStandIn(window, { loadDelayMs: 5, readyDelayMs: 5 });
    standIn.load();
    await applyWxccPayload(payloadOf(context), { intervalMs: 5, timeoutMs: 2_000 });
    const smaller = { visitor: { name: 'Ada' }, attributes: { plan: 'enterprise' } };
    const result = await applyWxccPayload(payloadOf(smaller), { intervalMs: 5, timeoutMs: 2_000 });
    expect(result).toMatchObject({ ok: true, value: { method: 'update' } });
    expect(standIn.received()).toEqual({ name: 'Ada', plan: 'enterprise' });
    expect(standIn.answers()).toEqual(['success', 'success']);
  });

  it('applies at once, without replacing the page\'s handler, when the widget is already up', async () => {
    standIn = installImichatStandIn(window, { loadDelayMs: 1, readyDelayMs: 1 });
    standIn.load();
    await until(() => document.getElementById('divchataside') !== null);
    const result = await applyWxccPayload(payloadOf(context), { intervalMs: 5, timeoutMs: 500 });
    expect(result).toMatchObject({ ok: true, value: { method: 'init' } });
    expect(standIn.calls().map((call) => call.method)).toEqual(['init']);
  });

  it('warns when the visitor already started the chat, because that conversation keeps its data', async () => {
    standIn = installImichatStandIn(window, { loadDelayMs: 1, readyDelayMs: 1, chatAlreadyStarted: true });
    standIn.load();
    const result = await applyWxccPayload(payloadOf(context), { intervalMs: 5, timeoutMs: 2_000 });
    expect(result).toMatchObject({ ok: true, diagnostics: [{ code: 'chat_already_started', severity: 'warning' }] });
  });

  it('times out when the global never appears, or the ready event never fires', async () => {
    await expect(applyWxccPayload(payloadOf(context), { intervalMs: 5, timeoutMs: 40 })).resolves.toMatchObject({
      ok: false,
      diagnostics: [{ code: 'timeout' }],
    });
    standIn = installImichatStandIn(window, { loadDelayMs: 1, readyDelayMs: 10_000 });
    standIn.load();
    await expect(applyWxccPayload(payloadOf(context), { intervalMs: 5, timeoutMs: 80 })).resolves.toMatchObject({
      ok: false,
      diagnostics: [{ code: 'timeout', message: expect.stringContaining('imichat-widget:ready') }],
    });
    expect(standIn.received()).toBeUndefined();
  });

  it('resolves with vendor_error when the widget answers error or throws, and never throws itself', async () => {
    const answers: ((status?: unknown) => void)[] = [];
    page.imichatwidget = {
      on: (_name: string, handler: () => void) => setTimeout(handler, 1),
      init: (_json: string, callback: (status?: unknown) => void) => {
        answers.push(callback);
        setTimeout(() => callback('error'), 1);
      },
      update: () => {
        throw new Error('widget exploded');
      },
    };
    try {
      await expect(applyWxccPayload(payloadOf(context), { intervalMs: 5, timeoutMs: 500 })).resolves.toMatchObject({
        ok: false,
        diagnostics: [{ code: 'vendor_error' }],
      });
      await expect(applyWxccPayload(payloadOf(context), { intervalMs: 5, timeoutMs: 500 })).resolves.toMatchObject({
        ok: false,
        diagnostics: [{ code: 'vendor_error', message: expect.stringContaining('widget exploded') }],
      });
      await expect(applyWxccPayload({ nope: 1 } as never)).resolves.toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_type' }] });
    } finally {
      delete page.imichatwidget;
    }
  });

  it('hands later changes from the single-page app to the widget the snippet set up', async () => {
    standIn = installImichatStandIn(window, { loadDelayMs: 5, readyDelayMs: 5 });
    const rendered = renderWxccSnippet(context, { intervalMs: 5, timeoutMs: 2_000, widget: { bindId: 'b', guid: 'g' } });
    const outcome = nextSnippetOutcome();
    mounted.push(...mountSnippet(rendered.ok ? rendered.value : '', { scripts: { [defaultWxccScriptUrl]: standIn.loader } }));
    await outcome;
    const result = await applyWxccPayload(payloadOf({ visitor: { name: 'Ada' } }), { intervalMs: 5, timeoutMs: 2_000 });
    expect(result).toMatchObject({ ok: true, value: { method: 'update' } });
    expect(standIn.received()).toEqual({ name: 'Ada' });
  });
});

describe('the snippet and the runtime on one page: the newest issued data wins', () => {
  it('keeps the customer\'s fields when the app applies them before ready and connects before the anonymous snippet', async () => {
    standIn = installImichatStandIn(window, { loadDelayMs: 30, readyDelayMs: 400 });
    const anonymous = renderWxccSnippet({}, { timeoutMs: 3_000, widget: { bindId: 'b', guid: 'g' } });
    expect(anonymous.ok).toBe(true);
    const snippetOutcome = nextSnippetOutcome();
    mounted.push(...mountSnippet(anonymous.ok ? anonymous.value : '', { scripts: { [defaultWxccScriptUrl]: standIn.loader } }));
    // The visitor logs in while the widget is still loading; the runtime polls faster than the snippet's 250 ms.
    const customer = payloadOf(context);
    const applied = applyWxccPayload(customer, { intervalMs: 5, timeoutMs: 3_000 });

    await expect(applied).resolves.toEqual({ ok: true, value: { method: 'init', fieldNames: Object.keys(customer.custom_chat_fields) }, diagnostics: [] });
    await expect(snippetOutcome).resolves.toEqual({ status: 'superseded', chatAlreadyStarted: false });
    expect(standIn.received()).toEqual(customer.custom_chat_fields);
    expect(standIn.calls().filter((call) => call.method === 'init' || call.method === 'update')).toHaveLength(1);
  });

  it('resolves an older runtime payload that lost to a newer snippet with a not_applied failure, without sending it', async () => {
    standIn = installImichatStandIn(window, { loadDelayMs: 5, readyDelayMs: 5 });
    const older = applyWxccPayload(payloadOf({ visitor: { name: 'Old' } }), { intervalMs: 200, timeoutMs: 3_000 });
    const rendered = renderWxccSnippet(context, { intervalMs: 5, timeoutMs: 3_000, widget: { bindId: 'b', guid: 'g' } });
    const snippetOutcome = nextSnippetOutcome();
    mounted.push(...mountSnippet(rendered.ok ? rendered.value : '', { scripts: { [defaultWxccScriptUrl]: standIn.loader } }));
    await expect(snippetOutcome).resolves.toMatchObject({ status: 'applied', method: 'init' });
    await expect(older).resolves.toMatchObject({ ok: false, diagnostics: [{ code: 'not_applied', severity: 'error' }] });
    expect(standIn.received()).toEqual(payloadOf(context).custom_chat_fields);
  });
});

describe('./browser applyWxccContext (translation without zod) against the imichat stand-in', () => {
  it('delivers exactly the custom chat fields toVendor gives, once the late widget is ready', async () => {
    standIn = installImichatStandIn(window, { loadDelayMs: 40, readyDelayMs: 40 });
    standIn.load();
    const result = await applyWxccContext(context, { intervalMs: 10, timeoutMs: 2_000 });
    expect(result).toEqual({ ok: true, value: { method: 'init', fieldNames: ['id', 'name', 'email', 'plan', 'seats', 'vip'] }, diagnostics: [] });
    expect(standIn.received()).toEqual(payloadOf(context).custom_chat_fields);
    const init = standIn.calls().find((call) => call.method === 'init');
    expect(init?.args[0]).toBe(JSON.stringify(payloadOf(context)));
  });

  it('translates with the page\'s field map and returns the translation\'s warnings with the widget\'s', async () => {
    standIn = installImichatStandIn(window, { loadDelayMs: 5, readyDelayMs: 5, chatAlreadyStarted: true });
    standIn.load();
    const fields = { 'visitor.name': 'Customer Name', 'attributes.plan': 'Plan', 'attributes.*': 'attr *' };
    const lossy = { ...context, page: { url: 'https://shop.example/cart' } };
    const expected = createWxccAdapter({ fields }).toVendor(lossy);
    if (!expected.ok) throw new Error(JSON.stringify(expected.diagnostics));
    const result = await applyWxccContext(lossy, { fields, intervalMs: 5, timeoutMs: 2_000 });
    expect(standIn.received()).toEqual(expected.value.custom_chat_fields);
    expect(result.ok).toBe(true);
    expect(result.diagnostics.slice(0, -1)).toEqual(expected.diagnostics);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['field_dropped', 'field_dropped', 'field_dropped', 'chat_already_started']);
  });

  it('never touches the widget when the translation fails', async () => {
    standIn = installImichatStandIn(window, { loadDelayMs: 1, readyDelayMs: 1 });
    standIn.load();
    await until(() => page.imichatwidget !== undefined);
    await expect(applyWxccContext(context, { fields: { 'visitor.name': 'name', 'visitor.email': 'name' }, intervalMs: 5, timeoutMs: 500 })).resolves.toMatchObject({
      ok: false,
      diagnostics: [{ code: 'invalid_option', path: ['fields'] }],
    });
    await expect(applyWxccContext({ visitor: { name: 'Ada', company: 'Engines' } }, { strict: true, intervalMs: 5, timeoutMs: 500 })).resolves.toMatchObject({
      ok: false,
      diagnostics: [{ code: 'field_dropped', severity: 'error' }],
    });
    expect(standIn.calls()).toEqual([]);
    expect(standIn.received()).toBeUndefined();
  });

  it('keeps the translation\'s warnings when the widget never comes', async () => {
    const result = await applyWxccContext({ visitor: { name: 'Ada', company: 'Engines' } }, { intervalMs: 5, timeoutMs: 40 });
    expect(result).toMatchObject({
      ok: false,
      diagnostics: [
        { code: 'field_dropped', severity: 'warning', path: ['visitor', 'company'] },
        { code: 'timeout', severity: 'error', message: expect.stringContaining('did not appear within 40 ms') },
      ],
    });
  });

  it('stops waiting for the global when the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = applyWxccContext(context, { intervalMs: 5, timeoutMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).resolves.toMatchObject({ ok: false, diagnostics: [{ code: 'timeout' }] });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('the imichat stand-in behaves as the widget documents', () => {
  it('ignores init without a callback, answers error for non-strings, replaces on update, and loses data sent before the iframe', async () => {
    standIn = installImichatStandIn(window, { loadDelayMs: 1, readyDelayMs: 10_000, answerDelayMs: 1 });
    standIn.load();
    await until(() => page.imichatwidget !== undefined);
    const widget = page.imichatwidget as {
      init(data: unknown, callback?: unknown): void;
      update(data: unknown, callback?: unknown): void;
      on(name: string, handler: unknown): void;
    };
    const statuses: unknown[] = [];
    widget.init('{"custom_chat_fields":{"a":"early"}}', (status: unknown) => statuses.push(status));
    expect(standIn.calls().at(-1)?.effect).toBe('lost');
    widget.on('some-other-event', () => undefined);
    standIn.fireReady();
    expect(statuses).toEqual([undefined]);

    widget.init('{"custom_chat_fields":{"a":"1"}}');
    expect(standIn.calls().at(-1)?.effect).toBe('ignored');
    widget.init({ custom_chat_fields: { a: '1' } }, (status: unknown) => statuses.push(status));
    await until(() => statuses.length === 2);
    expect(statuses.at(-1)).toBe('error');

    widget.init('{"custom_chat_fields":{"a":"1","b":"2"}}', (status: unknown) => statuses.push(status));
    await until(() => statuses.length === 3);
    let updateAnswered = false;
    widget.update('{"custom_chat_fields":{"c":"3"}}', () => (updateAnswered = true));
    await until(() => statuses.length === 4);
    expect(statuses.slice(2)).toEqual(['success', 'success']);
    expect(updateAnswered).toBe(false);
    expect(standIn.received()).toEqual({ c: '3' });
  });
});
