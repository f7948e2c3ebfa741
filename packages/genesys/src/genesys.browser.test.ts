import {
  installGenesysStandIn,
  installGenesysWebChatStandIn,
  installGenesysWidgetsStandIn,
  mountSnippet,
  type GenesysStandIn,
  type GenesysWebChatStandIn,
  type GenesysWidgetsStandIn,
} from '@visitor-context/testkit/stand-ins';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyGenesysContext,
  applyGenesysPayload,
  applyGenesysWidgetsPayload,
  removeGenesysCustomAttributes,
  type ApplyGenesysContextOptions,
  type GenesysCommandQueue,
} from './browser.js';
import {
  defaultGenesysMessengerScriptUrl,
  defaultGenesysWebChatScriptUrl,
  genesysAdapter,
  renderGenesysSnippet,
  type GenesysMessengerPayload,
  type GenesysWebChatPayload,
} from './index.js';

type Page = Window & { Genesys?: GenesysCommandQueue; _genesysJs?: string; ININ?: unknown };
const page = window as Page;
let messenger: GenesysStandIn | undefined;
let webChat: GenesysWebChatStandIn | undefined;
let widgets: GenesysWidgetsStandIn | undefined;
const mounted: Element[] = [];

afterEach(() => {
  messenger?.uninstall();
  webChat?.uninstall();
  widgets?.uninstall();
  messenger = undefined;
  webChat = undefined;
  widgets = undefined;
  for (const element of mounted.splice(0)) element.remove();
  delete page.Genesys;
  delete page._genesysJs;
});

const context = {
  visitor: { id: 'CRM-7', name: 'Ada "</script> Lovelace', email: 'ada@example.com' },
  attributes: { plan: 'pro', seats: 12 },
  page: { url: 'https://shop.example/cart' },
};

const expectedAttributes = {
  customerId: 'CRM-7',
  name: 'Ada "</script> Lovelace',
  email: 'ada@example.com',
  pageUrl: 'https://shop.example/cart',
  plan: 'pro',
  seats: '12',
};

function messengerPayload(command: 'Database.set' | 'Database.update' = 'Database.set'): GenesysMessengerPayload {
  const result = genesysAdapter.toVendor(context, { command });
  if (!result.ok || result.value.channel !== 'messenger') throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
}

const until = async (condition: () => boolean): Promise<void> => {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 2_000) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('Messenger snippet in Chromium', () => {
  it('queues the command before the bootstrap loads and applies it on Database.ready', async () => {
    messenger = installGenesysStandIn(window, { loadDelayMs: 20, readyDelayMs: 20 });
    const snippet = renderGenesysSnippet(context, { deploymentId: 'dep-1', environment: 'prod-euw1', nonce: 'n0nce' });
    if (!snippet.ok) throw new Error(JSON.stringify(snippet.diagnostics));
    mounted.push(...mountSnippet(snippet.value, { scripts: { [defaultGenesysMessengerScriptUrl]: messenger.loader } }));

    expect(messenger.calls()).toEqual([]); // still the queue stub
    await until(() => messenger?.calls().some((call) => call.action === 'command') === true);
    expect(messenger.config()).toEqual({ environment: 'prod-euw1', deploymentId: 'dep-1' });
    expect(messenger.calls().map((call) => `${call.action} ${call.name} ${call.effect}`)).toEqual([
      'subscribe Database.ready subscribed',
      'command Database.set fulfilled',
    ]);
    expect(messenger.database()).toEqual({ messaging: { customAttributes: expectedAttributes } });

    // Nothing reaches the agent until the visitor writes; then the attributes travel with the message.
    expect(messenger.received()).toEqual({});
    messenger.sendMessage('Hello');
    expect(messenger.received()).toEqual(expectedAttributes);
  });

  it('renders only the command when the page already runs Messenger', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 5 });
    messenger.load();
    const snippet = renderGenesysSnippet(context, { includeLoader: false });
    if (!snippet.ok) throw new Error(JSON.stringify(snippet.diagnostics));
    mounted.push(...mountSnippet(snippet.value));
    await until(() => Object.keys(messenger?.database()['messaging'] as object).length > 0 && messenger?.calls().length === 2);
    expect(messenger.database()).toEqual({ messaging: { customAttributes: expectedAttributes } });
  });
});

