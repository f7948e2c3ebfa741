// The Messenger runtime's own logic, against hand-written `Genesys` functions for what the testkit stand-in does
// not do (publish Database.ready again to every subscriber, throw from a getter, reject with a plain object).
// The Chromium suite proves the behaviour against the stand-in.
import { describe, expect, it } from 'vitest';
import { applyGenesysPayload, removeGenesysCustomAttributes, type GenesysCommandQueue, type GenesysGlobals } from './browser.js';

type Callback = (...args: unknown[]) => void;

/** A Messenger whose Database.ready is published to every subscriber each time anyone subscribes. */
function republishingMessenger(): { target: GenesysGlobals; commands: string[]; customAttributes(): Record<string, string> | undefined } {
  const subscribers: Callback[] = [];
  const commands: string[] = [];
  let database: { customAttributes?: Record<string, string> } = { customAttributes: {} };
  const genesys: GenesysCommandQueue = (action, name, ...rest) => {
    if (action === 'subscribe' && name === 'Database.ready') {
      subscribers.push(rest[0] as Callback);
      for (const subscriber of [...subscribers]) setTimeout(() => subscriber({ event: name }), 0);
      return;
    }
    const [options, onFulfilled] = rest as [{ messaging?: { customAttributes: Record<string, string> } }, Callback];
    commands.push(name);
    if (name === 'Database.set') database = { customAttributes: { ...database.customAttributes, ...options.messaging?.customAttributes } };
    if (name === 'Database.remove') database = {};
    setTimeout(() => onFulfilled(), 0);
  };
  return { target: { Genesys: genesys }, commands, customAttributes: () => database.customAttributes };
}

describe('removeGenesysCustomAttributes', () => {
  it('is not undone when Messenger publishes Database.ready again: each call issues its command once', async () => {
    const messenger = republishingMessenger();
    const options = { target: messenger.target, timeoutMs: 500, intervalMs: 5 };
    const login = { channel: 'messenger', command: 'Database.set', options: { messaging: { customAttributes: { email: 'ada@example.com' } } } } as const;
    expect((await applyGenesysPayload(login, options)).ok).toBe(true);
    expect((await removeGenesysCustomAttributes(options)).ok).toBe(true);
    // A later subscription publishes Database.ready to the login's and the logout's callbacks again.
    await new Promise<void>((resolve) => messenger.target.Genesys?.('subscribe', 'Database.ready', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(messenger.commands).toEqual(['Database.set', 'Database.remove']);
    expect(messenger.customAttributes()).toBeUndefined();
  });

  it('resolves with vendor_error, naming the reason, when Genesys rejects with a plain object', async () => {
    const genesys: GenesysCommandQueue = (action, _name, ...rest) => {
      if (action === 'subscribe') (rest[0] as Callback)();
      else (rest[2] as Callback)({ message: 'plugin disabled' });
    };
    const result = await removeGenesysCustomAttributes({ target: { Genesys: genesys }, timeoutMs: 100, intervalMs: 5 });
    expect(result).toEqual({
      ok: false,
      diagnostics: [{ code: 'vendor_error', severity: 'error', path: [], message: 'Genesys rejected Database.remove: plugin disabled.' }],
    });
  });

  it('never throws when reading the global throws: core waitFor counts that as "not yet", then times out', async () => {
    const target = {
      get Genesys(): GenesysCommandQueue {
        throw new Error('blocked by the page');
      },
    };
    const result = await removeGenesysCustomAttributes({ target, timeoutMs: 30, intervalMs: 5 });
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'timeout' }] });
  });

  it('resolves with timeout, naming what is missing, when there is no Genesys global', async () => {
    const result = await removeGenesysCustomAttributes({ target: {}, timeoutMs: 20, intervalMs: 5 });
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'timeout', message: expect.stringContaining('window.Genesys did not appear within 20 ms') }] });
  });
});
