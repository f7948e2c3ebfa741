import { Diagnostics, VisitorContextError } from './diagnostics.js';
import { defaultJsonLimits } from './limits.js';
import { copyPlainData, type JsonValue, type PlainDataRules } from './plain-data.js';
import { isBuiltPayload } from './built-payload.js';

const scriptUnsafe = /[<>&\u2028\u2029]/g;
const scriptEscapes: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};


/** The copy's rules, made once (on first use, so that bundles not using the encoders leave them out). */
let encoderRules: PlainDataRules | undefined;

/**
 * Copies a value as plain JSON data or throws: encoders must never serialize class instances, getters or
 * `toJSON` (the serialize-javascript advisories). Data that went through `parseVisitorContext` always passes.
 * A payload an adapter has just built (see `translateForRendering`) is plain JSON already and is used as it is.
 */
function plainJson(value: unknown): JsonValue {
  // Strings, booleans and null are plain as they are; copying a string only measured its length.
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (isBuiltPayload(value)) return value;
  const diagnostics = new Diagnostics();
  const copy = copyPlainData(value, (encoderRules ??= { ...defaultJsonLimits, maxBytes: Number.POSITIVE_INFINITY, refuse: 'json' }), diagnostics);
  if (copy === undefined) throw new VisitorContextError(diagnostics.all);
  return copy;
}

/**
 * Serializes plain JSON data for inline `<script>` code, as a JavaScript expression.
 *
 * @remarks
 * `JSON.stringify` with every `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX` (the set Next.js, Rails and
 * Go use). The output never contains a raw `<`, so it can never hold `</script`, `<script` or `<!--`; it parses
 * identically with `JSON.parse` and as a JavaScript literal.
 * @throws `VisitorContextError` (`not_plain_data`, `non_finite_number`, `forbidden_key`, `too_deep`) for values
 * that are not plain JSON data.
 * @public
 */
export function toScriptJson(value: unknown): string {
  return JSON.stringify(plainJson(value)).replace(scriptUnsafe, (character) => scriptEscapes[character] as string);
}

/**
 * Escapes text for an HTML attribute value or text content: `& < > " '` become character references.
 * The result is safe inside single- or double-quoted attribute values and in element text.
 * @public
 */
export function escapeHtml(text: string): string {
  // One scan, copying the text between unsafe characters: about twice as fast as a replace with a callback on JSON
  // text, whose every quote is escaped.
  const value = String(text);
  let html = '';
  let start = 0;
  for (let index = 0; index < value.length; index++) {
    let escaped: string;
    switch (value.charCodeAt(index)) {
      case 0x26:
        escaped = '&amp;';
        break;
      case 0x3c:
        escaped = '&lt;';
        break;
      case 0x3e:
        escaped = '&gt;';
        break;
      case 0x22:
        escaped = '&quot;';
        break;
      case 0x27:
        escaped = '&#39;';
        break;
      default:
        continue;
    }
    html += value.slice(start, index) + escaped;
    start = index + 1;
  }
  return start === 0 ? value : html + value.slice(start);
}

/**
 * `JSON.stringify` for plain JSON data only, with no HTML escaping: for values handed to
 * {@link renderElement} or {@link renderScriptTag} attributes, which escape attribute values themselves.
 * @throws `VisitorContextError` for values that are not plain JSON data.
 * @public
 */
export function toJsonText(value: unknown): string {
  return JSON.stringify(plainJson(value));
}

/**
 * Serializes plain JSON data for an HTML attribute value (quoted with `"` or `'`) written by hand. An HTML
 * parser's attribute value (`element.getAttribute`, `dataset`) is exactly the JSON text, for any input.
 * Do not pass the result to {@link renderElement}, which escapes attribute values itself: use
 * {@link toJsonText} there.
 * @throws `VisitorContextError` for values that are not plain JSON data.
 * @public
 */
export function toAttributeJson(value: unknown): string {
  return escapeHtml(toJsonText(value));
}

const attributeName = /^[a-z][a-z0-9-]*$/;
const nonceValue = /^[A-Za-z0-9+/=_-]{1,256}$/;
const identifierPath = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/**
 * Attributes for a rendered element: `true` renders a bare attribute, `false`/`undefined` leaves it out.
 * @public
 */
export type HtmlAttributes = Readonly<Record<string, string | boolean | undefined>>;

/**
 * Renders attributes as they stand in a start tag, each with a leading space: ` id="chat" async`. Values are
 * escaped with {@link escapeHtml}; names must be lower-case letters, digits and dashes; a `nonce` must be 1–256
 * base64 characters. For a tag built in parts, e.g. a static start whose one data attribute changes per call.
 * @throws `VisitorContextError` (`invalid_html_input`) for an unsafe name or a malformed nonce.
 * @public
 */
