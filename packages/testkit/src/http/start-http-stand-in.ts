import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * One request the stand-in received, exactly as sent.
 * @public
 */
export interface RecordedRequest {
  /** The HTTP method, e.g. `PATCH`. */
  readonly method: string;
  /** The path without the query, e.g. `/api/v2/conversations/c1/participants/p1/attributes`. */
  readonly path: string;
  /** The query string's parameters. */
  readonly query: URLSearchParams;
  /** The request headers, names in lower case; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as UTF-8 text (empty when there was none). */
  readonly bodyText: string;
  /** The body parsed as JSON, when it is JSON; undefined otherwise. */
  readonly json?: unknown;
}

/**
 * What the stand-in answers.
 * @public
 */
export interface StandInResponse {
  /** The HTTP status. */
  readonly status: number;
  /** Response headers, e.g. `{ 'retry-after': '1' }`. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /**
   * The body: a string or `Uint8Array` is sent as is; anything else is sent as JSON (with
   * `content-type: application/json` unless a content type is given); undefined sends no body.
   */
  readonly body?: unknown;
  /** Wait this long before sending the response headers, in milliseconds, e.g. to trip a client's timeout. */
  readonly delayMs?: number | undefined;
}

/**
 * A running local stand-in of a vendor's REST API.
 * @public
 */
export interface HttpStandIn {
  /** Its base URL, `http://127.0.0.1:<port>`, with no trailing slash. */
  readonly url: string;
  /** Every request received so far, in order. */
  readonly requests: RecordedRequest[];
  /** Answers the next calls with these responses, in order, instead of the route; then the route answers again. */
  respondNext(...responses: StandInResponse[]): void;
  /** Stops the server, ends open connections and cancels pending delays. Safe to call twice. */
  close(): Promise<void>;
}

/** Largest request body the stand-in reads; a bigger one gets 413 (it is recorded, with its body cut). */
export const maxStandInRequestBytes = 1_048_576;

function readBody(request: IncomingMessage): Promise<{ text: string; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxStandInRequestBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge }));
    request.on('error', reject);
  });
}

function record(request: IncomingMessage, bodyText: string): RecordedRequest {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  let json: unknown;
  try {
    json = bodyText === '' ? undefined : JSON.parse(bodyText);
  } catch {
    json = undefined;
  }
  return { method: request.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, bodyText, ...(json === undefined ? {} : { json }) };
}

function encodeBody(answer: StandInResponse): { bytes: Uint8Array | undefined; contentType: string | undefined } {
  const { body } = answer;
  if (body === undefined) return { bytes: undefined, contentType: undefined };
  if (body instanceof Uint8Array) return { bytes: body, contentType: 'application/octet-stream' };
  if (typeof body === 'string') return { bytes: Buffer.from(body, 'utf8'), contentType: 'text/plain; charset=utf-8' };
  return { bytes: Buffer.from(JSON.stringify(body), 'utf8'), contentType: 'application/json' };
}

/**
 * Starts a recording HTTP server on 127.0.0.1 (a free port) that stands in for a vendor's REST API in tests.
 * Node only. Vendor adapters put their vendor's documented contract (token endpoint, PATCH, 401/404/429) in
 * `route`; tests script one-off answers with `respondNext` and assert on `requests`.
 *
 * @remarks
 * Request bodies are read up to 1 MiB (a bigger one is answered 413 without calling the route). A route that
 * throws is answered 500 with the error's message, so a broken route shows up in the test instead of hanging it.
 * @public
 */
export async function startHttpStandIn(
  route: (request: RecordedRequest) => StandInResponse | Promise<StandInResponse>,
): Promise<HttpStandIn> {
  const requests: RecordedRequest[] = [];
  const scripted: StandInResponse[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let closed: Promise<void> | undefined;

  const wait = (milliseconds: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, milliseconds);
      timers.add(timer);
    });

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { text, tooLarge } = await readBody(request);
    const recorded = record(request, text);
    requests.push(recorded);
    let reply: StandInResponse;
    if (tooLarge) reply = { status: 413, body: { message: `The stand-in reads request bodies up to ${maxStandInRequestBytes} bytes.` } };
    else {
      try {
        reply = scripted.shift() ?? (await route(recorded));
      } catch (error) {
        reply = { status: 500, body: { message: `The stand-in's route threw: ${error instanceof Error ? error.message : String(error)}` } };
      }
    }
    if (reply.delayMs !== undefined && reply.delayMs > 0) await wait(reply.delayMs);
    if (closed !== undefined || response.destroyed) return;
    const { bytes, contentType } = encodeBody(reply);
    const headers: Record<string, string> = { ...reply.headers };
    const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
    if (contentType !== undefined && !hasContentType) headers['content-type'] = contentType;
    response.writeHead(reply.status, headers);
    response.end(bytes);
  };

  const server = createServer((request, response) => {
    answer(request, response).catch(() => response.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The HTTP stand-in did not get a TCP port.');

  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    respondNext(...responses: StandInResponse[]): void {
      scripted.push(...responses);
    },
    close(): Promise<void> {
      closed ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}
