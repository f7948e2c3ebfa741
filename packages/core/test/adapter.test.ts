import * as z from 'zod/mini';
import { describe, expect, it, vi } from 'vitest';
import {
  Diagnostics,
  createContextTranslator,
  defineAdapter,
  neverThrow,
  renderCapabilitiesMarkdown,
  reportUnrecognizedPayload,
  writeContextField,
  type MutableVisitorContext,
} from '../src/index.js';

const capabilities = {
  directions: ['toVendor', 'fromVendor'] as const,
  fields: [{ canonical: 'visitor.name', vendorName: 'user_name' }, { canonical: 'attributes.*', vendorName: '<key>', valueType: 'string' as const }],
  limits: { maxValueLength: 10 },
  notes: ['Unknown keys are silently ignored by the vendor.'],
};

const ExampleOptions = z.strictObject({ strict: z.optional(z.boolean()), prefix: z.optional(z.string()) });

const adapter = defineAdapter<Record<string, string>, z.infer<typeof ExampleOptions>>({
  vendor: 'example',
  capabilities,
  toVendorOptions: ExampleOptions,
  toVendor(context, options, diagnostics) {
    const payload: Record<string, string> = {};
    if (context.visitor?.name !== undefined) payload['user_name'] = context.visitor.name;
    if (context.visitor?.email !== undefined) diagnostics.warning('field_dropped', ['visitor', 'email'], 'visitor.email has no place here.');
    for (const [key, value] of Object.entries(context.attributes ?? {})) payload[`${options.prefix ?? ''}${key}`] = String(value);
    if (context.attributes?.['explode'] !== undefined) throw new Error('boom');
    return payload;
  },
  fromVendor(payload, _options, diagnostics) {
    const context: MutableVisitorContext = {};
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      diagnostics.error('invalid_type', [], 'Expected an object.');
      return context;
    }
    for (const [key, value] of Object.entries(payload)) {
      if (key === 'user_name' && typeof value === 'string') writeContextField(context, 'visitor.name', value);
      else if (key === 'user_email' && typeof value === 'string') writeContextField(context, 'visitor.email', value);
      else if (typeof value === 'string') writeContextField(context, `attributes.${key}`, value);
    }
    return context;
  },
});

