import { inboundBodyLimitBytes } from '../body-limit.js';

/** The inbound route a developer writes with Hono for an adapter's `fromVendor` (shown on the operator page). */
export function inboundCode(adapter: string, packageName: string, vendor: string): string {
  return `import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ${adapter} } from '${packageName}';

const app = new Hono();
app.post('/inbound/${vendor}', bodyLimit({ maxSize: ${inboundBodyLimitBytes} }), async (c) => {
  const result = ${adapter}.fromVendor(await c.req.text());
  return c.json(result, result.ok ? 200 : 422); // result.diagnostics: what went to vendor.${vendor}, and why
});`;
}