describe('the Messenger stand-in behaves as documented', () => {
  it('rejects Database commands issued before Database.ready, and re-publishes ready to late subscribers', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 20 });
    messenger.load();
    const genesys = page.Genesys as GenesysCommandQueue;
    const early = await new Promise<unknown>((resolve) => genesys('command', 'Database.set', { messaging: { customAttributes: { a: '1' } } }, resolve, resolve));
    expect(early).toBeInstanceOf(Error);
    expect(messenger.database()).toEqual({ messaging: { customAttributes: {} } });
    await new Promise((resolve) => genesys('subscribe', 'Database.ready', resolve));
    // A subscriber that comes after the event still hears it, so a late runtime still applies.
    expect(await applyGenesysPayload(messengerPayload(), { timeoutMs: 500, intervalMs: 5 })).toMatchObject({ ok: true });
    expect(messenger.database()).toEqual({ messaging: { customAttributes: expectedAttributes } });
  });
});

describe('the Messenger Database merge semantics', () => {
  it('Database.set replaces a nested value, Database.update merges into it', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 1 });
    messenger.load();
    const genesys = page.Genesys as GenesysCommandQueue;
    const run = (command: string, customAttributes: Record<string, unknown>): Promise<unknown> =>
      new Promise((resolve) => genesys('command', command, { messaging: { customAttributes } }, resolve, resolve));
    await new Promise((resolve) => genesys('subscribe', 'Database.ready', resolve));
    await run('Database.set', { kept: 'yes', nested: { a: '1' } });
    await run('Database.set', { nested: { b: '2' } });
    expect(messenger.database()).toEqual({ messaging: { customAttributes: { kept: 'yes', nested: { b: '2' } } } });
    await run('Database.update', { nested: { c: '3' } });
    expect(messenger.database()).toEqual({ messaging: { customAttributes: { kept: 'yes', nested: { b: '2', c: '3' } } } });
  });
});

describe('applyGenesysPayload in Chromium', () => {
  it('waits for a late Genesys global and Database.ready, then sets the attributes', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 15 });
    setTimeout(() => messenger?.load(), 30);
    const result = await applyGenesysPayload(messengerPayload(), { timeoutMs: 1_000, intervalMs: 5 });
    expect(result).toEqual({
      ok: true,
      value: { channel: 'messenger', command: 'Database.set', keys: Object.keys(expectedAttributes) },
      diagnostics: [],
    });
    expect(messenger.database()).toEqual({ messaging: { customAttributes: expectedAttributes } });
  });

  it('merges shallowly with Database.set and deeply with Database.update', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 1 });
    messenger.load();
    const genesys = page.Genesys as GenesysCommandQueue;
    await new Promise((resolve) => genesys('subscribe', 'Database.ready', resolve));
    await new Promise((resolve) => genesys('command', 'Database.set', { messaging: { customAttributes: { kept: 'yes', plan: 'free' } } }, resolve));
    expect(await applyGenesysPayload(messengerPayload('Database.update'), { timeoutMs: 500, intervalMs: 5 })).toMatchObject({ ok: true });
    expect(messenger.database()).toEqual({ messaging: { customAttributes: { kept: 'yes', ...expectedAttributes } } });
    await new Promise((resolve) => genesys('command', 'Database.set', { messaging: { customAttributes: { plan: 'team' } } }, resolve));
    expect(messenger.database()).toEqual({ messaging: { customAttributes: { kept: 'yes', ...expectedAttributes, plan: 'team' } } });
  });

  it('only the next message carries attributes set after the first one', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 1 });
    messenger.load();
    messenger.sendMessage('first, before the context was set');
    await applyGenesysPayload(messengerPayload(), { timeoutMs: 500, intervalMs: 5 });
    messenger.sendMessage('second');
    expect(messenger.messages().map((message) => Object.keys(message.customAttributes).length)).toEqual([0, 6]);
  });

  it('resolves with timeout when Messenger never appears', async () => {
    const result = await applyGenesysPayload(messengerPayload(), { timeoutMs: 40, intervalMs: 5 });
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'timeout' }] });
  });

  it('resolves with timeout when Database.ready never fires', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 10_000 });
    messenger.load();
    const result = await applyGenesysPayload(messengerPayload(), { timeoutMs: 40, intervalMs: 5 });
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'timeout' }] });
  });

  it('resolves with vendor_error when Genesys rejects the command', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 1, rejectCommands: true });
    messenger.load();
    const result = await applyGenesysPayload(messengerPayload(), { timeoutMs: 500, intervalMs: 5 });
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'vendor_error' }] });
  });

  it('resolves with vendor_error instead of throwing when the global throws', async () => {
    page.Genesys = () => {
      throw new Error('boom');
    };
    const result = await applyGenesysPayload(messengerPayload(), { timeoutMs: 100, intervalMs: 5 });
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'vendor_error' }] });
  });

});

