// A short, runnable tour of core: validate a visitor context, see what bad input reports, and embed data
// safely in HTML. Run with `npm start` from the repository root (until the example app replaces it).
import {
  jsCall,
  parseJson,
  parseVisitorContext,
  renderInlineScript,
  formatPath,
} from '@visitor-context/core';

const step = (title) => console.log(`\n== ${title}`);
const report = (result) => {
  if (result.ok) console.log('ok:', JSON.stringify(result.value));
  for (const item of result.diagnostics) {
    console.log(`  ${item.severity} ${item.code} at ${formatPath(item.path)}: ${item.message}`);
  }
};

step('1. The logged-in customer your site already knows about');
const session = {
  visitor: { id: 'c-1001', name: 'Ada Lovelace', email: 'ada@example.com', locale: 'en-GB' },
  attributes: { plan: 'pro', seats: 12, lastOrder: 'SO-2026-0042' },
};
console.log(JSON.stringify(session, null, 2));

step('2. Validate it with parseVisitorContext (never throws, returns a Result)');
report(parseVisitorContext(session));

step('3. Bad input: every problem comes back with a stable code, a path and what to do');
report(
  parseVisitorContext({
    visitor: { email: 'not-an-email', nickname: 'ada' },
    attributes: { order: { id: 42 }, score: Number.NaN },
  }),
);

step('4. Hostile data is embedded safely in an inline script');
const hostile = parseVisitorContext({ visitor: { name: '</script><script>alert(1)</script>\u2028' } });
report(hostile);
if (hostile.ok) console.log(renderInlineScript(jsCall('window.chat.identify', hostile.value), { nonce: 'r4nd0m' }));

step('5. Inbound vendor JSON is parsed with prototype-pollution and size guards');
report(parseJson('{"visitor":{"__proto__":{"isAdmin":true}}}'));

console.log('\nDone. Adapters for each vendor build on exactly these pieces.');
