import { readFileSync, readdirSync } from 'node:fs';
import type { VisitorContext } from '@visitor-context/core';
import { visitorContextArbitrary } from '@visitor-context/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translateWxccContext } from './browser.js';
import { createWxccAdapter, wxccAdapter, type WxccFieldMap } from './index.js';

const fixtureDirectory = new URL('./__fixtures__/', import.meta.url);
const fixtures = readdirSync(fixtureDirectory).filter((name) => name.endsWith('.json')).sort();
const readFixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, fixtureDirectory), 'utf8'));

const adminFields: WxccFieldMap = {
  'visitor.name': 'Customer Name',
  'visitor.email': 'E-mail',
  'visitor.id': 'id',
  'page.url': 'Page',
  'attributes.plan': 'Plan',
  'attributes.*': 'attr *',
};
const maps: [label: string, fields: WxccFieldMap | undefined][] = [
  ['the default field map', undefined],
  ['an admin field map', adminFields],
];
const adapterFor = (fields: WxccFieldMap | undefined) => (fields === undefined ? wxccAdapter : createWxccAdapter({ fields }));
const translateOptions = (fields: WxccFieldMap | undefined, strict: boolean) => (fields === undefined ? { strict } : { fields, strict });

describe('translateWxccContext gives what toVendor gives, without zod', () => {
  it.each(maps)('for every valid context, with %s (property)', (_label, fields) => {
    const adapter = adapterFor(fields);
    fc.assert(
      fc.property(visitorContextArbitrary(), fc.boolean(), (context, strict) => {
        expect(translateWxccContext(context, translateOptions(fields, strict))).toEqual(adapter.toVendor(context, { strict }));
      }),
      { numRuns: 500, seed: 20261123 },
    );
  });

  it.each(maps)('for the contexts read from every fixture, vendor.wxcc bags included, with %s', (_label, fields) => {
    const adapter = adapterFor(fields);
    let compared = 0;
    for (const name of fixtures) {
      const inbound = adapter.fromVendor(readFixture(name));
      if (!inbound.ok) continue;
      compared += 1;
      for (const strict of [false, true]) {
        expect(translateWxccContext(inbound.value, translateOptions(fields, strict)), name).toEqual(adapter.toVendor(inbound.value, { strict }));
      }
    }
    expect(compared).toBeGreaterThanOrEqual(5);
  });

  it('reports another adapter\'s vendor bag and a lost field the same way', () => {
    const context: VisitorContext = {
      visitor: { name: 'Ada', company: 'Engines' },
      attributes: { plan: 'pro' },
      vendor: { genesys: { queue: 'sales' }, wxcc: { customChatFields: { Tier: 'gold' }, extras: { browserfingerprint: 'abc' } } },
    };
    const translated = translateWxccContext(context);
    expect(translated).toEqual(wxccAdapter.toVendor(context));
    expect(translated).toMatchObject({
      ok: true,
      value: { custom_chat_fields: { name: 'Ada', plan: 'pro', Tier: 'gold' } },
      diagnostics: [
        { code: 'field_dropped', path: ['vendor', 'genesys'] },
        { code: 'field_dropped', path: ['visitor', 'company'] },
        { code: 'field_dropped', path: ['vendor', 'wxcc', 'extras'] },
      ],
    });
  });
});

describe('translateWxccContext checks what it can without a schema', () => {
  it('refuses the field maps createWxccAdapter refuses, with the same reasons, as invalid_option errors', () => {
    const invalid: [WxccFieldMap, string][] = [
      [{ 'visitor.nickname': 'nick' }, 'must be a canonical field'],
      [{ 'visitor.name': '' }, 'custom chat field name of 1 to 200 characters'],
      [{ 'visitor.name': 'x'.repeat(201) }, 'custom chat field name of 1 to 200 characters'],
      [{ 'visitor.name': 'line\nbreak' }, 'must not contain control characters'],
      [{ 'attributes.*': 'no wildcard' }, 'exactly one *'],
      [{ 'attributes.*': '**' }, 'exactly one *'],
      [{ 'visitor.name': 'name', 'visitor.email': 'name' }, 'share one custom chat field'],
      [{ 'visitor.name': 42 } as never, 'as text'],
    ];
    for (const [fields, reason] of invalid) {
      expect(() => createWxccAdapter({ fields }), reason).toThrow(reason);
      const translated = translateWxccContext({ visitor: { name: 'Ada' } }, { fields });
      expect(translated.ok, reason).toBe(false);
      expect(translated.diagnostics.filter((diagnostic) => diagnostic.code === 'invalid_option').map((diagnostic) => diagnostic.message).join('\n')).toContain(reason);
    }
    expect(translateWxccContext({ visitor: { name: 'Ada' } }, { fields: { 'visitor.nickname': 'nick' } }).diagnostics).toEqual([
      {
        code: 'invalid_option',
        severity: 'error',
        path: ['fields', 'visitor.nickname'],
        message: 'Invalid option fields["visitor.nickname"]: must be a canonical field such as visitor.name, attributes.plan or attributes.*.',
      },
    ]);
    expect(translateWxccContext({}, { fields: null as never })).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_option', path: ['fields'] }] });
    // zod's record leaves an own "__proto__" key out of what `.` sees; without zod it is refused outright.
    expect(translateWxccContext({}, { fields: JSON.parse('{"__proto__":"x"}') as WxccFieldMap })).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'invalid_option', path: ['fields', '__proto__'] }],
    });
  });

  it('refuses contexts that are not plain data, and never calls a getter', () => {
    let called = false;
    const withGetter = {
      visitor: {
        get name() {
          called = true;
          return 'Ada';
        },
      },
    };
    expect(translateWxccContext(withGetter as never)).toMatchObject({ ok: false });
    expect(called).toBe(false);
    expect(translateWxccContext(JSON.parse('{"attributes":{"__proto__":{"polluted":true}}}') as VisitorContext)).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'forbidden_key' }],
    });
    expect(translateWxccContext('not a context' as never)).toMatchObject({ ok: false, diagnostics: [{ code: 'not_an_object' }] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('leaves the shape to the schema by design: a malformed email is translated, toVendor refuses it', () => {
    const context = { visitor: { email: 'not an email' } };
    expect(wxccAdapter.toVendor(context)).toMatchObject({ ok: false });
    expect(translateWxccContext(context)).toEqual({ ok: true, value: { custom_chat_fields: { email: 'not an email' } }, diagnostics: [] });
  });
});