describe('removeGenesysCustomAttributes in Chromium (logout)', () => {
  const getCustomAttributes = (): Promise<unknown> =>
    new Promise((resolve, reject) =>
      (page.Genesys as GenesysCommandQueue)('command', 'Database.get', { name: 'messaging.customAttributes' }, resolve, reject),
    );

  it('removes every custom attribute the previous visitor left, which an empty Database.set would keep', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 1 });
    messenger.load();
    expect(await applyGenesysPayload(messengerPayload(), { timeoutMs: 500, intervalMs: 5 })).toMatchObject({ ok: true });
    // Database.set merges shallowly: an empty map changes nothing, which is why logout needs Database.remove.
    await new Promise((resolve) => (page.Genesys as GenesysCommandQueue)('command', 'Database.set', { messaging: { customAttributes: {} } }, resolve));
    expect(messenger.database()).toEqual({ messaging: { customAttributes: expectedAttributes } });

    const result = await removeGenesysCustomAttributes({ timeoutMs: 500, intervalMs: 5 });
    expect(result).toEqual({
      ok: true,
      value: { channel: 'messenger', command: 'Database.remove', name: 'messaging.customAttributes' },
      diagnostics: [],
    });
    expect(messenger.calls().at(-1)).toEqual({
      action: 'command',
      name: 'Database.remove',
      options: { name: 'messaging.customAttributes' },
      effect: 'fulfilled',
    });
    expect(messenger.database()).toEqual({ messaging: {} });
    expect(await getCustomAttributes()).toBeUndefined();
  });

  it('lets the next visitor log in after a logout, and the next message carries only their attributes', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 1 });
    messenger.load();
    await applyGenesysPayload(messengerPayload(), { timeoutMs: 500, intervalMs: 5 });
    expect((await removeGenesysCustomAttributes({ timeoutMs: 500, intervalMs: 5 })).ok).toBe(true);
    messenger.sendMessage('Anyone there?');
    expect(messenger.messages().at(-1)).toEqual({ text: 'Anyone there?', customAttributes: {} });
    expect(await applyGenesysPayload(messengerPayload(), { timeoutMs: 500, intervalMs: 5 })).toMatchObject({ ok: true });
    expect(messenger.database()).toEqual({ messaging: { customAttributes: expectedAttributes } });
    messenger.sendMessage('Hello again');
    expect(messenger.messages().at(-1)).toEqual({ text: 'Hello again', customAttributes: expectedAttributes });
  });

  it('cannot recall attributes that already travelled with a message', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 1 });
    messenger.load();
    await applyGenesysPayload(messengerPayload(), { timeoutMs: 500, intervalMs: 5 });
    messenger.sendMessage('Hello');
    expect((await removeGenesysCustomAttributes({ timeoutMs: 500, intervalMs: 5 })).ok).toBe(true);
    expect(messenger.database()).toEqual({ messaging: {} });
    // Genesys already has them with the conversation's participant: Database.remove only clears the page's store.
    expect(messenger.received()).toEqual(expectedAttributes);
    expect(messenger.messages()).toEqual([{ text: 'Hello', customAttributes: expectedAttributes }]);
  });

  it('a logout made before Messenger is ready still wins over the login made before it', async () => {
    messenger = installGenesysStandIn(window, { loadDelayMs: 20, readyDelayMs: 20 });
    const snippet = renderGenesysSnippet(context, { deploymentId: 'dep-1' });
    if (!snippet.ok) throw new Error(JSON.stringify(snippet.diagnostics));
    mounted.push(...mountSnippet(snippet.value, { scripts: { [defaultGenesysMessengerScriptUrl]: messenger.loader } }));
    // Both calls go into the deployment snippet's queue stub and are replayed, in order, when the bootstrap loads;
    // their commands must then go to the loaded Genesys, not to the replaced stub.
    const [applied, removed] = await Promise.all([
      applyGenesysPayload(messengerPayload(), { timeoutMs: 1_000, intervalMs: 5 }),
      removeGenesysCustomAttributes({ timeoutMs: 1_000, intervalMs: 5 }),
    ]);
    expect([applied.ok, removed.ok]).toEqual([true, true]);
    expect(messenger.calls().filter((call) => call.action === 'command').map((call) => `${call.name} ${call.effect}`)).toEqual([
      'Database.set fulfilled',
      'Database.set fulfilled',
      'Database.remove fulfilled',
    ]);
    expect(messenger.database()).toEqual({ messaging: {} });
  });

  it('resolves with timeout when Messenger never appears, sending nothing', async () => {
    const result = await removeGenesysCustomAttributes({ timeoutMs: 40, intervalMs: 5 });
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'timeout', severity: 'error' }] });
  });

  it('resolves with timeout when Database.ready does not come in time, and still removes once it does', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 200 });
    messenger.load();
    await applyGenesysPayload(messengerPayload(), { timeoutMs: 40, intervalMs: 5 });
    const result = await removeGenesysCustomAttributes({ timeoutMs: 40, intervalMs: 5 });
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'timeout' }] });
    await until(() => messenger?.calls().some((call) => call.name === 'Database.remove') === true);
    expect(messenger.database()).toEqual({ messaging: {} });
  });

  it('resolves with vendor_error when Genesys rejects Database.remove', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 1, rejectCommands: true });
    messenger.load();
    const result = await removeGenesysCustomAttributes({ timeoutMs: 500, intervalMs: 5 });
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'vendor_error', message: expect.stringContaining('Database.remove') }] });
  });

  it('resolves with vendor_error instead of throwing when the global throws', async () => {
    page.Genesys = () => {
      throw new Error('boom');
    };
    const result = await removeGenesysCustomAttributes({ timeoutMs: 100, intervalMs: 5 });
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'vendor_error', message: expect.stringContaining('boom') }] });
  });
});

