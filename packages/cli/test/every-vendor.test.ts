import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseVisitorContext, unwrap, type Result, type VisitorContext } from '@visitor-context/core';
import { describe, expect, it } from 'vitest';
import { adapterPackages } from '../src/adapter-registry.js';
import { parseOptionAssignments } from '../src/option-assignments.js';
import { runInProcess } from './run-in-process.js';

const contextFile = fileURLToPath(new URL('fixtures/context.json', import.meta.url));
const context = unwrap(parseVisitorContext(JSON.parse(readFileSync(contextFile, 'utf8'))));

/** The table's export names must match what each adapter package really exports, for every vendor. */
describe.concurrent.each(adapterPackages.map((entry) => [entry.id, entry] as const))('vendor %s through the command (in process)', (_id, entry) => {
  it('converts a canonical context exactly as the adapter does', async () => {
    const module = (await import(entry.packageName)) as Record<string, { toVendor(context: VisitorContext): Result<unknown> }>;
    const adapter = module[entry.adapterExport];
    if (adapter === undefined) throw new Error(`${entry.packageName} does not export ${entry.adapterExport}`);
    const expected = adapter.toVendor(context);
    const outcome = await runInProcess(['convert', '--from', 'canonical', '--to', entry.id, contextFile]);
    expect(outcome.status).toBe(expected.ok ? 0 : 1);
    if (expected.ok) expect(JSON.parse(outcome.stdout)).toEqual(expected.value);
  });

  it('renders the snippet of the documented example exactly as the adapter does', async () => {
    const module = (await import(entry.packageName)) as Record<string, (context: VisitorContext, options: unknown) => Result<string>>;
    const render = module[entry.snippetExport];
    if (render === undefined) throw new Error(`${entry.packageName} does not export ${entry.snippetExport}`);
    const exampleArgs = entry.snippetExample.split(' ');
    const assignments = exampleArgs.filter((_argument, index) => index % 2 === 1);
    const expected = unwrap(render(context, parseOptionAssignments(assignments, '--option')));
    const outcome = await runInProcess(['snippet', '--vendor', entry.id, ...exampleArgs, contextFile]);
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toBe(`${expected}\n`);
  });
});
