/**
 * Text from payloads (keys, values, file names) reaches the terminal inside messages. A terminal acts on
 * control characters: ESC and C1 CSI start sequences that retitle the window, clear the screen or write the
 * clipboard (OSC 52), BEL rings, CR and LF forge lines, and bidirectional overrides reorder what is shown.
 */
const terminalControls = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `JSON.stringify` escapes C0 controls but leaves these raw; each is escaped as `\uXXXX`, which JSON reads back as the same character. */
const jsonRawControls = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const unicodeEscape = (character: string): string => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Shows every control character of one line of human output as a visible `\uXXXX` escape. */
export function escapeTerminalText(text: string): string {
  return text.replace(terminalControls, unicodeEscape);
}

/** Escapes, in JSON text, the control characters `JSON.stringify` leaves raw: still valid JSON, with the same value. */
export function escapeJsonControls(json: string): string {
  return json.replace(jsonRawControls, unicodeEscape);
}
