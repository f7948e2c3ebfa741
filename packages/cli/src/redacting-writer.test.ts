import { describe, expect, it } from 'vitest';
import { redactingWriter, redactSecrets } from './redacting-writer.js';

describe('redactSecrets', () => {
  it('replaces every occurrence, as written and as JSON escapes it, longest secret first', () => {
    const secret = 'pa"ss\\word-123';
    const text = `a ${secret} b ${JSON.stringify({ echoed: secret })}`;
    expect(redactSecrets(text, [secret])).toBe('a [redacted] b {"echoed":"[redacted]"}');
    expect(redactSecrets('token-abcdef-long', ['token-abcdef', 'token-abcdef-long'])).toBe('[redacted]');
  });

  it('leaves values too short to be secrets alone, so the output stays readable', () => {
    expect(redactSecrets('a b c', ['a'])).toBe('a b c');
  });

  it('redacts every write of a wrapped stream', () => {
    let written = '';
    const writer = redactingWriter({ write: (text: string) => (written += text) }, ['hunter2-secret']);
    writer.write('error x: the vendor said "hunter2-secret is wrong"\n');
    expect(written).toBe('error x: the vendor said "[redacted] is wrong"\n');
  });
});
