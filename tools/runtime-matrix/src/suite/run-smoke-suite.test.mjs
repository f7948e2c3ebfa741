// The suite must be able to fail: a throwing adapter, a polluting one, a renderer that writes hostile text
// unencoded and an entry that does not import all become problems, while a well-behaved adapter does not.
import { afterEach, describe, expect, it } from 'vitest';
import { runSmokeSuite } from './run-smoke-suite.mjs';

const plan = { coreEntry: undefined, fixtures: { '@fake/vendor': [{ file: 'payload.json', value: { name: 'Ada' } }] }, fixtureContexts: {}, snippetOptions: {}, signing: {} };
const ok = (value) => ({ ok: true, value, diagnostics: [] });

function adapter(overrides) {
  return { vendor: 'fake', specVersion: 'v1', capabilities: {}, toVendor: () => ok({}), fromVendor: () => ok({}), ...overrides };
}

function problemsById(results) {
  return Object.fromEntries(results.checks.filter((check) => check.problems.length > 0).map((check) => [check.id, check.problems.join('; ')]));
}

afterEach(() => {
  delete Object.prototype.polluted;
});

describe('runSmokeSuite', () => {
  it('finds no problem in a well-behaved adapter, and runs it on fixtures, round trip, contexts and hostile input', async () => {
    const results = await runSmokeSuite(plan, { '@fake/vendor': async () => ({ fakeAdapter: adapter() }) });
    expect(problemsById(results)).toEqual({});
    const ids = results.checks.map((check) => check.id);
    expect(ids).toContain('import @fake/vendor');
    expect(ids).toContain('fakeAdapter fromVendor payload.json');
    expect(ids).toContain('fakeAdapter fromVendor text payload.json');
    expect(ids).toContain('fakeAdapter round trip payload.json');
    expect(ids).toContain('fakeAdapter toVendor every-section');
    expect(ids).toContain('fakeAdapter fromVendor hostile proto-key-text');
  });

  it('reports a throw, a non-Result and prototype pollution', async () => {
    const results = await runSmokeSuite(plan, {
      '@fake/vendor': async () => ({
        fakeAdapter: adapter({
          toVendor: () => {
            throw new Error('boom');
          },
          fromVendor: (input) => {
            if (input === 42) return 'not a result';
            if (typeof input === 'string' && input.includes('__proto__')) Object.prototype.polluted = 'yes';
            return ok({});
          },
        }),
      }),
    });
    const problems = problemsById(results);
    expect(problems['fakeAdapter toVendor every-section']).toContain('threw Error: boom');
    expect(problems['fakeAdapter fromVendor hostile wrong-type-number']).toContain('did not return a Result');
    expect(problems['fakeAdapter fromVendor hostile proto-key-text']).toContain('Object.prototype was polluted');
  });

  it('reports an entry that fails to import, and renderers that fail or write hostile text unencoded', async () => {
    const results = await runSmokeSuite(plan, {
      '@fake/broken': async () => {
        throw new Error('Cannot find module node:fs');
      },
      '@fake/vendor': async () => ({
        renderFakeSnippet: (context) => ok(`<script>${JSON.stringify(context)}</script>`),
        renderFailingSnippet: (context) => ({ ok: false, diagnostics: [{ code: 'invalid_option', severity: 'error', path: [], message: 'siteId is required' }] }),
      }),
    });
    const problems = problemsById(results);
    expect(problems['import @fake/broken']).toContain('Cannot find module node:fs');
    expect(problems['renderFakeSnippet hostile-text']).toContain('rendered "<script>alert(1)" unencoded');
    expect(problems['renderFailingSnippet every-section']).toContain('failed: invalid_option siteId is required');
  });
});