describe('applyGenesysContext in Chromium', () => {
  it('translates without zod and delivers exactly the translated attributes to Messenger, keeping the warnings', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 5 });
    setTimeout(() => messenger?.load(), 20);
    const result = await applyGenesysContext(context, { timeoutMs: 1_000, intervalMs: 5 });
    expect(result).toEqual({
      ok: true,
      value: { channel: 'messenger', command: 'Database.set', keys: Object.keys(expectedAttributes) },
      diagnostics: [expect.objectContaining({ code: 'value_coerced', severity: 'warning', path: ['attributes', 'seats'] })],
    });
    expect(messenger.calls().map((call) => `${call.action} ${call.name} ${call.effect}`)).toEqual([
      'subscribe Database.ready subscribed',
      'command Database.set fulfilled',
    ]);
    expect(messenger.database()).toEqual({ messaging: { customAttributes: expectedAttributes } });
    messenger.sendMessage('Hello');
    expect(messenger.received()).toEqual(expectedAttributes);
  });

  it('issues Database.update when asked, merging into what is stored', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 1 });
    messenger.load();
    const genesys = page.Genesys as GenesysCommandQueue;
    await new Promise((resolve) => genesys('subscribe', 'Database.ready', resolve));
    await new Promise((resolve) => genesys('command', 'Database.set', { messaging: { customAttributes: { kept: 'yes' } } }, resolve));
    const result = await applyGenesysContext(context, { command: 'Database.update', timeoutMs: 500, intervalMs: 5 });
    expect(result).toMatchObject({ ok: true, value: { channel: 'messenger', command: 'Database.update' } });
    expect(messenger.database()).toEqual({ messaging: { customAttributes: { kept: 'yes', ...expectedAttributes } } });
  });

  it('with strict, applies nothing when the translation would lose anything', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 1 });
    messenger.load();
    const result = await applyGenesysContext(context, { strict: true, timeoutMs: 500, intervalMs: 5 });
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'value_coerced', severity: 'error' }] });
    expect(messenger.calls()).toEqual([]);
  });

  it('refuses what it cannot deliver, without touching the widget', async () => {
    messenger = installGenesysStandIn(window, { readyDelayMs: 1 });
    messenger.load();
    // Plain JavaScript can pass a channel without a widget, or a context that is not plain data.
    const other = await applyGenesysContext(context, { channel: 'guest-chat' } as unknown as ApplyGenesysContextOptions);
    expect(other.ok).toBe(false);
    expect(other.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['value_guessed', 'value_coerced', 'not_applied']);
    const unknown = await applyGenesysContext(context, { channel: 'sms' } as unknown as ApplyGenesysContextOptions);
    expect(unknown.ok).toBe(false);
    expect(unknown.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path.join('.')}`)).toEqual([
      'invalid_option channel',
      'value_coerced attributes.seats',
    ]);
    const withGetter = { visitor: { get id() { return 'read'; } } };
    expect(await applyGenesysContext(withGetter, { timeoutMs: 500, intervalMs: 5 })).toMatchObject({ ok: false });
    expect(messenger.calls()).toEqual([]);
  });

  it('resolves with timeout when Messenger never appears, keeping the translation warnings', async () => {
    const result = await applyGenesysContext(context, { timeoutMs: 40, intervalMs: 5 });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['value_coerced', 'timeout']);
  });
});

describe('Web Chat v2 in Chromium', () => {
  const webChatContext = { visitor: { firstName: 'John', lastName: 'Doe', id: '59606' }, attributes: { 'Account type': 'Business' } };
  const expectedParticipant = {
    'context.customerId': '59606',
    'context.firstName': 'John',
    'context.lastName': 'Doe',
    'context.customField1Label': 'Account type',
    'context.customField1': 'Business',
  };

  it('the snippet creates the chat with the data block, which reaches the participant when the chat starts', async () => {
    webChat = installGenesysWebChatStandIn(window, { loadDelayMs: 0 });
    const snippet = renderGenesysSnippet(webChatContext, {
      channel: 'web-chat',
      webChatConfig: { orgId: 12345, orgName: 'example', queueName: 'Support' },
      nonce: 'n0nce',
    });
    if (!snippet.ok) throw new Error(JSON.stringify(snippet.diagnostics));
    // jsapi-v1.js is a blocking script: its global exists before the next inline script runs.
    mounted.push(...mountSnippet(snippet.value, { scripts: { [defaultGenesysWebChatScriptUrl]: () => webChat?.load() } }));
    await until(() => webChat?.rendered() !== undefined);
    expect(webChat.configs()).toEqual([{ orgId: 12345, orgName: 'example', queueName: 'Support', data: Object.fromEntries(Object.entries(expectedParticipant).map(([key, value]) => [key.slice(8), value])) }]);
    expect(webChat.rendered()).toEqual({ mode: 'popup' });
    expect(webChat.received()).toEqual(expectedParticipant);
  });

  it('applyGenesysPayload creates a chat, or updates one that has not started', async () => {
    webChat = installGenesysWebChatStandIn(window);
    webChat.loader(document.createElement('script'));
    const translated = genesysAdapter.toVendor(webChatContext, { channel: 'web-chat' });
    if (!translated.ok) throw new Error(JSON.stringify(translated.diagnostics));
    const payload = translated.value as GenesysWebChatPayload;
    const created = await applyGenesysPayload(payload, { timeoutMs: 500, intervalMs: 5, webChatConfig: { orgId: 1 } });
    if (!created.ok || created.value.channel !== 'web-chat') throw new Error(JSON.stringify(created.diagnostics));
    const updated = await applyGenesysPayload({ channel: 'web-chat', data: { phoneNumber: '555' } }, { webChat: created.value.webChat });
    expect(updated.ok).toBe(true);
    (created.value.webChat as unknown as { renderPopup(): void }).renderPopup();
    expect(webChat.received()).toEqual({ ...expectedParticipant, 'context.phoneNumber': '555' });
  });

  it('applyGenesysContext with channel web-chat creates the chat with exactly the translated data block', async () => {
    webChat = installGenesysWebChatStandIn(window);
    setTimeout(() => webChat?.load(), 20);
    const result = await applyGenesysContext(webChatContext, { channel: 'web-chat', webChatConfig: { orgId: 1 }, timeoutMs: 1_000, intervalMs: 5 });
    if (!result.ok || result.value.channel !== 'web-chat') throw new Error(JSON.stringify(result.diagnostics));
    expect(result.diagnostics).toEqual([]);
    expect(result.value.keys).toEqual(Object.keys(expectedParticipant).map((key) => key.slice('context.'.length)));
    expect(webChat.configs()).toEqual([
      { orgId: 1, data: Object.fromEntries(Object.entries(expectedParticipant).map(([key, value]) => [key.slice('context.'.length), value])) },
    ]);
    (result.value.webChat as unknown as { renderPopup(): void }).renderPopup();
    expect(webChat.received()).toEqual(expectedParticipant);
  });

  it('resolves with vendor_error when create fails', async () => {
    webChat = installGenesysWebChatStandIn(window, { failCreate: true });
    webChat.load();
    const result = await applyGenesysPayload({ channel: 'web-chat', data: {} }, { timeoutMs: 200, intervalMs: 5 });
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'vendor_error' }] });
  });
});

describe('Widgets v2 in Chromium', () => {
  const widgetsContext = {
    visitor: { firstName: 'Juan', lastName: 'Pérez "</script>', email: 'juan@example.com', id: 'CRM-555' },
    page: { url: 'https://bank.example/accounts' },
    attributes: { plan: 'pro' },
    vendor: { genesys: { fields: { subject: 'E-Bank' } } },
  };
  const expectedParticipant = {
    'context.firstname': 'Juan',
    'context.lastname': 'Pérez "</script>',
    'context.email': 'juan@example.com',
    'context.subject': 'E-Bank',
    'context.customerId': 'CRM-555',
    'context.pageUrl': 'https://bank.example/accounts',
    'context.plan': 'pro',
  };
  const sorted = (value: Record<string, string> | undefined): [string, string][] => Object.entries(value ?? {}).sort(([a], [b]) => a.localeCompare(b));

  it('the snippet, placed before the Widgets loader, gives the chat every field as userData without opening it', async () => {
    const pageConfig = { widgets: { main: { theme: 'dark' }, webchat: { transport: { type: 'purecloud-v2-sockets' }, userData: { campaign: 'spring' } } } };
    (window as unknown as { _genesys?: unknown })._genesys = pageConfig;
    widgets = installGenesysWidgetsStandIn(window, { loadDelayMs: 0 });
    const snippet = renderGenesysSnippet(widgetsContext, { channel: 'widgets', nonce: 'n0nce' });
    if (!snippet.ok) throw new Error(JSON.stringify(snippet.diagnostics));
    mounted.push(...mountSnippet(snippet.value));
    widgets.load();
    expect(pageConfig.widgets.main).toEqual({ theme: 'dark' }); // the page's own config is kept
    // The page's own chat button opens the chat without data; what the snippet set travels anyway.
    (window as unknown as { CXBus: { command(name: string): unknown } }).CXBus.command('WebChat.open');
    widgets.submit();
    expect(sorted(widgets.received())).toEqual(sorted({ ...expectedParticipant, 'context.campaign': 'spring' }));
  });

  it('applyGenesysWidgetsPayload waits for CXBus and issues WebChat.open with the form prefilled and userData', async () => {
    widgets = installGenesysWidgetsStandIn(window);
    widgets.loader(document.createElement('script'));
    const translated = genesysAdapter.toVendor(widgetsContext, { channel: 'widgets' });
    if (!translated.ok || translated.value.channel !== 'widgets') throw new Error(JSON.stringify(translated.diagnostics));
    const result = await applyGenesysWidgetsPayload(translated.value, { timeoutMs: 1_000, intervalMs: 5 });
    expect(result).toEqual({
      ok: true,
      value: { channel: 'widgets', command: 'WebChat.open', keys: ['firstname', 'lastname', 'email', 'subject', 'customerId', 'pageUrl', 'plan'] },
      diagnostics: [],
    });
    expect(widgets.form()).toEqual({ firstname: 'Juan', lastname: 'Pérez "</script>', email: 'juan@example.com', subject: 'E-Bank' });
    widgets.submit();
    expect(sorted(widgets.received())).toEqual(sorted(expectedParticipant));
    expect(widgets.calls().map((call) => `${call.name} ${call.effect}`)).toEqual(['WebChat.open resolved']);
  });

  it('applyGenesysContext with channel widgets translates and opens, keeping the translation warnings', async () => {
    widgets = installGenesysWidgetsStandIn(window);
    setTimeout(() => widgets?.load(), 20);
    const result = await applyGenesysContext({ ...widgetsContext, attributes: { seats: 3 } }, { channel: 'widgets', timeoutMs: 1_000, intervalMs: 5 });
    expect(result).toMatchObject({ ok: true, value: { channel: 'widgets' }, diagnostics: [{ code: 'value_coerced', path: ['attributes', 'seats'] }] });
    widgets.submit();
    expect(widgets.received()?.['context.seats']).toBe('3');
  });

  it('resolves with vendor_error when WebChat.open fails, and with timeout when there is no CXBus', async () => {
    widgets = installGenesysWidgetsStandIn(window, { rejectOpen: true });
    widgets.load();
    const payload = { channel: 'widgets', form: { firstname: 'Juan' }, userData: {} } as const;
    expect(await applyGenesysWidgetsPayload(payload, { timeoutMs: 200, intervalMs: 5 })).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'vendor_error', message: expect.stringContaining('WebChat.open') }],
    });
    widgets.uninstall();
    expect(await applyGenesysWidgetsPayload(payload, { timeoutMs: 30, intervalMs: 5 })).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'timeout', message: expect.stringContaining('CXBus') }],
    });
  });

  it('refuses a payload from the network that asks for another command or a prototype key, touching nothing', async () => {
    widgets = installGenesysWidgetsStandIn(window);
    widgets.load();
    const evil = JSON.parse('{"channel":"widgets","form":{},"userData":{"__proto__":"x"}}');
    expect(await applyGenesysWidgetsPayload(evil, { timeoutMs: 50 })).toMatchObject({ ok: false, diagnostics: [{ code: 'forbidden_key' }] });
    expect(widgets.calls()).toEqual([]);
  });
});

