// Inbound inputs an attacker or a broken integration sends. Each one must come back as diagnostics (a failed or
// warned Result), never as a throw, and must not pollute Object.prototype. Built at run time so the plan stays small.

const deepArray = (depth) => '['.repeat(depth) + ']'.repeat(depth);

/** Raw JSON texts and values handed to `fromVendor`, `parseJson` and `parseVisitorContext`. */
export function hostileInputs() {
  return {
    'proto-key-text': '{"__proto__":{"polluted":"yes"},"visitor":{"name":"x"}}',
    'constructor-prototype-text': '{"constructor":{"prototype":{"polluted":"yes"}}}',
    'nested-proto-text': '{"attributes":{"__proto__":{"polluted":"yes"}},"a":[{"__proto__":{"polluted":"yes"}}]}',
    'proto-key-value': JSON.parse('{"__proto__":{"polluted":"yes"},"attributes":{"__proto__":"x"}}'),
    'oversize-text': `{"padding":"${'x'.repeat(300 * 1024)}"}`,
    'oversize-multibyte-text': `{"padding":"${'€'.repeat(100 * 1024)}"}`,
    'deep-nesting-text': deepArray(5000),
    'deep-nesting-value': JSON.parse(deepArray(200)),
    'bad-json-text': '{"visitor": {"name": "unterminated',
    'trailing-garbage-text': '{} {}',
    'empty-text': '',
    'bom-only-text': '\ufeff',
    'wrong-type-number': 42,
    'wrong-type-null': null,
    'wrong-type-array': [1, 'two', { three: 3 }],
    'long-string-value': { visitor: { name: 'n'.repeat(100_000) } },
    'many-keys-value': Object.fromEntries(Array.from({ length: 1000 }, (_unused, index) => [`key${index}`, index])),
  };
}

/** Contexts (not JSON) that break the canonical model's rules, handed to `toVendor` and the renderers. */
export function hostileContexts() {
  return {
    'proto-attribute': JSON.parse('{"attributes":{"__proto__":"x","ok":"y"}}'),
    'unknown-section': { visitor: { name: 'x' }, cookies: { session: 'secret' } },
    'bad-email': { visitor: { email: 'not an email' } },
    'deep-vendor-bag': { vendor: { other: { nested: JSON.parse(deepArray(100)) } } },
    'oversize-attribute': { attributes: { big: 'b'.repeat(10_000) } },
    'too-many-attributes': { attributes: Object.fromEntries(Array.from({ length: 300 }, (_unused, index) => [`a${index}`, index])) },
    'not-an-object': 'visitor',
  };
}

/** True when one of the hostile inputs managed to write onto Object.prototype. */
export function prototypePolluted() {
  return Object.prototype.polluted !== undefined || {}.polluted !== undefined;
}
