import { installImsupportingStandIn, mountSnippet, type ImsupportingStandIn } from '@visitor-context/testkit/stand-ins';
import { waitFor, type VisitorContext } from '@visitor-context/core';
import { afterEach, describe, expect, it } from 'vitest';
import { applyImsupportingContext, applyImsupportingPayload } from './browser.js';
import { defaultImsupportingScriptUrl, imsupportingAdapter, renderImsupportingSnippet } from './index.js';

const pageWindow = window as Window & { imsFlowConfig?: unknown; imsFlowWidget?: unknown };
let standIn: ImsupportingStandIn | undefined;

const install = (options: Parameters<typeof installImsupportingStandIn>[1] = {}): ImsupportingStandIn => {
  standIn = installImsupportingStandIn(window, { loadDelayMs: 20, ...options });
  return standIn;
};

const mount = (html: string, stand: ImsupportingStandIn): void => {
  mountSnippet(html, { scripts: { [defaultImsupportingScriptUrl]: stand.loader } });
};

const render = (context: VisitorContext, form: 'attribute' | 'config' = 'attribute'): string => {
  const result = renderImsupportingSnippet(context, { siteId: 'SITE-1', form, nonce: 'bm9uY2U=' });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
};

const sessionCount = async (stand: ImsupportingStandIn, count: number) =>
  waitFor(() => (stand.sessions().length >= count ? stand.sessions() : undefined), { timeoutMs: 2000, intervalMs: 10 });

const translated = (context: VisitorContext) => {
  const result = imsupportingAdapter.toVendor(context);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
};

const jane: VisitorContext = {
  visitor: { id: 'USR-84920', name: "Jane O'Brien", email: 'jane@example.com', phone: '+44 20 7946 0958' },
  attributes: { plan: 'Pro', last_order: '#ORD-20241122', seats: 12, note: 'VIP <b>customer</b> & "friend"' },
};

afterEach(() => {
  standIn?.uninstall();
  standIn = undefined;
  document.body.innerHTML = '';
  delete pageWindow.imsFlowConfig;
});

describe('server-rendered snippet in Chromium', () => {
  it('delivers the data-visitor-context attribute, exactly as toVendor says the server stores it', async () => {
    const stand = install();
    mount(render(jane), stand);
    expect(pageWindow.imsFlowWidget).toBeUndefined();
    const [session] = (await sessionCount(stand, 1)) ?? [];
    expect(session).toEqual({
      siteid: 'SITE-1',
      mode: 'popover',
      source: 'attribute',
      payload: expect.any(String),
      visitorContext: translated(jane),
      discarded: undefined,
      prefilled: { visitor_name: "Jane O'Brien", visitor_email: 'jane@example.com', visitor_phone: '+44 20 7946 0958' },
    });
    expect(session?.visitorContext?.['note']).toBe('VIP customer & "friend"');
  });

  it('delivers window.imsFlowConfig.visitorContext from the config form', async () => {
    const stand = install();
    mount(render(jane, 'config'), stand);
    const [session] = (await sessionCount(stand, 1)) ?? [];
    expect(session).toMatchObject({ siteid: 'SITE-1', mode: 'popover', source: 'config', visitorContext: translated(jane) });
  });

  it('lets the attribute win over imsFlowConfig.visitorContext, as the vendor documents', async () => {
    const stand = install();
    pageWindow.imsFlowConfig = { siteid: 'SITE-1', mode: 'popover', visitorContext: { plan: 'Config' } };
    mount(render({ attributes: { plan: 'Attribute' } }), stand);
    const [session] = (await sessionCount(stand, 1)) ?? [];
    expect(session).toMatchObject({ source: 'attribute', visitorContext: { plan: 'Attribute' } });
  });

  it('sends no context at all for an anonymous visitor', async () => {
    const stand = install();
    mount(render({}), stand);
    const [session] = (await sessionCount(stand, 1)) ?? [];
    expect(document.querySelector('script[data-siteid]')?.hasAttribute('data-visitor-context')).toBe(false);
    expect(session).toMatchObject({ source: 'none', payload: undefined, visitorContext: undefined, prefilled: {} });
  });
});

