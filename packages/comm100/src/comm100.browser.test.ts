import type { VisitorContext } from '@visitor-context/core';
import { installComm100StandIn, mountSnippet, type Comm100StandIn } from '@visitor-context/testkit/stand-ins';
import { afterEach, describe, expect, it } from 'vitest';
import { applyComm100Context, applyComm100Payload, clearComm100VisitorData, translateComm100Context } from './browser.js';
import { comm100Adapter, renderComm100Snippet, type Comm100Payload, type Comm100ToVendorOptions } from './index.js';

const site = { siteId: 10100116, campaignId: 'c9e91d04-3774-4470-b84d-6bc00874fe9d', standbyScriptUrl: false } as const;
const loaderUrl = 'https://vue.comm100.com/livechat.ashx?siteId=10100116';
const shopper: VisitorContext = {
  visitor: { id: 'u-42', name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' },
  attributes: { plan: 'pro', seats: 12, unknown_to_comm100: 'x' },
};

let standIn: Comm100StandIn | undefined;
let mounted: Element[] = [];
const install = (options: Parameters<typeof installComm100StandIn>[1] = {}) => {
  standIn = installComm100StandIn(window, { readyDelayMs: 10, customVariables: ['plan', 'seats'], ...options });
  return standIn;
};
const until = async (condition: () => boolean, timeoutMs = 1000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};
const translate = (context: VisitorContext, options = {}): Comm100Payload => {
  const result = comm100Adapter.toVendor(context, options);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
};

afterEach(() => {
  standIn?.uninstall();
  standIn = undefined;
  for (const element of mounted) element.remove();
  mounted = [];
});

describe('server-rendered snippet in Chromium', () => {
  it('delivers custom variables and pre-chat values once Comm100 is ready; undefined names never reach the agent', async () => {
    const comm100 = install();
    const html = renderComm100Snippet(shopper, site);
    if (!html.ok) throw new Error(JSON.stringify(html.diagnostics));
    mounted = mountSnippet(html.value, { scripts: { [loaderUrl]: comm100.loader } });
    expect(document.getElementById('comm100-button-c9e91d04-3774-4470-b84d-6bc00874fe9d')).not.toBeNull();
    await until(() => comm100.isReady());
    expect(comm100.received()).toEqual({
      customVariables: { plan: 'pro', seats: '12' },
      prechat: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' },
      prechatSkipped: false,
    });
    expect(comm100.ignoredVariables()).toEqual(['unknown_to_comm100']);
    const api = (window as unknown as { Comm100API: Record<string, unknown> }).Comm100API;
    expect(api['site_id']).toBe(10100116);
    expect(api['chat_buttons']).toEqual([{ code_plan: site.campaignId, div_id: `comm100-button-${site.campaignId}` }]);
  });

  it('skips the pre-chat form only when every required field is valid', async () => {
    const comm100 = install();
    const complete = renderComm100Snippet({ visitor: { name: 'Ada', email: 'ada@example.com' } }, { ...site, skipPrechat: true });
    if (!complete.ok) throw new Error('render failed');
    mounted = mountSnippet(complete.value, { scripts: { [loaderUrl]: comm100.loader } });
    await until(() => comm100.isReady());
    expect(comm100.received().prechatSkipped).toBe(true);
  });

  it('does not skip the form when a required field is missing', async () => {
    const comm100 = install();
    const partial = renderComm100Snippet({ visitor: { name: 'Ada' } }, { ...site, skipPrechat: true });
    if (!partial.ok) throw new Error('render failed');
    mounted = mountSnippet(partial.value, { scripts: { [loaderUrl]: comm100.loader } });
    await until(() => comm100.isReady());
    expect(comm100.received()).toEqual({ customVariables: {}, prechat: { name: 'Ada' }, prechatSkipped: false });
    expect(comm100.calls().find((call) => call.type === 'livechat.prechat.isSkip')?.effect).toBe('ignored');
  });

  it('keeps an onReady the page assigned before the snippet', async () => {
    const comm100 = install();
    let pageReady = 0;
    (window as unknown as { Comm100API: object }).Comm100API = { onReady: () => pageReady++ };
    const html = renderComm100Snippet(shopper, site);
    if (!html.ok) throw new Error('render failed');
    mounted = mountSnippet(html.value, { scripts: { [loaderUrl]: comm100.loader } });
    await until(() => comm100.isReady());
    expect(pageReady).toBe(1);
    expect(comm100.received().customVariables).toEqual({ plan: 'pro', seats: '12' });
  });

  it('keeps hostile values as data all the way to the agent', async () => {
    const comm100 = install({ customVariables: ['</script><script>window.pwned=1</script>'] });
    const name = '</script><script>window.pwned=1</script><!--';
    const html = renderComm100Snippet({ visitor: { name }, attributes: { [name.slice(0, 40)]: '\u2028<img src=x onerror="window.pwned=1">' } }, {
      ...site,
      customVariables: ['</script><script>window.pwned=1</script>'],
    });
    if (!html.ok) throw new Error('render failed');
    mounted = mountSnippet(html.value, { scripts: { [loaderUrl]: comm100.loader } });
    await until(() => comm100.isReady());
    expect(comm100.received().prechat).toEqual({ name });
    expect(comm100.received().customVariables).toEqual({ '</script><script>window.pwned=1</script>': '\u2028<img src=x onerror="window.pwned=1">' });
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('./browser runtime in Chromium', () => {
  it('waits for onReady, then applies exactly the payload', async () => {
    const comm100 = install();
    const applying = applyComm100Payload(translate(shopper), { timeoutMs: 1000, intervalMs: 10 });
    expect(comm100.calls()).toEqual([]);
    comm100.load();
    const result = await applying;
    expect(result).toEqual({
      ok: true,
      value: { customVariables: ['plan', 'seats', 'unknown_to_comm100'], prechatFields: ['name', 'email', 'phone'], skipPrechat: false },
      diagnostics: [],
    });
    expect(comm100.received()).toEqual({
      customVariables: { plan: 'pro', seats: '12' },
      prechat: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' },
      prechatSkipped: false,
    });
  });

  it('applies at once when the widget is already running', async () => {
    const comm100 = install();
    comm100.load();
    await until(() => comm100.isReady());
    const result = await applyComm100Payload(translate({ attributes: { plan: 'enterprise' } }), { timeoutMs: 50 });
    expect(result.ok).toBe(true);
    expect(comm100.received().customVariables).toEqual({ plan: 'enterprise' });
  });

  it('notices readiness when the page replaces the onReady hook afterwards', async () => {
    const comm100 = install();
    const applying = applyComm100Payload(translate({ attributes: { plan: 'pro' } }), { timeoutMs: 1000, intervalMs: 10 });
    (window as unknown as { Comm100API: { onReady: () => void } }).Comm100API.onReady = () => undefined;
    comm100.load();
    expect((await applying).ok).toBe(true);
    expect(comm100.received().customVariables).toEqual({ plan: 'pro' });
  });

  it('reports pre-chat fields the form does not have, and fills the campaign it is told', async () => {
    const comm100 = install({ campaignId: 7, prechatFields: [{ id: 'n', type: 'name', label: 'Your name', isRequired: true }] });
    comm100.load();
    await until(() => comm100.isReady());
    const result = await applyComm100Payload(translate({ visitor: { name: 'Ada', email: 'ada@example.com' } }), { campaignId: 7 });
    expect(result.ok && result.value.prechatFields).toEqual(['name']);
    expect(result.diagnostics.map((item) => `${item.severity} ${item.code} ${item.path.join('.')}`)).toEqual(['warning not_applied prechatFields.email']);
    expect(comm100.received().prechat).toEqual({ name: 'Ada' });
    const otherCampaign = await applyComm100Payload(translate({ visitor: { name: 'Bo' } }), { campaignId: 8 });
    expect(otherCampaign.diagnostics.map((item) => item.code)).toEqual(['not_applied']);
    expect(comm100.received().prechat).toEqual({ name: 'Ada' });
  });

  it('times out when Comm100 never becomes ready, and a late onReady then changes nothing', async () => {
    const comm100 = install();
    const result = await applyComm100Payload(translate({ attributes: { plan: 'pro' } }), { timeoutMs: 40, intervalMs: 10 });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((item) => item.code)).toEqual(['timeout']);
    comm100.load();
    await until(() => comm100.isReady());
    expect(comm100.received().customVariables).toEqual({});
  });

  it('turns a throwing Comm100 call into vendor_error, and a malformed payload into invalid_type, without throwing', async () => {
    const comm100 = install();
    comm100.load();
    await until(() => comm100.isReady());
    const api = (window as unknown as { Comm100API: Record<string, unknown> }).Comm100API;
    api['set'] = () => {
      throw new Error('widget crashed');
    };
    const crashed = await applyComm100Payload(translate({ attributes: { plan: 'pro' } }));
    expect(crashed.ok).toBe(false);
    expect(crashed.diagnostics.map((item) => item.code)).toEqual(['vendor_error']);
    const malformed = await applyComm100Payload({ customVariables: 'plan' } as never);
    expect(malformed.diagnostics.map((item) => item.code)).toEqual(['invalid_type']);
  });

  it('translates and applies in one call without zod, delivering exactly the expected data and carrying the translation warnings', async () => {
    const comm100 = install();
    const applying = applyComm100Context(shopper, { customVariables: ['plan', 'seats'], skipPrechat: true, timeoutMs: 1000, intervalMs: 10 });
    comm100.load();
    const result = await applying;
    expect(result).toEqual({
      ok: true,
      value: { customVariables: ['plan', 'seats'], prechatFields: ['name', 'email', 'phone'], skipPrechat: true },
      diagnostics: [
        expect.objectContaining({ code: 'field_dropped', severity: 'warning', path: ['visitor', 'id'] }),
        expect.objectContaining({ code: 'value_coerced', severity: 'warning', path: ['attributes', 'seats'] }),
        expect.objectContaining({ code: 'field_dropped', severity: 'warning', path: ['attributes', 'unknown_to_comm100'] }),
      ],
    });
    expect(comm100.received()).toEqual({
      customVariables: { plan: 'pro', seats: '12' },
      prechat: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' },
      prechatSkipped: true,
    });
    expect(comm100.ignoredVariables()).toEqual([]);
  });

  it('delivers through applyComm100Context what the adapter-translated payload delivers', async () => {
    const options: Comm100ToVendorOptions = { customVariables: ['plan', 'seats'], fieldVariables: { 'visitor.id': 'seats' } };
    const viaAdapter = install();
    viaAdapter.load();
    await until(() => viaAdapter.isReady());
    const fromPayload = await applyComm100Payload(translate(shopper, options), { timeoutMs: 1000 });
    const receivedFromPayload = viaAdapter.received();
    viaAdapter.uninstall();
    const inPage = install();
    inPage.load();
    await until(() => inPage.isReady());
    const fromContext = await applyComm100Context(shopper, { ...options, timeoutMs: 1000 });
    expect(fromContext.ok && fromContext.value).toEqual(fromPayload.ok && fromPayload.value);
    expect(inPage.received()).toEqual(receivedFromPayload);
    expect(inPage.received().customVariables).toEqual({ plan: 'pro', seats: 'u-42' });
  });

  it('returns a failed translation without touching the widget', async () => {
    const comm100 = install();
    const strict = await applyComm100Context(shopper, { strict: true, timeoutMs: 1000, intervalMs: 10 });
    expect(strict.ok).toBe(false);
    expect(strict.diagnostics.length).toBeGreaterThan(0);
    expect(strict.diagnostics.every((item) => item.severity === 'error')).toBe(true);
    const polluting = await applyComm100Context(JSON.parse('{"attributes":{"__proto__":{"plan":"pro"}}}') as VisitorContext, { timeoutMs: 1000 });
    expect(polluting.diagnostics.map((item) => item.code)).toEqual(['forbidden_key']);
    comm100.load();
    await until(() => comm100.isReady());
    expect(comm100.calls()).toEqual([]);
    expect(comm100.received()).toEqual({ customVariables: {}, prechat: {}, prechatSkipped: false });
  });
});

describe('clearComm100VisitorData in Chromium', () => {
  /** The pre-chat values the widget itself holds, read back through Comm100's own getter. */
  const formValues = (campaignId?: string | number): unknown => {
    const api = (window as unknown as { Comm100API: { get: (type: string, ...args: unknown[]) => unknown } }).Comm100API;
    const fields = api.get('livechat.prechat.fields', ...(campaignId === undefined ? [] : [campaignId])) as { type: string; value: string }[];
    return Object.fromEntries(fields.map((field) => [field.type, field.value]));
  };

  it('leaves Comm100 holding none of the logged-in visitor\'s custom variables or pre-chat values', async () => {
    const comm100 = install();
    comm100.load();
    await until(() => comm100.isReady());
    expect((await applyComm100Payload(translate(shopper, { customVariables: ['plan', 'seats'] }))).ok).toBe(true);
    expect(comm100.received().customVariables).toEqual({ plan: 'pro', seats: '12' });

    const result = await clearComm100VisitorData({ customVariables: ['plan', 'seats'], timeoutMs: 1000 });

    expect(result).toEqual({ ok: true, value: { customVariables: ['plan', 'seats'], prechatFields: ['name', 'email', 'phone', 'company'] }, diagnostics: [] });
    expect(comm100.received()).toEqual({ customVariables: { plan: '', seats: '' }, prechat: {}, prechatSkipped: false });
    expect(comm100.calls().slice(-3)).toEqual([
      expect.objectContaining({ method: 'set', type: 'livechat.customVariables', args: [[{ name: 'plan', value: '' }, { name: 'seats', value: '' }]], effect: 'applied' }),
      expect.objectContaining({ method: 'get', type: 'livechat.prechat.fields' }),
      expect.objectContaining({ method: 'set', type: 'livechat.prechat.fields', effect: 'applied' }),
    ]);
    // Read back last: the stand-in logs this get too.
    expect(formValues()).toEqual({ name: '', email: '', phone: '', company: '' });
  });

  it('waits for onReady, so data the server-rendered snippet delivers is blanked after it arrives', async () => {
    const comm100 = install();
    const html = renderComm100Snippet(shopper, site);
    if (!html.ok) throw new Error(JSON.stringify(html.diagnostics));
    mounted = mountSnippet(html.value, { scripts: { [loaderUrl]: comm100.loader } });
    const clearing = clearComm100VisitorData({ customVariables: ['plan', 'seats'], timeoutMs: 1000, intervalMs: 10 });
    expect(comm100.isReady()).toBe(false);
    const result = await clearing;
    expect(result.ok).toBe(true);
    const variableCalls = comm100.calls().filter((call) => call.type === 'livechat.customVariables');
    expect(variableCalls.map((call) => Object.fromEntries((call.args[0] as { name: string; value: string }[]).map((item) => [item.name, item.value])))).toEqual([
      { plan: 'pro', seats: '12', unknown_to_comm100: 'x' },
      { plan: '', seats: '' },
    ]);
    expect(comm100.received()).toEqual({ customVariables: { plan: '', seats: '' }, prechat: {}, prechatSkipped: false });
  });

  it('blanks only the pre-chat field types it is given, and every field of such a type', async () => {
    const comm100 = install({
      prechatFields: [
        { id: 'n', type: 'name', label: 'Name', isRequired: true, value: 'Ada Lovelace' },
        { id: 'e1', type: 'email', label: 'Email', isRequired: true, value: 'ada@example.com' },
        { id: 'e2', type: 'email', label: 'Work email', isRequired: false, value: 'ada@work.example' },
      ],
    });
    comm100.load();
    await until(() => comm100.isReady());
    const result = await clearComm100VisitorData({ customVariables: [], prechatFields: ['email', 'phone'] });
    expect(result).toEqual({ ok: true, value: { customVariables: [], prechatFields: ['email'] }, diagnostics: [] });
    expect(comm100.received().prechat).toEqual({ name: 'Ada Lovelace' });
    expect(formValues()).toEqual({ name: 'Ada Lovelace', email: '' });
    // No names, so no custom variable call at all.
    expect(comm100.calls().some((call) => call.type === 'livechat.customVariables')).toBe(false);
  });

  it('blanks the campaign it is told, and warns when Comm100 returns no form for the campaign', async () => {
    const comm100 = install({ campaignId: 7, prechatFields: [{ id: 'n', type: 'name', label: 'Name', isRequired: true, value: 'Ada' }] });
    comm100.load();
    await until(() => comm100.isReady());
    const otherCampaign = await clearComm100VisitorData({ customVariables: ['plan'], campaignId: 8 });
    expect(otherCampaign.ok).toBe(true);
    expect(otherCampaign.ok && otherCampaign.value.prechatFields).toEqual([]);
    expect(otherCampaign.diagnostics.map((item) => `${item.severity} ${item.code} ${item.path.join('.')}`)).toEqual(['warning not_applied prechatFields']);
    expect(comm100.received().prechat).toEqual({ name: 'Ada' });
    const rightCampaign = await clearComm100VisitorData({ customVariables: ['plan'], campaignId: 7 });
    expect(rightCampaign).toEqual({ ok: true, value: { customVariables: ['plan'], prechatFields: ['name'] }, diagnostics: [] });
    expect(comm100.received().prechat).toEqual({});
  });

  it('times out when Comm100 never becomes ready, and a late onReady then blanks nothing', async () => {
    const comm100 = install();
    const result = await clearComm100VisitorData({ customVariables: ['plan'], timeoutMs: 40, intervalMs: 10 });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((item) => item.code)).toEqual(['timeout']);
    comm100.load();
    await until(() => comm100.isReady());
    expect(comm100.calls()).toEqual([]);
  });

  it('turns a throwing Comm100 call into vendor_error, and missing names into invalid_type, without throwing', async () => {
    const comm100 = install();
    comm100.load();
    await until(() => comm100.isReady());
    const api = (window as unknown as { Comm100API: Record<string, unknown> }).Comm100API;
    const workingSet = api['set'];
    api['set'] = () => {
      throw new Error('widget crashed');
    };
    const crashed = await clearComm100VisitorData({ customVariables: ['plan'] });
    expect(crashed.ok).toBe(false);
    expect(crashed.diagnostics.map((item) => item.code)).toEqual(['vendor_error']);
    api['set'] = workingSet;
    const withoutNames = await clearComm100VisitorData(undefined as never);
    expect(withoutNames.diagnostics.map((item) => item.code)).toEqual(['invalid_type']);
    const badTypes = await clearComm100VisitorData({ customVariables: ['plan'], prechatFields: 'email' as never });
    expect(badTypes.diagnostics.map((item) => item.code)).toEqual(['invalid_type']);
    expect(comm100.calls()).toEqual([]);
  });
});

describe('README single-page app example in Chromium', () => {
  it('runs as written', async () => {
    const comm100 = install({ campaignId: 'c9e91d04-3774-4470-b84d-6bc00874fe9d' });
    comm100.load();
    await until(() => comm100.isReady());
    const payloadFromServer = translate({ attributes: { seats: 3 } }, { customVariables: ['seats'] });

    const applied = await applyComm100Payload(payloadFromServer, { timeoutMs: 10_000 });
    const result = await applyComm100Context(
      { visitor: { name: 'Ada Lovelace', email: 'ada@example.com' }, attributes: { plan: 'pro' } },
      { customVariables: ['plan'], campaignId: 'c9e91d04-3774-4470-b84d-6bc00874fe9d' },
    );
    const translated = translateComm100Context({ attributes: { plan: 'pro' } }, { customVariables: ['plan'] });

    expect(applied.ok && result.ok).toBe(true);
    expect(result.diagnostics).toEqual([]);
    expect(comm100.received()).toEqual({
      customVariables: { seats: '3', plan: 'pro' },
      prechat: { name: 'Ada Lovelace', email: 'ada@example.com' },
      prechatSkipped: false,
    });
    expect(translated).toEqual({ ok: true, value: { customVariables: [{ name: 'plan', value: 'pro' }], prechatFields: [], skipPrechat: false }, diagnostics: [] });
  });
});

describe('README logout example in Chromium', () => {
  it('runs as written, and the widget no longer holds the visitor\'s data', async () => {
    const comm100 = install();
    comm100.load();
    await until(() => comm100.isReady());
    await applyComm100Payload(translate(shopper, { customVariables: ['plan', 'seats'] }));

    const cleared = await clearComm100VisitorData({
      customVariables: ['plan', 'seats'], // every custom variable the page may have set
      prechatFields: ['name', 'email', 'phone', 'company'], // the default: the types the adapter fills
      timeoutMs: 10_000,
    });
    if (!cleared.ok) console.warn(cleared.diagnostics); // timeout, vendor_error or invalid_type

    expect(cleared.ok).toBe(true);
    expect(comm100.received()).toEqual({ customVariables: { plan: '', seats: '' }, prechat: {}, prechatSkipped: false });
  });
});