export function renderAttributes(attributes: HtmlAttributes): string {
  let html = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (!attributeName.test(name)) throw invalidInput(`"${name}" is not a safe attribute name.`);
    if (value === undefined || value === false) continue;
    if (name === 'nonce' && (typeof value !== 'string' || !nonceValue.test(value))) {
      throw invalidInput('A CSP nonce must be 1–256 base64 characters. Generate one per response.');
    }
    html += value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
  }
  return html;
}

function invalidInput(message: string): VisitorContextError {
  return new VisitorContextError([{ code: 'invalid_html_input', severity: 'error', path: [], message }]);
}

/**
 * What {@link checkScriptUrl} accepts besides `https://` URLs and same-origin relative URLs.
 * @public
 */
export interface ScriptUrlRules {
  /** Also accept `http://` URLs whose host is `localhost`, `127.0.0.1` or `[::1]`, for local development. Default false. */
  readonly allowLocalHttp?: boolean;
  /** Also accept protocol-relative URLs (`//host/path`), which load from another host over the page's scheme. Default false. */
  readonly allowProtocolRelative?: boolean;
}

/**
 * C0 and C1 controls, DEL and the backslash: browsers delete tab, LF and CR anywhere in a URL, strip leading C0
 * controls, and read `\` as `/`, so a URL holding any of them is not the URL it looks like (`d\tata:` is `data:`).
 */
const urlConfusables = /[\u0000-\u001f\u007f-\u009f\\]/;
const schemePrefix = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);
/** A base that no real page has: resolving a relative URL against it shows whether it stays on the page's origin. */
const probeBase = 'https://same-origin.invalid/';

/**
 * Checks a script URL the way the WHATWG URL parser will read it, and returns it (surrounding whitespace removed).
 *
 * @remarks
 * Accepted: `https://` URLs, and relative URLs that stay on the page's origin (`/vendor/loader.js`,
 * `loader.js`). With {@link ScriptUrlRules}: `http://` to localhost, and protocol-relative `//host/…`.
 * Refused: every other scheme (`javascript:`, `data:`, `blob:`, `http:` to other hosts), and any control
 * character or backslash anywhere, which browsers delete or reinterpret before parsing.
 * @throws `VisitorContextError` (`invalid_html_input`) for a refused URL.
 * @public
 */
export function checkScriptUrl(url: string, rules: ScriptUrlRules = {}): string {
  const text = String(url).trim();
  const refuse = (why: string): never => {
    throw invalidInput(`${JSON.stringify(text)} is not a usable script URL: ${why}.`);
  };
  if (text === '') refuse('it is empty');
  if (urlConfusables.test(text)) refuse('it contains a control character or a backslash, which browsers remove or read as "/"');
  let resolved: URL;
  try {
    resolved = new URL(text, probeBase);
  } catch {
    return refuse('it is not a valid URL');
  }
  if (text.startsWith('//')) {
    if (rules.allowProtocolRelative !== true) refuse('protocol-relative URLs are refused unless allowProtocolRelative is set; write https://');
  } else if (schemePrefix.test(text)) {
    const local = rules.allowLocalHttp === true && resolved.protocol === 'http:' && localHosts.has(resolved.hostname);
    if (!/^https?:\/\//i.test(text) || (resolved.protocol !== 'https:' && !local)) {
      refuse(`only https:// URLs are accepted${rules.allowLocalHttp === true ? ' (and http:// to localhost)' : ''}`);
    }
  } else if (resolved.origin !== new URL(probeBase).origin) {
    refuse('a relative URL must stay on the page\'s origin');
  }
  return text;
}

/**
 * Renders `<script src=…>` for a vendor's loader script, with attributes escaped and the URL checked by
 * {@link checkScriptUrl} under `rules`.
 * @throws `VisitorContextError` (`invalid_html_input`) for a refused URL or unsafe attributes.
 * @public
 */
export function renderScriptTag(src: string, attributes: HtmlAttributes = {}, rules: ScriptUrlRules = {}): string {
  return `<script${renderAttributes({ src: checkScriptUrl(src, rules), ...attributes })}></script>`;
}

/**
 * Renders an element with escaped attributes and escaped text content, e.g. a vendor's mount `<div>`.
 * Attribute values are raw text (escaped here); for JSON data use {@link toJsonText}.
 * @public
 */