describe('defineAdapter', () => {
  it('validates the context before translating', () => {
    const result = adapter.toVendor({ visitor: { email: 'nope' } });
    expect(result).toEqual({ ok: false, diagnostics: [expect.objectContaining({ code: 'invalid_email' })] });
  });

  it('translates and carries warnings; strict turns them into errors', () => {
    const context = { visitor: { name: 'Ada', email: 'ada@example.com' }, attributes: { plan: 'pro' } };
    expect(adapter.toVendor(context)).toEqual({
      ok: true,
      value: { user_name: 'Ada', plan: 'pro' },
      diagnostics: [expect.objectContaining({ code: 'field_dropped', severity: 'warning', path: ['visitor', 'email'] })],
    });
    expect(adapter.toVendor(context, { strict: true })).toEqual({
      ok: false,
      diagnostics: [expect.objectContaining({ code: 'field_dropped', severity: 'error', message: expect.stringMatching(/strict/) })],
    });
  });

  it("reports another adapter's vendor bag as dropped, and keeps its own silent", () => {
    const result = adapter.toVendor({ visitor: { name: 'Ada' }, vendor: { example: { a: 1 }, giosg: { rooms: [] } } });
    expect(result).toEqual({
      ok: true,
      value: { user_name: 'Ada' },
      diagnostics: [expect.objectContaining({ code: 'field_dropped', severity: 'warning', path: ['vendor', 'giosg'] })],
    });
  });

  it('validates options with the adapter schema', () => {
    const result = adapter.toVendor({}, { prefix: 3 } as never);
    expect(result).toEqual({ ok: false, diagnostics: [expect.objectContaining({ code: 'invalid_option', path: ['prefix'] })] });
  });

  it('turns an exception in a translation into adapter_failed instead of throwing', () => {
    const result = adapter.toVendor({ attributes: { explode: true } });
    expect(result).toEqual({ ok: false, diagnostics: [expect.objectContaining({ code: 'adapter_failed', message: expect.stringMatching(/boom/) })] });
  });

  it('accepts raw JSON text or parsed payloads inbound, with safe parsing', () => {
    expect(adapter.fromVendor('{"user_name":"Ada","plan":"pro"}')).toEqual({
      ok: true,
      value: { visitor: { name: 'Ada' }, attributes: { plan: 'pro' } },
      diagnostics: [],
    });
    expect(adapter.fromVendor({ user_name: 'Ada' })).toMatchObject({ ok: true, value: { visitor: { name: 'Ada' } } });
    expect(adapter.fromVendor('{"__proto__":{}}')).toMatchObject({ ok: false, diagnostics: [{ code: 'forbidden_key' }] });
    expect(adapter.fromVendor('[1,2]')).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_type' }] });
  });

  it('moves inbound values the model refuses into the vendor bag with a warning', () => {
    const result = adapter.fromVendor({ user_name: 'Ada', user_email: 'n/a' });
    expect(result).toEqual({
      ok: true,
      value: { visitor: { name: 'Ada' }, vendor: { example: { rejectedFields: { 'visitor.email': 'n/a' } } } },
      diagnostics: [expect.objectContaining({ code: 'field_dropped', severity: 'warning', path: ['visitor', 'email'] })],
    });
  });

  it('leaves no empty section behind when the only field of it is moved out', () => {
    expect(adapter.fromVendor({ user_email: 'n/a', plan: 'pro' })).toMatchObject({
      ok: true,
      value: { attributes: { plan: 'pro' }, vendor: { example: { rejectedFields: { 'visitor.email': 'n/a' } } } },
    });
    const result = adapter.fromVendor({ user_email: 'n/a' });
    expect(result.ok && 'visitor' in result.value).toBe(false);
  });

  it('refuses an oversize payload before the translation ever runs, as text or as an object', () => {
    const translate = vi.fn(() => ({}));
    const guarded = defineAdapter({ vendor: 'guarded', capabilities, toVendor: () => ({}), fromVendor: translate });
    const megabyte = 'x'.repeat(1024 * 1024);
    for (const input of [JSON.stringify({ note: megabyte }), `{"notes":[${'"abcdefgh",'.repeat(100_000)}"end"]}`, { note: megabyte }]) {
      const result = guarded.fromVendor(input);
      expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'too_large', path: typeof input === 'string' ? [] : ['note'] }] });
    }
    expect(translate).not.toHaveBeenCalled();
    expect(guarded.fromVendor('{"note":"small"}').ok).toBe(true);
    expect(translate).toHaveBeenCalledTimes(1);
  });

  it('validates a valid draft in place: its vendor bag is the payload value itself, not a copy', () => {
    let placed: unknown;
    const inPlace = defineAdapter({
      vendor: 'in-place',
      capabilities,
      toVendor: () => ({}),
      fromVendor(payload) {
        placed = payload;
        return { visitor: { name: 'Ada' }, vendor: { 'in-place': payload as Record<string, never> } };
      },
    });
    const result = inPlace.fromVendor('{"rooms":[{"id":"r1"}],"note":"kept"}');
    expect(result).toEqual({ ok: true, value: { visitor: { name: 'Ada' }, vendor: { 'in-place': { rooms: [{ id: 'r1' }], note: 'kept' } } }, diagnostics: [] });
    expect(result.ok && result.value.vendor?.['in-place']).toBe(placed);
  });

  it('still copies and repairs a draft that is not valid as it stands', () => {
    const shared = { a: 1 };
    const repairing = defineAdapter({
      vendor: 'repairing',
      capabilities,
      toVendor: () => ({}),
      fromVendor: () => ({ visitor: { email: 'n/a' }, vendor: { repairing: { one: shared, two: shared } } }),
    });
    const result = repairing.fromVendor('{}');
    expect(result).toEqual({
      ok: true,
      value: { vendor: { repairing: { one: { a: 1 }, two: { a: 1 }, rejectedFields: { 'visitor.email': 'n/a' } } } },
      diagnostics: [expect.objectContaining({ code: 'field_dropped', path: ['visitor', 'email'] })],
    });
    const bag = result.ok ? (result.value.vendor?.['repairing'] as Record<string, unknown>) : {};
    expect(bag['one']).not.toBe(bag['two']);
  });

  it('refuses an invalid adapter id at definition time', () => {
    expect(() => defineAdapter({ ...adapter, vendor: 'Not Valid', toVendor: () => ({}), fromVendor: () => ({}) })).toThrow(TypeError);
  });
});

describe('renderCapabilitiesMarkdown', () => {
  it('renders the mapping table, limits and notes', () => {
    expect(renderCapabilitiesMarkdown(capabilities)).toMatchInlineSnapshot(`
      "| Canonical field | Vendor field | Directions | Value | Notes |
      | --- | --- | --- | --- | --- |
      | \`visitor.name\` | \`user_name\` | to vendor, from vendor | as is |  |
      | \`attributes.*\` | \`<key>\` | to vendor, from vendor | as string |  |

      Every canonical field not listed here is reported as a \`field_dropped\` warning naming it.

      | Vendor limit | Value |
      | --- | --- |
      | maxValueLength | \`10\` |

      - Unknown keys are silently ignored by the vendor."
    `);
  });
});

describe('reportUnrecognizedPayload', () => {
  it('warns at the root with a stable code and names every shape read', () => {
    const diagnostics = new Diagnostics();
    reportUnrecognizedPayload(diagnostics, 'Example', ['a webhook event with `visitor`', 'bare visitor fields']);
    const [warning, ...rest] = diagnostics.all;
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ code: 'unrecognized_payload', severity: 'warning', path: [] });
    expect(warning?.message).toContain('a webhook event with `visitor`; bare visitor fields');
    expect(warning?.message).toContain('Example');
  });

  it('lists the payload shapes in the README table when the adapter declares them', () => {
    const markdown = renderCapabilitiesMarkdown({ ...capabilities, payloadShapes: ['a webhook event', 'bare fields'] });
    expect(markdown).toContain('`unrecognized_payload`');
    expect(markdown).toContain('- a webhook event\n- bare fields');
  });
});

