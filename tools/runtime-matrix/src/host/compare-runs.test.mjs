import { signGiosgVisitorData } from '@visitor-context/giosg/server';
import { describe, expect, it } from 'vitest';
import { applyKnownDifferences } from './apply-known-differences.mjs';
import { compareRun, decideReference, normalizeOutcome } from './compare-runs.mjs';

const signing = { key: 'runtime-matrix-test-signing-key-0123456789abcdef', now: '2026-01-15T12:00:00.000Z' };
const result = (diagnostics, value) => ({ returned: { ok: value !== undefined, ...(value === undefined ? {} : { value }), diagnostics } });
const check = (id, outcome, extra = {}) => ({ id, entry: '@fake/vendor', subject: 'fake', outcome, problems: [], ...extra });
const statuses = (decided) => Object.fromEntries(decided.map(({ id, status }) => [id, status]));

describe('compareRun', () => {
  it('passes equal outcomes and fails different, missing and extra ones', async () => {
    const reference = { checks: [check('same', result([], { a: 1 })), check('different', result([], { a: 1 })), check('missing', result([], {}))] };
    const run = { checks: [check('same', result([], { a: 1 })), check('different', result([], { a: 2 })), check('extra', result([], {}))] };
    const decided = await compareRun(reference, run, signing);
    expect(statuses(decided)).toEqual({ same: 'passed', different: 'failed', missing: 'failed', extra: 'failed' });
    expect(decided.find(({ id }) => id === 'different').message).toMatch(/differs from the Node reference/);
  });

  it('fails a check whose run found a problem, even when the outcome is equal', async () => {
    const reference = { checks: [check('x', result([], {}))] };
    const decided = await compareRun(reference, { checks: [check('x', result([], {}), { problems: ['threw Error: boom'] })] }, signing);
    expect(decided).toMatchObject([{ status: 'failed', message: 'threw Error: boom' }]);
  });

  it('compares engine-quoted error text as a placeholder, but nothing else of the diagnostic', () => {
    const v8 = { code: 'invalid_json', severity: 'error', path: [], message: 'The text is not valid JSON (Unexpected end of JSON input). Send …' };
    const jsc = { ...v8, message: 'The text is not valid JSON (JSON Parse error: Unexpected EOF). Send …' };
    expect(normalizeOutcome(result([v8]))).toBe(normalizeOutcome(result([jsc])));
    expect(normalizeOutcome(result([v8]))).not.toBe(normalizeOutcome(result([{ ...jsc, path: ['x'] }])));
    const other = { ...v8, code: 'too_large' };
    expect(normalizeOutcome(result([other]))).not.toBe(normalizeOutcome(result([{ ...other, message: 'The text is not valid JSON (other). Send …' }])));
  });

  it('accepts only the documented failure in place of the reference outcome', async () => {
    const documented = { codes: ['unsupported_runtime'], note: 'no MD5' };
    const reference = { checks: [check('md5', result([], { checksum: 'abc' }), { documented })] };
    const unsupported = result([{ code: 'unsupported_runtime', severity: 'error', path: [], message: 'MD5 needs Node' }]);
    const otherFailure = result([{ code: 'signing_failed', severity: 'error', path: [], message: 'x' }]);
    expect(await compareRun(reference, { checks: [check('md5', unsupported)] }, signing)).toMatchObject([{ status: 'documented', message: 'no MD5' }]);
    expect(await compareRun(reference, { checks: [check('md5', otherFailure)] }, signing)).toMatchObject([{ status: 'failed' }]);
  });

  it("verifies a runtime's signed token with Node, and fails one Node cannot verify", async () => {
    const signed = await signGiosgVisitorData({ visitor: { name: 'Ada' } }, { key: signing.key, now: new Date(signing.now) });
    const reference = { checks: [check('token', { returned: null }, { artifact: 'reference-token' })] };
    const good = await compareRun(reference, { checks: [check('token', { returned: null }, { artifact: signed.value.visitorData })] }, signing);
    const forged = await compareRun(reference, { checks: [check('token', { returned: null }, { artifact: `${signed.value.visitorData}x` })] }, signing);
    expect(good).toMatchObject([{ status: 'passed' }]);
    expect(forged).toMatchObject([{ status: 'failed' }]);
  });

  it("decides the reference's own checks by its problems", () => {
    expect(decideReference({ checks: [check('a', {}), check('b', {}, { problems: ['threw'] })] }).map(({ status }) => status)).toEqual(['passed', 'failed']);
  });
});

describe('applyKnownDifferences', () => {
  it('marks a covered difference as known and fails a rule that no longer matches', () => {
    const differing = { id: 'renderWxccSnippet empty', entry: '@visitor-context/wxcc', status: 'failed', differs: true, message: 'differs' };
    const bun = applyKnownDifferences('bun', [differing]);
    expect(bun).toMatchObject([{ id: 'renderWxccSnippet empty', status: 'known' }]);
    const fixed = applyKnownDifferences('bun', [{ ...differing, status: 'passed', differs: undefined }]);
    expect(fixed.map(({ status }) => status)).toEqual(['passed', 'failed']);
    expect(fixed[1].message).toMatch(/remove bun from this rule/);
  });

  it('never turns a problem (a throw) into a known difference', () => {
    const threw = { id: 'renderWxccSnippet empty', entry: '@visitor-context/wxcc', status: 'failed', message: 'threw' };
    expect(applyKnownDifferences('bun', [threw])[0].status).toBe('failed');
  });
});
