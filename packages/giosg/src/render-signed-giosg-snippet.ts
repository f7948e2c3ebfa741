import { neverReject, type Result, type VisitorContext } from '@visitor-context/core';
import type { GiosgRenderOptions } from './giosg-options.js';
import { renderGiosgSubmission } from './render-giosg-snippet.js';
import { signGiosgVisitorData, type GiosgSigningOptions } from './sign-giosg-visitor-data.js';

/**
 * Signs a context's visitor data as a JWT and renders the snippet that submits it:
 * `_giosg('visitor', 'submit', '<jwt>', '<algorithm>', replaceExisting, rooms)` (HS* or RS*). Only the token reaches the page.
 * Never rejects.
 * @public
 */
export async function renderSignedGiosgSnippet(
  context: VisitorContext,
  options: GiosgSigningOptions & GiosgRenderOptions,
): Promise<Result<string>> {
  return renderSignedSafely(context, options);
}

const renderSignedSafely = /* @__PURE__ */ neverReject('renderSignedGiosgSnippet', renderSigned, { code: 'invalid_option' });

async function renderSigned(context: VisitorContext, options: GiosgSigningOptions & GiosgRenderOptions): Promise<Result<string>> {
  const { nonce, companyId, scriptUrl, ...signingOptions } = options ?? {};
  const signed = await signGiosgVisitorData(context, signingOptions as GiosgSigningOptions);
  if (!signed.ok) return signed;
  const rendered = renderGiosgSubmission(signed.value, {
    ...(nonce === undefined ? {} : { nonce }),
    ...(companyId === undefined ? {} : { companyId }),
    ...(scriptUrl === undefined ? {} : { scriptUrl }),
  });
  if (!rendered.ok) return { ok: false, diagnostics: [...signed.diagnostics, ...rendered.diagnostics] };
  return { ok: true, value: rendered.value, diagnostics: signed.diagnostics };
}