describe('Diagnostics', () => {
  it('collects and escalates', () => {
    const diagnostics = new Diagnostics();
    diagnostics.warning('value_truncated', ['attributes', 'note'], 'cut');
    expect(diagnostics.hasErrors).toBe(false);
    expect(diagnostics.toResult(1)).toEqual({ ok: true, value: 1, diagnostics: diagnostics.all });
    expect(diagnostics.toResult(1, { strict: true }).ok).toBe(false);
    diagnostics.error('invalid_type', [], 'bad');
    expect(diagnostics.toResult(1)).toEqual({ ok: false, diagnostics: diagnostics.all });
  });
});

describe('createContextTranslator', () => {
  const translate = createContextTranslator<Record<string, string>, { strict?: boolean; prefix?: string }>('example', (context, options, diagnostics) => {
    if (context.visitor?.email !== undefined) diagnostics.warning('field_dropped', ['visitor', 'email'], 'visitor.email has no place here.');
    if (context.attributes?.['explode'] !== undefined) throw new Error('boom');
    return { [`${options.prefix ?? ''}name`]: context.visitor?.name ?? '' };
  });

  it('translates a plain copy, carries warnings and applies strict', () => {
    const context = { visitor: { name: 'Ada', email: 'ada@example.com' } };
    expect(translate(context, { prefix: 'user_' })).toEqual({
      ok: true,
      value: { user_name: 'Ada' },
      diagnostics: [expect.objectContaining({ code: 'field_dropped', path: ['visitor', 'email'] })],
    });
    expect(translate(context, { strict: true }).ok).toBe(false);
  });

  it('refuses non-plain data, prototype keys and oversize input without throwing', () => {
    const getter = Object.defineProperty({}, 'visitor', { enumerable: true, get: () => ({ name: 'x' }) });
    expect(translate(getter as never)).toMatchObject({ ok: false, diagnostics: [{ code: 'not_plain_data' }] });
    expect(translate(JSON.parse('{"attributes":{"__proto__":{"x":1}}}'))).toMatchObject({ ok: false, diagnostics: [{ code: 'forbidden_key' }] });
    expect(translate({ visitor: { name: 'x'.repeat(5000) } })).toMatchObject({ ok: false, diagnostics: [{ code: 'string_too_long' }] });
    expect(translate(null as never)).toMatchObject({ ok: false, diagnostics: [{ code: 'not_an_object' }] });
    expect(translate({ attributes: { explode: true } })).toMatchObject({ ok: false, diagnostics: [{ code: 'adapter_failed' }] });
  });
});

describe('entry points that never throw, on input that throws when read', () => {
  const throwing = () => {
    throw new Error('read');
  };
  const proxy = () => new Proxy({}, { get: throwing, ownKeys: throwing, getOwnPropertyDescriptor: throwing, getPrototypeOf: throwing });
  const getterOptions = () => Object.defineProperty({}, 'strict', { get: throwing, enumerable: true });
  const translate = createContextTranslator<string, { strict?: boolean }>('example', () => 'ok');

  it('answers not_plain_data instead of throwing from toVendor, fromVendor and a context translator', () => {
    const results = [
      adapter.toVendor(proxy() as never),
      adapter.toVendor({ visitor: { name: 'A' } }, getterOptions() as never),
      adapter.fromVendor(proxy()),
      adapter.fromVendor({ user_name: 'A' }, proxy() as never),
      translate(proxy() as never),
      translate({ visitor: { name: 'A' } }, getterOptions() as never),
    ];
    for (const result of results) {
      expect(result.ok).toBe(false);
      expect(result.diagnostics.some((item) => item.severity === 'error')).toBe(true);
    }
    expect(results[0]?.diagnostics.map((item) => item.code)).toEqual(['not_plain_data']);
  });
});

describe('neverThrow', () => {
  it('turns a throw into a not_plain_data failure and keeps the wrapped function arity', () => {
    const render = (context: unknown, options?: { strict?: boolean }) => {
      if (options === undefined) throw new Error('unreadable');
      return { ok: true as const, value: String(context), diagnostics: [] };
    };
    const guarded = neverThrow('render', render);
    expect(guarded.length).toBe(render.length);
    expect(guarded('x', {})).toEqual({ ok: true, value: 'x', diagnostics: [] });
    expect(guarded('x')).toMatchObject({ ok: false, diagnostics: [{ code: 'not_plain_data', path: [] }] });
    expect(guarded('x').diagnostics[0]?.message).toContain('render could not read its input (unreadable)');
  });
});
