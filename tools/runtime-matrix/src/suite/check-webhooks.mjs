// Every webhook handler an entry exports (`handle…Webhook`), fed web `Request`s: each of its package's
// documented fixtures posted as JSON, and the requests a hostile or broken sender makes.
import { listExports, packageOf } from './check-entries.mjs';
import { problemsOf } from './check-core.mjs';
import { recordOutcome } from './record-outcome.mjs';

const url = 'https://hooks.example/visitor-context';

function post(body, contentType = 'application/json') {
  return new Request(url, { method: 'POST', headers: { 'content-type': contentType }, body });
}

/** Requests that must be answered with diagnostics: wrong method, wrong type, too big, not JSON, hostile JSON. */
function hostileRequests() {
  return {
    'GET request': [new Request(url, { method: 'GET' }), {}],
    'text/plain body': [post('{}', 'text/plain'), {}],
    'latin1 charset': [post('{}', 'application/json; charset=iso-8859-1'), {}],
    'no content type': [new Request(url, { method: 'POST', body: new Uint8Array([123, 125]) }), {}],
    'body over maxBodyBytes': [post(JSON.stringify({ event: 'chat.started', padding: 'x'.repeat(4096) })), { maxBodyBytes: 1024 }],
    'bad JSON': [post('{"event":')], 
    'deep nesting': [post(`${'['.repeat(3000)}${']'.repeat(3000)}`)],
    'prototype keys': [post('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}')],
    'invalid UTF-8': [new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array([123, 34, 0xff, 0xfe, 34, 125]) })],
    'empty body': [post('')],
  };
}

export async function checkWebhooks(suite, modules) {
  for (const [specifier, name, handle] of listExports(modules)) {
    if (typeof handle !== 'function' || !/^handle\w*Webhook$/.test(name)) continue;
    const add = async (id, call) => {
      const outcome = await recordOutcome(call);
      suite.add({ id: `${name} ${id}`, entry: specifier, subject: name, outcome, problems: problemsOf(outcome, { result: true }) });
    };
    for (const fixture of suite.plan.fixtures[packageOf(specifier)] ?? []) {
      const label = `${fixture.file}${fixture.name === undefined ? '' : `#${fixture.name}`}`;
      await add(`POST ${label}`, () => handle(post(JSON.stringify(fixture.value))));
    }
    for (const [label, [request, options]] of Object.entries(hostileRequests())) {
      await add(`hostile ${label}`, () => handle(request, options));
    }
  }
}
