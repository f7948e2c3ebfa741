import { parseJson } from '../decode-json.js';
import type { Diagnostic } from '../diagnostics.js';
import { defaultJsonLimits } from '../limits.js';
import { raceSignal } from './race-signal.js';

/** Largest response body read, in bytes: vendor answers to a push are small; anything bigger is not read into memory. */
export const maxResponseBytes: number = defaultJsonLimits.maxBytes;

/** Longest non-JSON body kept, in characters: enough for an HTML error page's gist. */
export const maxResponseTextLength = 4096;

/** What a response body turned out to be. */
export interface ResponseBody {
  /** Parsed JSON, bounded text, or undefined (empty, too large, or refused). */
  readonly body: unknown;
  /** Why the body was not kept as sent: too large, hostile JSON, cut text. The caller words them for its vendor. */
  readonly problems: readonly Pick<Diagnostic, 'code' | 'message'>[];
}

/**
 * Reads at most {@link maxResponseBytes} of a body, then stops and cancels the rest (an endless or huge response
 * cannot exhaust memory). Returns undefined text when the limit was passed; rejects with the signal's reason when
 * it aborts first.
 */
async function readBoundedText(response: Response, signal: AbortSignal): Promise<{ text: string | undefined; tooLarge: boolean }> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxResponseBytes) {
    await Promise.resolve(response.body?.cancel?.()).catch(() => undefined);
    return { text: undefined, tooLarge: true };
  }
  if (response.body === null || response.body === undefined) return { text: '', tooLarge: false };
  if (typeof (response.body as { getReader?: unknown }).getReader !== 'function') {
    // A Response-like answer whose body is not a web stream (node-fetch's is a Node stream): read it whole, as
    // its own text(), then apply the same limit. Only a web-standard body can be stopped part way.
    const whole = await raceSignal(response.text(), signal);
    return new TextEncoder().encode(whole).byteLength > maxResponseBytes ? { text: undefined, tooLarge: true } : { text: whole, tooLarge: false };
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let received = 0;
  let text = '';
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      // Raced with the signal: a body that stalls (or ignores the fetch's signal) cannot outlast the call's time bound.
      chunk = await raceSignal(reader.read(), signal);
    } catch (error) {
      await reader.cancel().catch(() => undefined);
      throw error;
    }
    if (chunk.done) break;
    received += chunk.value.byteLength;
    if (received > maxResponseBytes) {
      await reader.cancel().catch(() => undefined);
      return { text: undefined, tooLarge: true };
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
  return { text: text + decoder.decode(), tooLarge: false };
}

function looksLikeJson(contentType: string, text: string): boolean {
  if (/[/+]json\b/i.test(contentType)) return true;
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

/**
 * Reads a vendor's response body safely: JSON is parsed with core's limits (size, depth, `__proto__` and
 * `constructor.prototype` refused); other text is kept, cut to {@link maxResponseTextLength} characters.
 */
export async function readResponseBody(response: Response, signal: AbortSignal): Promise<ResponseBody> {
  const { text, tooLarge } = await readBoundedText(response, signal);
  if (tooLarge || text === undefined) {
    return {
      body: undefined,
      problems: [{ code: 'too_large', message: `The response body is larger than ${maxResponseBytes} bytes, so it was not read.` }],
    };
  }
  if (text.trim() === '') return { body: undefined, problems: [] };
  const contentType = response.headers.get('content-type') ?? '';
  if (looksLikeJson(contentType, text)) {
    const parsed = parseJson(text);
    if (parsed.ok) return { body: parsed.value, problems: [] };
    const refused = parsed.diagnostics.find((item) => item.severity === 'error');
    // Malformed JSON is still worth showing as text; JSON refused for its keys or depth is not kept at all.
    if (refused?.code === 'invalid_json') return { body: boundText(text), problems: [{ code: 'invalid_json', message: 'The response body is not valid JSON; it is kept as text.' }] };
    return {
      body: undefined,
      problems: [{ code: refused?.code ?? 'invalid_json', message: `The response body was refused: ${refused?.message ?? 'it is not safe JSON.'}` }],
    };
  }
  return { body: boundText(text), problems: text.length > maxResponseTextLength ? [{ code: 'value_truncated', message: `The response text was cut to ${maxResponseTextLength} characters.` }] : [] };
}

function boundText(text: string): string {
  return text.length > maxResponseTextLength ? `${cutText(text, maxResponseTextLength)}…` : text;
}

/** The first `length` UTF-16 units of a text, one fewer when the cut would split a surrogate pair. */
export function cutText(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}
