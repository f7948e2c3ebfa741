import { mkdir, writeFile } from 'node:fs/promises';
import vm from 'node:vm';
import { version as esbuildVersion } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { adapterIds, adapterProofs, type AdapterId } from './adapter-proofs.js';
import { bytesByPackage, measureBundle, type BundleMeasure } from './measure-bundle.js';
import { typicalContext } from './sample-contexts.js';

/**
 * Bundle budgets: what a page ships per adapter, bundled, minified and gzipped (level 9) by esbuild.
 * - apply: the `./browser` runtime applying a payload translated on the server;
 * - translate + validate + apply: the page translates and checks the context itself, with the functions the
 *   adapter offers for that (see `translateAndApplyPage` in adapter-proofs.ts). The table says whether that
 *   path runs core's zod/mini schema or only core's zod-free plain-data checks (`createContextTranslator`).
 * 1 KB = 1,024 bytes.
 */
const budgets = { apply: 1.5 * 1024, translateAndApply: 8 * 1024 } as const;
type BudgetName = keyof typeof budgets;

const measured = new Map<AdapterId, Partial<Record<BudgetName, BundleMeasure>>>();

/** The page code for the apply budget: the payload comes from the server, so it is a parameter, not code. */
function applyPayloadPage(id: AdapterId): string {
  const { applyPayload } = adapterProofs[id];
  return `import { ${applyPayload} } from '@visitor-context/${id}/browser';\nexport const applyTranslatedPayload = (payload: never) => ${applyPayload}(payload);\n`;
}

const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`;

/** What pulls the size, for a failure message: bytes by package, then the largest files. */
function explain(measure: BundleMeasure): string {
  const packages = bytesByPackage(measure.inputs).map((item) => `  ${item.name}: ${item.bytes} B minified`);
  const files = measure.inputs.slice(0, 12).map((item) => `  ${item.source}: ${item.bytes} B minified`);
  return `by package:\n${packages.join('\n')}\nlargest inputs:\n${files.join('\n')}`;
}

function record(id: AdapterId, budget: BudgetName, measure: BundleMeasure): void {
  measured.set(id, { ...measured.get(id), [budget]: measure });
}

/** Whether a bundle carries zod, i.e. runs core's schema rather than only its plain-data checks. */
const hasSchema = (measure: BundleMeasure): boolean => measure.inputs.some((input) => input.source.startsWith('zod/'));

/** The budgets table, as markdown. */
function budgetsTable(): string {
  const cell = (measure: BundleMeasure | undefined, budget: BudgetName): string => {
    if (measure === undefined) return 'not measured';
    const verdict = measure.gzipBytes <= budgets[budget] ? 'ok' : '**over budget**';
    const validation = budget === 'translateAndApply' ? (hasSchema(measure) ? ', zod/mini schema' : ', plain-data checks, no zod') : '';
    return `${kilobytes(measure.gzipBytes)} (${kilobytes(measure.minifiedBytes)} min${validation}) ${verdict}`;
  };
  const lines = [
    `| adapter | apply a translated payload (budget ${kilobytes(budgets.apply)}) | translate + validate + apply (budget ${kilobytes(budgets.translateAndApply)}) |`,
    '| --- | --- | --- |',
    ...adapterIds.map((id) => `| ${id} | ${cell(measured.get(id)?.apply, 'apply')} | ${cell(measured.get(id)?.translateAndApply, 'translateAndApply')} |`),
  ];
  return `${lines.join('\n')}\n\nminified + gzip -9, esbuild ${esbuildVersion} (bundle, minify, browser, es2022); 1 KB = 1,024 bytes.\n`;
}

afterAll(async () => {
  const table = budgetsTable();
  console.log(`\nBundle budgets\n\n${table}`);
  await mkdir(new URL('../test-results/', import.meta.url), { recursive: true });
  await writeFile(new URL('../test-results/bundle-budgets.md', import.meta.url), table);
});

describe.each(adapterIds.map((id) => [id]))('@visitor-context/%s in the browser', (id: AdapterId) => {
  it(`applies a translated payload in at most ${kilobytes(budgets.apply)} gzipped`, async () => {
    const measure = await measureBundle(applyPayloadPage(id));
    record(id, 'apply', measure);
    expect(measure.inputs.map((input) => input.source)).toContainEqual(expect.stringMatching(new RegExp(`^@visitor-context/${id}/`)));
    expect(measure.gzipBytes, `${id} apply bundle is ${measure.gzipBytes} B gzipped\n${explain(measure)}`).toBeLessThanOrEqual(budgets.apply);
  });

  it(`translates, validates and applies in at most ${kilobytes(budgets.translateAndApply)} gzipped`, async () => {
    const measure = await measureBundle(adapterProofs[id].translateAndApplyPage);
    record(id, 'translateAndApply', measure);
    expect(measure.inputs.map((input) => input.source), "core's checks are bundled").toContain('@visitor-context/core/dist/index.js');
    expect(measure.gzipBytes, `${id} translate + validate + apply bundle is ${measure.gzipBytes} B gzipped\n${explain(measure)}`).toBeLessThanOrEqual(
      budgets.translateAndApply,
    );
  });

  it('translates and validates with code generation from strings disabled, as under a strict CSP', async () => {
    const { instance } = adapterProofs[id];
    const { code } = await measureBundle(
      `import { ${instance} } from '@visitor-context/${id}';\nexport const translate = (context: never) => ${instance}.toVendor(context);\n`,
      { format: 'iife', globalName: 'proof' },
    );
    // A CSP without 'unsafe-eval' forbids eval and new Function; a vm context with strings: false does the same.
    const page = vm.createContext({ TextEncoder, TextDecoder, structuredClone, URL }, { codeGeneration: { strings: false, wasm: false } });
    expect(() => vm.runInContext('new Function("return 1")', page)).toThrow(/Code generation from strings disallowed/);
    vm.runInContext(code, page);
    const translate = (context: unknown): unknown => {
      page['input'] = JSON.stringify(context);
      return JSON.parse(vm.runInContext('JSON.stringify(proof.translate(JSON.parse(input)))', page) as string);
    };
    const workspace = ((await import(`@visitor-context/${id}`)) as Record<string, { toVendor(context: unknown): unknown }>)[instance];
    expect(translate(typicalContext)).toEqual(JSON.parse(JSON.stringify(workspace?.toVendor(typicalContext))));
    expect(translate({ visitor: { email: 'not an email' } })).toMatchObject({
      ok: false,
      diagnostics: [expect.objectContaining({ severity: 'error', path: ['visitor', 'email'] })],
    });
  });
});
