/*
 * `apiBaseUrl` and `loginBaseUrl` replace the hosts derived from the region, for a local stand-in, a proxy or
 * a region not yet in the table. The OAuth client secret and bearer tokens travel to these URLs, so only
 * https is accepted, except plain http to this machine's own loopback address (a test server).
 */

/** A checked base URL without a trailing slash, or a sentence that says what is wrong. */
export type BaseUrlCheck = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly message: string };

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks one base URL option; `name` is the option's name, for the message. */
export function checkGenesysBaseUrl(name: 'apiBaseUrl' | 'loginBaseUrl', value: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: `Option ${name} must be an absolute URL such as "https://api.mypurecloud.com"; got text that is no URL.` };
  }
  const loopback = loopbackHosts.has(url.hostname) || /^127(?:\.\d{1,3}){3}$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return {
      ok: false,
      message: `Option ${name} must use https (plain http only to a loopback address such as 127.0.0.1, for a local stand-in): credentials and tokens are sent there. Got a ${url.protocol.replace(/:$/, '')} URL for ${url.host}.`,
    };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, message: `Option ${name} must not carry a user name or password; the client sends its own credentials.` };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, message: `Option ${name} must be a base URL without a query or fragment, e.g. "${url.origin}".` };
  }
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