describe('./browser runtime in Chromium', () => {
  it('applies a login to an anonymous attribute-form widget, waiting for the late global, then a logout', async () => {
    const stand = install({ loadDelayMs: 60 });
    mount(render({}), stand);
    const login = await applyImsupportingPayload(translated(jane), { intervalMs: 10, timeoutMs: 2000 });
    expect(login).toEqual({ ok: true, value: { via: 'attribute', visitorContext: translated(jane) }, diagnostics: [] });
    const sessions = stand.sessions();
    // The widget initialised with the new attribute already in place, then reload() read it again.
    expect(sessions.map((session) => session.visitorContext)).toEqual([translated(jane), translated(jane)]);

    const logout = await applyImsupportingPayload({}, { intervalMs: 10, timeoutMs: 2000 });
    expect(logout).toMatchObject({ ok: true, value: { via: 'attribute', visitorContext: {} } });
    expect(stand.received()).toMatchObject({ source: 'none', visitorContext: undefined, prefilled: {} });
  });

  it('applyImsupportingContext translates a login and delivers exactly what toVendor predicts, with its warnings', async () => {
    const stand = install();
    mount(render({}), stand);
    await sessionCount(stand, 1);
    const result = await applyImsupportingContext(jane, { intervalMs: 10, timeoutMs: 2000 });
    expect(result).toEqual({
      ok: true,
      value: { via: 'attribute', visitorContext: translated(jane) },
      diagnostics: imsupportingAdapter.toVendor(jane).diagnostics,
    });
    const expectedText = JSON.stringify(translated(jane));
    expect(document.querySelector('script[data-siteid]')?.getAttribute('data-visitor-context')).toBe(expectedText);
    expect(stand.sessions()).toHaveLength(2);
    expect(stand.received()).toEqual({
      siteid: 'SITE-1',
      mode: 'popover',
      source: 'attribute',
      payload: btoa(String.fromCharCode(...new TextEncoder().encode(expectedText))),
      visitorContext: translated(jane),
      discarded: undefined,
      prefilled: { visitor_name: "Jane O'Brien", visitor_email: 'jane@example.com', visitor_phone: '+44 20 7946 0958' },
    });
  });

  it('applyImsupportingContext updates imsFlowConfig for a config-form widget and reloads it', async () => {
    const stand = install();
    mount(render({ attributes: { plan: 'Free' } }, 'config'), stand);
    await sessionCount(stand, 1);
    const result = await applyImsupportingContext(jane, { intervalMs: 10, timeoutMs: 2000 });
    expect(result).toMatchObject({ ok: true, value: { via: 'config' } });
    expect(result.diagnostics.map((item) => `${item.code} ${item.path.join('.')}`)).toEqual([
      'value_coerced attributes.seats',
      'html_sanitized attributes.note',
    ]);
    expect(stand.sessions().map((session) => session.visitorContext)).toEqual([{ plan: 'Free' }, translated(jane)]);
    expect(pageWindow.imsFlowConfig).toMatchObject({ siteid: 'SITE-1', mode: 'popover' });
  });

  it('reports a timeout when the widget never appears', async () => {
    mountSnippet(render({}), { scripts: { [defaultImsupportingScriptUrl]: () => undefined } });
    const result = await applyImsupportingPayload({ plan: 'Pro' }, { intervalMs: 10, timeoutMs: 60 });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((item) => item.code)).toEqual(['timeout']);
    expect(document.querySelector('script[data-siteid]')?.getAttribute('data-visitor-context')).toBe('{"plan":"Pro"}');
  });

  it('stops waiting for the widget when the signal aborts, with a timeout failure', async () => {
    mountSnippet(render({}), { scripts: { [defaultImsupportingScriptUrl]: () => undefined } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const started = performance.now();
    const result = await applyImsupportingPayload({ plan: 'Pro' }, { intervalMs: 10, timeoutMs: 5000, signal: controller.signal });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.diagnostics.map((item) => item.code)).toEqual(['timeout']);
  });

  it('reports a vendor error when reload() throws, without throwing into the page', async () => {
    const stand = install({ reloadThrows: true });
    mount(render({}), stand);
    const result = await applyImsupportingPayload({ plan: 'Pro' }, { intervalMs: 10, timeoutMs: 2000 });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((item) => item.code)).toEqual(['vendor_error']);
  });

  it('reports not_applied on a page without the widget', async () => {
    const result = await applyImsupportingPayload({ plan: 'Pro' }, { intervalMs: 10, timeoutMs: 60 });
    expect(result.diagnostics.map((item) => item.code)).toEqual(['not_applied']);
  });

  it('applyImsupportingContext returns the translation failure without touching the page', async () => {
    const stand = install();
    mount(render({}), stand);
    const result = await applyImsupportingContext({ attributes: { 'a b': 'x' } }, { strict: true });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((item) => `${item.severity} ${item.code} ${item.path.join('.')}`)).toEqual(['error field_dropped attributes.a b']);
    expect(document.querySelector('script[data-siteid]')?.hasAttribute('data-visitor-context')).toBe(false);
    expect(stand.sessions()).toHaveLength(0);
  });
});

describe('stand-in server rules agree with the adapter', () => {
  it('stores what toVendor predicts for keys, HTML, lengths and entry count', async () => {
    const stand = install();
    const attributes = Object.fromEntries(Array.from({ length: 55 }, (_, index) => [`key_${index}`, `<i>${'é'.repeat(index * 10)}</i>`]));
    const context: VisitorContext = { visitor: { name: 'Jane' }, attributes: { ...attributes, 'bad key': 'x', ims_Email: 'a@b.c' } };
    mount(render(context), stand);
    const [session] = (await sessionCount(stand, 1)) ?? [];
    expect(session?.discarded).toBeUndefined();
    expect(session?.visitorContext).toEqual(translated(context));
    expect(session?.prefilled).toEqual({ visitor_name: 'Jane' });
  });
});
