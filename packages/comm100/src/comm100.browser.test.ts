import type { VisitorContext } from '@visitor-context/core';
import { installComm100StandIn, mountSnippet, type Comm100StandIn } from '@visitor-context/testkit/stand-ins';
import { afterEach, describe, expect, it } from 'vitest';
import { applyComm100Context, applyComm100Payload, translateComm100Context } from './browser.js';
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
