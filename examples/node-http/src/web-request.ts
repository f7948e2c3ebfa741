// The whole bridge between node:http and the web-standard Request/Response the adapters read and return.
// Node 20 has Request, Response and ReadableStream built in; nothing here needs a dependency.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/** Turns a Node request into a web `Request`. The body is streamed, not buffered: the handler reads it, with its own limit. */
export function toWebRequest(incoming: IncomingMessage): Request {
  // Behind a proxy, take the host and protocol from your proxy's headers instead.
  const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    // Node joins repeated headers into arrays (and lowercases names); Headers takes each value separately.
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
  return new Request(url, {
    method: incoming.method ?? 'GET',
    headers,
    // Readable.toWeb gives a ReadableStream that pulls from the socket as the handler reads, so a handler that
    // stops at its size limit stops the upload there too. `duplex: 'half'` is required for a streamed body.
    ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

/** Writes a web `Response` to a Node response, streaming its body. */
export async function sendWebResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = Object.fromEntries(response.headers);
  // Several cookies must stay several Set-Cookie headers (Headers would join them into one, which breaks them).
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  outgoing.writeHead(response.status, headers);
  if (response.body === null) return void outgoing.end();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) outgoing.write(chunk);
  outgoing.end();
}
