// Core's own entry: context parsing, safe JSON decoding and the encoders, on ordinary and hostile input.
import { hostileContexts, hostileInputs, prototypePolluted } from './hostile-inputs.mjs';
import { recordOutcome } from './record-outcome.mjs';

const hostileStrings = ['</script><script>alert(1)</script>', '<!--<script>', '\u2028\u2029', '"\'&<>`${x}', 'a\u0000b', '日本語 🚀', '\ud800'];

export async function checkCore(suite, modules) {
  const specifier = suite.plan.coreEntry;
  const core = modules[specifier];
  if (core === undefined) return;
  const add = async (id, call, expect = {}) => {
    const outcome = await recordOutcome(call);
    suite.add({ id: `core ${id}`, entry: specifier, subject: id.split(' ')[0], outcome, problems: problemsOf(outcome, expect) });
  };
  for (const [name, context] of Object.entries(suite.contexts)) {
    await add(`parseVisitorContext ${name}`, () => core.parseVisitorContext(context), { ok: true });
  }
  for (const [name, context] of Object.entries(hostileContexts())) {
    await add(`parseVisitorContext hostile ${name}`, () => core.parseVisitorContext(context), { result: true });
  }
  for (const [name, input] of Object.entries(hostileInputs())) {
    await add(`parseVisitorContext hostile ${name}`, () => core.parseVisitorContext(input), { result: true });
    if (typeof input === 'string') await add(`parseJson hostile ${name}`, () => core.parseJson(input), { result: true });
    else await add(`checkJsonValue hostile ${name}`, () => core.checkJsonValue(input), { result: true });
  }
  for (const [index, text] of hostileStrings.entries()) {
    await add(`escapeHtml #${index}`, () => core.escapeHtml(text));
    await add(`toScriptJson #${index}`, () => core.toScriptJson({ text }));
    await add(`encodeBase64Text round trip #${index}`, () => {
      const encoded = core.encodeBase64Text(text);
      return { encoded, decoded: core.decodeBase64Text(encoded) };
    });
  }
}

/**
 * The properties every runtime must show on its own: no throw, no prototype pollution, a Result where one
 * is expected, success where success is expected.
 */
export function problemsOf(outcome, expect = {}) {
  const problems = [];
  if (outcome.threw !== undefined) problems.push(`threw ${outcome.threw}`);
  if (prototypePolluted()) problems.push('Object.prototype was polluted');
  const result = outcome.returned;
  const isResult = result !== null && typeof result === 'object' && typeof result.ok === 'boolean' && Array.isArray(result.diagnostics);
  if ((expect.result || expect.ok) && outcome.threw === undefined && !isResult) problems.push('did not return a Result');
  if (expect.ok && isResult && !result.ok) {
    problems.push(`failed: ${result.diagnostics.map((item) => `${item.code} ${item.message}`).join('; ')}`);
  }
  if (expect.result && isResult && !result.ok && !result.diagnostics.some((item) => item.severity === 'error')) {
    problems.push('failed without an error diagnostic');
  }
  return problems;
}
