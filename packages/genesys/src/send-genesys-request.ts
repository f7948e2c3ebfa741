/*
 * Every Genesys request goes through core's `sendVendorRequest` (timeouts, retries with backoff on 429/5xx and
 * network errors, `Retry-After`, safe body reading, secret scrubbing, outcome codes). This file only adds what is
 * Genesys' own: its correlation-id header, and what a refusal from the token endpoint means.
 */
import { sendVendorRequest, type VendorHttpDiagnostic, type VendorHttpMethod, type VendorHttpOptions, type VendorHttpResult } from '@visitor-context/core/server';

/** Genesys Cloud puts its request id in this header on every API and login response. */
export const genesysCorrelationIdHeader = 'inin-correlation-id';

/** One Genesys request, before core adds what every vendor request has. */
export interface GenesysRequest {
  readonly operation: string;
  readonly method: VendorHttpMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  /** The bearer token or client secret in this request, for core to scrub from anything it reports. */
  readonly secrets: readonly string[];
}

/** Sends one request to the Genesys API or its token endpoint. */
export async function sendGenesysRequest(request: GenesysRequest, http: VendorHttpOptions): Promise<VendorHttpResult> {
  return sendVendorRequest(
    {
      vendor: 'Genesys Cloud',
      operation: request.operation,
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      secrets: request.secrets,
      requestIdHeaders: [genesysCorrelationIdHeader],
    },
    http,
  );
}

/**
 * A token request refused with 400 is about the client (OAuth's `invalid_client`, `unauthorized_client`: the id
 * or secret is wrong, or the client is not a client-credentials one); the body sent is fixed and cannot be at
 * fault. It is reported as `unauthorized`, the code callers act on for bad credentials.
 */
export function asCredentialFailure(result: VendorHttpResult): VendorHttpResult {
  if (result.ok) return result;
  const diagnostics = httpDiagnostics(result).map((diagnostic): VendorHttpDiagnostic =>
    diagnostic.code === 'vendor_rejected' && diagnostic.status === 400
      ? {
          ...diagnostic,
          code: 'unauthorized',
          // core's advice for a 400 ("check the data sent") does not apply: the request is fixed, the credentials are not.
          message: `${diagnostic.message.replace(/ Check the data sent against the vendor's API documentation\.$/, '')} The token endpoint refuses a client-credentials request with 400 when the client id or secret is wrong, or when the OAuth client's grant type is not "Client Credentials".`,
        }
      : diagnostic,
  );
  return { ok: false, diagnostics };
}

/** A result's diagnostics with core's HTTP fields (`status`, `requestId`, `attempts`) typed. */
export function httpDiagnostics(result: VendorHttpResult): readonly VendorHttpDiagnostic[] {
  // VendorHttpResult intersects core's Result with its own diagnostics type; TypeScript reads array methods of such
  // an intersection from the first member, so name the type once here.
  return result.diagnostics as readonly VendorHttpDiagnostic[];
}
