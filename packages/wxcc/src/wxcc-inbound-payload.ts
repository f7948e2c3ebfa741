import {
  isJsonObject,
  ownJsonValue,
  parseJson,
  withJsonEntry,
  type Diagnostics,
  type JsonObject,
  type JsonValue,
  type Result,
} from '@visitor-context/core';

/**
 * Message extras keys the Live Chat widget writes: `browserfingerprint`, `Webpage`, `Website` on every message,
 * the rest on a thread's first message only (the widget's chat-window code: `SendMessage()`, `SendFile()`, quick
 * replies), plus the proactive-chat keys and `useragent` of the vendor's proactive chat guide.
 */
const widgetExtrasKeys: ReadonlySet<string> = new Set([
  'browserfingerprint',
  'proactive_id',
  'proactive_queue_id',
  'proactive_queue_name',
  'Webpage',
  'Website',
  'useragent',
  'customprofileparams',
  'hasprechatform',
  'Initiated from URL',
  'initiatedon',
  'website_id',
  'Browser language',
  'custom_chat_attr',
  'quick_reply_response',
  // What a page passes to imichatwidget.init (and toVendor returns).
  'custom_chat_fields',
]);

/** Keys the widget writes on a thread's first message only; a message with none of them is a later one. */
export const firstMessageExtrasKeys: readonly string[] = [
  'Initiated from URL',
  'initiatedon',
  'hasprechatform',
  'website_id',
  'Browser language',
  'customprofileparams',
];

/** What a Webex Connect flow names the message extras when its variables are pasted flat. */
const flatExtrasKeys = ['inappmessaging.message.extras', 'inappmessaging.extras'];

/** A payload read far enough to know what it is. */
export interface InboundPayload {
  /** The message extras (or the page's `{ custom_chat_fields }` object); undefined when there are none. */
  readonly extras: JsonObject | undefined;
  /** A whole inbound event without its extras, kept for `vendor.wxcc.event`. */
  readonly event: JsonObject | undefined;
  /** Whether any part of the payload is a shape this adapter reads. */
  readonly recognized: boolean;
  /** The event's extras could not be read, and a warning already says so. */
  readonly extrasUnreadable?: boolean;
}

/**
 * Reads the payload as the whole Webex Connect inbound event (`{ inappmessaging: { message: { extras } } }`,
 * `{ inappmessaging: { extras } }`, or the flow's variables pasted flat, `{ "inappmessaging.message.extras": … }`)
 * or as the bare extras. Extras may be an object or JSON text (once more encoded, after one substitution too
 * many). Returns undefined, with errors, when the payload cannot be read at all.
 */
export function readInboundPayload(payload: JsonValue, diagnostics: Diagnostics): InboundPayload | undefined {
  const decoded = decodeJsonText(payload);
  if (!decoded.ok) {
    diagnostics.add(decoded.diagnostics);
    return undefined;
  }
  const root = decoded.value;
  if (!isJsonObject(root)) {
    const kind = Array.isArray(root) ? 'an array' : root === null ? 'null' : `a ${typeof root}`;
    diagnostics.error('not_an_object', [], `Expected the message extras object, the whole inbound event, or the JSON text of either; got ${kind}.`);
    return undefined;
  }

  const inner = ownJsonValue(root, 'inappmessaging');
  if (isJsonObject(inner)) {
    const message = ownJsonValue(inner, 'message');
    if (isJsonObject(message) && Object.hasOwn(message, 'extras')) {
      const rest = (extras: JsonValue | undefined): JsonObject =>
        withJsonEntry(root, 'inappmessaging', withJsonEntry(inner, 'message', withJsonEntry(message, 'extras', extras)));
      return readEventExtras(ownJsonValue(message, 'extras'), rest, ['inappmessaging', 'message', 'extras'], diagnostics);
    }
    if (Object.hasOwn(inner, 'extras')) {
      const rest = (extras: JsonValue | undefined): JsonObject => withJsonEntry(root, 'inappmessaging', withJsonEntry(inner, 'extras', extras));
      return readEventExtras(ownJsonValue(inner, 'extras'), rest, ['inappmessaging', 'extras'], diagnostics);
    }
    return { extras: undefined, event: root, recognized: true };
  }
  const flatKey = flatExtrasKeys.find((key) => Object.hasOwn(root, key));
  if (flatKey !== undefined) {
    return readEventExtras(ownJsonValue(root, flatKey), (extras) => withJsonEntry(root, flatKey, extras), [flatKey], diagnostics);
  }
  if (Object.keys(root).some((key) => key.startsWith('inappmessaging.'))) return { extras: undefined, event: root, recognized: true };
  return { extras: root, event: undefined, recognized: Object.keys(root).some((key) => widgetExtrasKeys.has(key)) };
}

/**
 * The extras of a whole event. Extras that cannot be read stay in the event, as they came, with a warning;
 * refused content (a forbidden key, too deep) is an error, as anywhere else in a payload.
 */
function readEventExtras(
  value: JsonValue | undefined,
  eventWith: (extras: JsonValue | undefined) => JsonObject,
  path: readonly string[],
  diagnostics: Diagnostics,
): InboundPayload | undefined {
  const decoded = value === undefined ? undefined : decodeJsonText(value);
  if (decoded !== undefined && !decoded.ok) {
    if (decoded.diagnostics.some((item) => item.code !== 'invalid_json')) {
      diagnostics.add(decoded.diagnostics.map((item) => ({ ...item, path: [...path, ...item.path] })));
      return undefined;
    }
  }
  if (decoded?.ok === true && isJsonObject(decoded.value)) return { extras: decoded.value, event: eventWith(undefined), recognized: true };
  diagnostics.warning(
    'extras_unreadable',
    [...path],
    `${path.join('.')} is not the message extras object or its JSON text, so no custom chat field or extra could be read; it was kept as it came in vendor.wxcc.event.`,
  );
  return { extras: undefined, event: eventWith(value), recognized: true, extrasUnreadable: true };
}

/** JSON text is parsed, and parsed once more when it held JSON text again (a flow that encoded twice). */
function decodeJsonText(value: JsonValue): Result<JsonValue> {
  let decoded = value;
  for (let round = 0; round < 2 && typeof decoded === 'string'; round += 1) {
    const parsed = parseJson(decoded);
    if (!parsed.ok) return parsed;
    decoded = parsed.value;
  }
  return { ok: true, value: decoded, diagnostics: [] };
}
