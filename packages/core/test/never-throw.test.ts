import { describe, expect, it } from 'vitest';
import { VisitorContextError, describeError, neverReject, neverThrow, type Result } from '../src/index.js';

const contextError = new VisitorContextError([{ code: 'weak_key', severity: 'error', path: ['key'], message: 'The key is too short.' }]);

describe('neverThrow', () => {
  it('keeps the diagnostics of a thrown VisitorContextError instead of calling it unreadable input', () => {
    const guarded = neverThrow('sign', (): Result<string> => {
      throw contextError;
    });
    expect(guarded()).toEqual({ ok: false, diagnostics: contextError.diagnostics });
  });

  it('uses the code it is given for other throws', () => {
    const guarded = neverThrow('render', (options: { a: number }): Result<number> => ({ ok: true, value: options.a, diagnostics: [] }), { code: 'invalid_option' });
    expect(guarded(null as never)).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_option', severity: 'error', path: [] }] });
  });

  it('treats a VisitorContextError without an error diagnostic as any other throw (a failure needs an error)', () => {
    const onlyWarning = new VisitorContextError([{ code: 'field_dropped', severity: 'warning', path: [], message: 'dropped' }]);
    const guarded = neverThrow('x', (): Result<string> => {
      throw onlyWarning;
    });
    expect(guarded().diagnostics.map((item) => [item.code, item.severity])).toEqual([['not_plain_data', 'error']]);
  });
});

describe('neverReject', () => {
  const read = async (options: { strict?: boolean }, extra?: unknown): Promise<Result<boolean>> => {
    void extra;
    return { ok: true, value: options.strict === true, diagnostics: [] };
  };

  it('passes results through and keeps the arity', async () => {
    const guarded = neverReject('read', read);
    expect(guarded.length).toBe(read.length);
    expect(await guarded({ strict: true })).toEqual({ ok: true, value: true, diagnostics: [] });
  });

  it('turns a rejection into a not_plain_data failure that names the function and the error', async () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    const result = await neverReject('read', read)(hostile);
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'not_plain_data', path: [] }] });
    expect(result.diagnostics[0]?.message).toContain('read could not read its input (trap)');
  });

  it('turns a synchronous throw of a non-async function into a failure, never a rejection', async () => {
    const throwsAtOnce = (): Promise<Result<number>> => {
      throw new TypeError('boom');
    };
    await expect(neverReject('now', throwsAtOnce, { code: 'invalid_option' })()).resolves.toMatchObject({ ok: false, diagnostics: [{ code: 'invalid_option' }] });
  });

  it('keeps a rejected VisitorContextError diagnostics', async () => {
    const guarded = neverReject('sign', async (): Promise<Result<string>> => {
      throw contextError;
    });
    expect(await guarded()).toEqual({ ok: false, diagnostics: contextError.diagnostics });
  });
});

describe('describeError', () => {
  it('reads an error message, names other thrown values by type, and survives a hostile message', () => {
    expect(describeError(new Error('bad'))).toBe('bad');
    expect(describeError('secret-token-value')).toBe('string');
    const hostile = new Error('x');
    Object.defineProperty(hostile, 'message', {
      get() {
        throw new Error('no');
      },
    });
    expect(describeError(hostile)).toBe('an unreadable error');
  });
});