export function renderElement(tag: string, attributes: HtmlAttributes = {}, text = ''): string {
  if (!/^[a-z][a-z0-9]*$/.test(tag) || tag === 'script' || tag === 'style') {
    throw invalidInput(`"${tag}" cannot be rendered with renderElement.`);
  }
  return `<${tag}${renderAttributes(attributes)}>${escapeHtml(text)}</${tag}>`;
}

/**
 * Renders an inline `<script>` around code built by {@link jsCall}/{@link jsAssign} or a library constant.
 *
 * @throws `VisitorContextError` (`invalid_html_input`) when the code contains `</script`, `<script` or `<!--`,
 * which only data that skipped the encoders could introduce.
 * @public
 */
export function renderInlineScript(code: string, attributes: HtmlAttributes = {}): string {
  if (/<\/script|<script|<!--/i.test(code)) {
    throw invalidInput('Inline script code must not contain </script, <script or <!--. Encode data with toScriptJson.');
  }
  return `<script${renderAttributes(attributes)}>${code}</script>`;
}

/**
 * An inline `<script>` whose code is fixed but for encoded values between its parts: made once, rendered per
 * call by {@link InlineScriptTemplate.render}.
 * @public
 */
export interface InlineScriptTemplate {
  /**
   * The `<script>` with `parts[0] + toScriptJson(values[0]) + parts[1] + …` as its code. Every value goes through
   * {@link toScriptJson}, so the result is safe for any value, exactly as {@link renderInlineScript} around
   * {@link jsCall}/{@link jsAssign} code would be.
   * @throws `VisitorContextError` for values that are not plain JSON data, or a wrong number of values.
   */
  render(...values: readonly unknown[]): string;
}

/** The longest start of a refused sequence (`</script`) less one character: what may not end a part. */
const openingTail = /<[^<]{0,6}$/;

/**
 * Makes an {@link InlineScriptTemplate}: the checks {@link renderInlineScript} runs on the whole code are run on
 * the parts once, so a render only encodes the values.
 *
 * @remarks
 * No part may contain `</script`, `<script` or `<!--`, and no part but the last may end within seven characters
 * of a `<`: an encoded value holds no `<`, so no refused sequence can then form across a value. Use it for code
 * whose data changes per call and whose library code does not (a vendor's install code with the payload).
 * @throws `VisitorContextError` (`invalid_html_input`) for refused parts or attributes.
 * @public
 */
export function inlineScriptTemplate(parts: readonly string[], attributes: HtmlAttributes = {}): InlineScriptTemplate {
  const fixed = parts.map(String);
  if (fixed.length === 0) throw invalidInput('An inline script template needs at least one part.');
  fixed.forEach((part, index) => {
    if (/<\/script|<script|<!--/i.test(part) || (index < fixed.length - 1 && openingTail.test(part))) {
      throw invalidInput('Inline script parts must not contain </script, <script or <!--, nor end near a "<". Encode data as values.');
    }
  });
  const open = `<script${renderAttributes(attributes)}>${fixed[0] as string}`;
  const holes = fixed.length - 1;
  return {
    render(...values: readonly unknown[]): string {
      if (values.length !== holes) throw invalidInput(`This inline script template takes ${holes} values; got ${values.length}.`);
      let code = open;
      for (let index = 0; index < holes; index++) code += toScriptJson(values[index]) + (fixed[index + 1] as string);
      return `${code}</script>`;
    },
  };
}

/**
 * Renders a `<script type="application/json">` data block: the strict-CSP alternative to inline code.
 * Read it with `JSON.parse(document.getElementById(id).textContent)`.
 * @public
 */
export function renderJsonScript(id: string, value: unknown, attributes: HtmlAttributes = {}): string {
  return `<script${renderAttributes({ type: 'application/json', id, ...attributes })}>${toScriptJson(value)}</script>`;
}

function checkIdentifierPath(target: string): string {
  if (!identifierPath.test(target)) throw invalidInput(`"${target}" is not a dotted JavaScript identifier path.`);
  return target;
}

/**
 * JavaScript code that calls `callee` (a dotted identifier path such as `_giosg` or `window.app.init`) with
 * plain JSON data arguments, each encoded with {@link toScriptJson}: `callee(arg1,arg2);`.
 * @public
 */
export function jsCall(callee: string, ...args: readonly unknown[]): string {
  return `${checkIdentifierPath(callee)}(${args.map(toScriptJson).join(',')});`;
}

/**
 * JavaScript code that assigns plain JSON data to a dotted identifier path: `window.cfg={…};`.
 * @public
 */
export function jsAssign(target: string, value: unknown): string {
  return `${checkIdentifierPath(target)}=${toScriptJson(value)};`;
}
