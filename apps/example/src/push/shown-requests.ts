import type { RecordedRequest } from '@visitor-context/testkit/http-stand-in';
import type { ShownRequest } from './push-target.js';

/**
 * The requests a stand-in received since `from`, as the page shows them: method, path and body, never the headers
 * (they carry the Basic credentials and the bearer token) and never a token request's body.
 */
export function shownRequestsSince(requests: readonly RecordedRequest[], from: number): ShownRequest[] {
  return requests.slice(from).map((request) => ({
    method: request.method,
    path: request.path,
    body: request.path.endsWith('/oauth/token') ? '(token request: not shown)' : (request.json ?? request.bodyText),
  }));
}
