import { encodeBase64Text } from '../decode-json.js';

const redacted = '[redacted]';

/** Headers whose values are credentials, whether or not the caller listed them as secrets. */
const credentialHeader = /authorization|token|secret|api-?key|cookie|password|credential/i;

/**
 * The stretches of `base64(anything + secret + anything)` that depend only on the secret, for each of the three
 * byte alignments. A secret inside a Basic `id:secret` credential appears in the encoded header only this way.
 */
function embeddedBase64Forms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    let binary = '';
    for (const byte of padded) binary += String.fromCharCode(byte);
    const encoded = btoa(binary);
    const start = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + bytes.length)) / 6);
    const stable = encoded.slice(start, end);
    forms.push(stable, stable.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

/** Every spelling of a secret that could show up in a vendor's echo or an error message. */
function spellings(secret: string): string[] {
  const forms = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    encodeBase64Text(secret),
    encodeBase64Text(secret, 'base64url'),
    ...embeddedBase64Forms(secret),
  ];
  // Very short stretches (a 1–3 character secret's base64 core) would redact random text; the whole secret is still scrubbed.
  return forms.filter((form, index) => index === 0 || form.length >= 4);
}

/**
 * Removes every secret, in every spelling, from texts that reach diagnostics.
 *
 * @remarks
 * Longest spellings first, so a secret that contains another secret is removed whole.
 */
export class SecretScrubber {
  readonly #spellings: string[];

  constructor(secrets: readonly string[], headers: Readonly<Record<string, string>> = {}) {
    const all = new Set<string>();
    const credentials = [...secrets];
    for (const [header, value] of Object.entries(headers)) {
      if (!credentialHeader.test(header)) continue;
      credentials.push(value);
      // `Bearer abc`, `Basic abc=`: the credential after the scheme is the secret part.
      const space = value.indexOf(' ');
      if (space > 0) credentials.push(value.slice(space + 1).trim());
    }
    for (const secret of credentials) {
      if (secret === '') continue;
      for (const form of spellings(secret)) all.add(form);
    }
    this.#spellings = [...all].sort((left, right) => right.length - left.length);
  }

  /** The text with every secret replaced by `[redacted]`. */
  scrub(text: string): string {
    let result = text;
    for (const spelling of this.#spellings) {
      if (result.includes(spelling)) result = result.split(spelling).join(redacted);
    }
    return result;
  }
}
