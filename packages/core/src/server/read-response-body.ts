import { parseJson } from '../decode-json.js';
import type { Diagnostic } from '../diagnostics.js';
import { defaultJsonLimits } from '../limits.js';

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
 * cannot exhaust memory). Returns undefined text when the limit was passed.
 */
async function readBoundedText(response: Response): Promise<{ text: string | undefined; tooLarge: boolean }> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxResponseBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { text: undefined, tooLarge: true };
  }
  if (response.body === null) return { text: '', tooLarge: false };
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let received = 0;
  let text = '';
  for (;;) {
    const chunk = await reader.read();
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
export async function readResponseBody(response: Response): Promise<ResponseBody> {
  const { text, tooLarge } = await readBoundedText(response);
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
  return text.length > maxResponseTextLength ? `${text.slice(0, maxResponseTextLength)}…` : text;
}
