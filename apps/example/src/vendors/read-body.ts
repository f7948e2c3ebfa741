import { Diagnostics, type Result } from '@visitor-context/core';
import { inboundBodyLimitBytes as maxInboundBytes } from '../body-limit.js';

/**
 * Reads an inbound request body as text, refusing non-JSON content types and bodies over the inbound limit
 * before reading them whole (the app's body-limit middleware already refuses those; this keeps the function safe
 * wherever it is used). The adapters then parse the text safely.
 */
export async function readJsonBody(request: Request): Promise<Result<string>> {
  const diagnostics = new Diagnostics();
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b|^text\/plain\b/i.test(type)) {
    diagnostics.error('unsupported_content_type', [], `Send the payload as application/json (got "${type}").`);
    return diagnostics.toFailure();
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxInboundBytes) {
    diagnostics.error('too_large', [], `The body is larger than ${maxInboundBytes} bytes.`);
    return diagnostics.toFailure();
  }
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader !== undefined) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxInboundBytes) {
      await reader.cancel();
      diagnostics.error('too_large', [], `The body is larger than ${maxInboundBytes} bytes.`);
      return diagnostics.toFailure();
    }
    chunks.push(value);
  }
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)), diagnostics: [] };
  } catch {
    diagnostics.error('invalid_utf8', [], 'The body is not valid UTF-8.');
    return diagnostics.toFailure();
  }
}
