import { readFileSync, readdirSync } from 'node:fs';
import type { VisitorContext } from '@visitor-context/core';
import { visitorContextArbitrary } from '@visitor-context/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translateGenesysContext, type GenesysToVendorOptions } from './browser.js';
import { createGenesysAdapter, genesysAdapter, type GenesysChannel } from './index.js';

const channels: readonly GenesysChannel[] = ['messenger', 'attributes', 'open-messaging', 'web-chat', 'widgets', 'guest-chat'];

const fixtureFolder = new URL('./__fixtures__/', import.meta.url);
const fixtureNames = readdirSync(fixtureFolder).filter((file) => file.endsWith('.json')).sort();

/** The context `fromVendor` reads from a fixture: with `vendor.genesys` bags (fields, rejectedFields, provenance). */
function contextFromFixture(name: string): VisitorContext {
  const result = genesysAdapter.fromVendor(readFileSync(new URL(name, fixtureFolder), 'utf8'));
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.diagnostics)}`);
  return result.value;
}

const shopper: VisitorContext = {
  visitor: { id: 'CRM-12345-XYZ', name: 'Jane van Doe', email: 'jane@example.com', phone: '+1 317 555 0100', company: 'ACME', locale: 'en-US' },
  attributes: { tier: 'Gold', seats: 12, vip: true, email: 'billing@example.com', 'page.url': 'escaped', a: '1', b: '2' },
  page: { url: 'https://shop.example/cart', title: 'Cart', referrer: 'https://search.example/' },
  device: { browser: 'Chrome 131', os: 'Windows 10', language: 'en-US' },
  location: { city: 'Indianapolis', region: 'IN', country: 'US' },
  vendor: {
    genesys: { fields: { phoneType: 'Cell', subject: 'Order', nested: { a: 1 } }, rejectedFields: { 'visitor.email': 'n/a' }, conversationId: 'c-1', other: 1 },
    imsupporting: { kept: true },
  },
};

const guestChatOptions: GenesysToVendorOptions = {
  token: 'session-token',
  text: 'Hello',
  organizationId: 'org-1',
  deploymentId: 'deployment-1',
  routingTarget: { targetType: 'QUEUE', targetAddress: 'Support' },
};

describe('translateGenesysContext gives what genesysAdapter.toVendor gives', () => {
  for (const [name, context] of [['a shopper with vendor bags', shopper] as const, ...fixtureNames.map((file) => [file, contextFromFixture(file)] as const)]) {
    for (const channel of channels) {
      it(`${name}, ${channel}`, () => {
        for (const options of [{ channel }, { channel, strict: true }, { channel, command: 'Database.update' as const, ...guestChatOptions }]) {
          expect(translateGenesysContext(context, options)).toEqual(genesysAdapter.toVendor(context, options));
        }
      });
    }
  }

  it('defaults to the messenger channel and Database.set, like the adapter', () => {
    const result = translateGenesysContext(shopper);
    expect(result).toEqual(genesysAdapter.toVendor(shopper));
    expect(result).toMatchObject({ ok: true, value: { channel: 'messenger', command: 'Database.set' } });
    // An option given as undefined falls back to the default, as it does in the adapter.
    expect(translateGenesysContext(shopper, { channel: undefined, command: undefined })).toEqual(result);
  });

  it('for any valid context, channel, command and strictness', () => {
    const optionsArbitrary = fc.record(
      {
        channel: fc.constantFrom(...channels),
        command: fc.constantFrom('Database.set' as const, 'Database.update' as const),
        strict: fc.boolean(),
        text: fc.string({ maxLength: 20 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(visitorContextArbitrary(), optionsArbitrary, (context, options) => {
        expect(translateGenesysContext(context, options)).toEqual(genesysAdapter.toVendor(context, options));
      }),
      { numRuns: 1_000 },
    );
  });

  it('matches an adapter made without options, which is the one the browser translator stands for', () => {
    expect(translateGenesysContext(shopper, { channel: 'web-chat' })).toEqual(createGenesysAdapter().toVendor(shopper, { channel: 'web-chat' }));
  });
});

describe('translateGenesysContext without zod', () => {
  it('reports an unknown channel or command as invalid_option instead of returning no payload', () => {
    const result = translateGenesysContext(shopper, { channel: 'sms', command: 'Database.remove' } as unknown as GenesysToVendorOptions);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'invalid_option').map((diagnostic) => diagnostic.path)).toEqual([
      ['channel'],
      ['command'],
    ]);
    // The adapter refuses the same options, with its schema's wording.
    const adapterResult = genesysAdapter.toVendor(shopper, { channel: 'sms', command: 'Database.remove' } as unknown as GenesysToVendorOptions);
    expect(adapterResult.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.path])).toEqual([
      ['invalid_option', ['channel']],
      ['invalid_option', ['command']],
    ]);
  });

  it('refuses contexts that are not plain data, never invoking a getter, and never throws', () => {
    let invoked = false;
    const withGetter = {
      visitor: {
        get id(): string {
          invoked = true;
          return 'read';
        },
      },
    };
    expect(translateGenesysContext(withGetter).ok).toBe(false);
    expect(invoked).toBe(false);
    expect(translateGenesysContext(JSON.parse('{"attributes":{"__proto__":{"polluted":"yes"}}}') as VisitorContext).ok).toBe(false);
    expect(translateGenesysContext(null as unknown as VisitorContext)).toMatchObject({ ok: false, diagnostics: [{ code: 'not_an_object' }] });
  });
});
