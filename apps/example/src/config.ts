/** The app's settings, all from environment variables with documented defaults (see the README). */
export interface ExampleConfig {
  /** `PORT`, default 3000; 0 picks a free port. */
  readonly port: number;
  /** `HOST`, default 127.0.0.1. */
  readonly host: string;
  /** `VENDOR_SCRIPTS`: `stand-in` (default, offline) or `real` (the vendors' own scripts; needs accounts). */
  readonly vendorScripts: 'stand-in' | 'real';
  /** `INBOX_SIZE`, default 50: how many inbound contexts the operator page keeps in memory. */
  readonly inboxSize: number;
  /** `CSP`, default `on`: send a nonce-based Content-Security-Policy. */
  readonly contentSecurityPolicy: boolean;
}

export function readConfig(env: Record<string, string | undefined> = process.env): ExampleConfig {
  const port = Number(env['PORT'] ?? 3000);
  const inboxSize = Number(env['INBOX_SIZE'] ?? 50);
  const vendorScripts = env['VENDOR_SCRIPTS'] ?? 'stand-in';
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env['PORT']}".`);
  if (!Number.isInteger(inboxSize) || inboxSize < 1 || inboxSize > 10_000) {
    throw new Error(`INBOX_SIZE must be a whole number from 1 to 10000, got "${env['INBOX_SIZE']}".`);
  }
  if (vendorScripts !== 'stand-in' && vendorScripts !== 'real') {
    throw new Error(`VENDOR_SCRIPTS must be "stand-in" or "real", got "${vendorScripts}".`);
  }
  const csp = env['CSP'] ?? 'on';
  if (csp !== 'on' && csp !== 'off') throw new Error(`CSP must be "on" or "off", got "${csp}".`);
  return {
    port,
    host: env['HOST'] ?? '127.0.0.1',
    vendorScripts,
    inboxSize,
    contentSecurityPolicy: csp === 'on',
  };
}
