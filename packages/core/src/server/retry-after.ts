/**
 * The wait a rate-limited response asks for, in milliseconds, or undefined when it asks for none.
 *
 * @remarks
 * Reads the headers ky reads, in its order and its way: `Retry-After` as seconds or an HTTP date, then the
 * `RateLimit-Reset` family; a number of seconds that is really a Unix time (from 2024 on) is read as a time.
 * A value that is neither (`Retry-After: soon`) counts as no value: the backoff applies.
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const value =
    headers.get('Retry-After') ??
    headers.get('RateLimit-Reset') ??
    headers.get('X-RateLimit-Retry-After') ??
    headers.get('X-RateLimit-Reset') ??
    headers.get('X-Rate-Limit-Reset');
  if (value === null || value === '') return undefined;
  let after = Number(value) * 1000;
  if (Number.isNaN(after)) after = Date.parse(value) - now;
  else if (after >= Date.parse('2024-01-01')) after -= now;
  if (!Number.isFinite(after)) return undefined;
  return Math.max(0, after);
}
