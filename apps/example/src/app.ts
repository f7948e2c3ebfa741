import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { parseVisitorContext } from '@visitor-context/core';
import { limitBody } from './body-limit.js';
import type { ExampleConfig } from './config.js';
import { demoVisitors, findDemoVisitor } from './demo-visitors.js';
import { Inbox } from './inbox.js';
import { renderPage } from './layout.js';
import { renderOperatorPage } from './pages/operator-page.js';
import { renderPushPage } from './pages/push-page.js';
import { renderSpaPage } from './pages/spa-page.js';
import { renderTranslatePage } from './pages/translate-page.js';
import { renderWidgetPage } from './pages/widget-page.js';
import { readPushIds } from './push/read-push-ids.js';
import type { PushDelivery } from './push/push-target.js';
import type { VendorDemo } from './vendor-demo.js';

type Environment = { Variables: { nonce: string | undefined } };

/** Diagnostics kept per inbox entry; the operator page says how many more there were. */
const maxDiagnosticsPerEntry = 20;

/**
 * Builds the app; `publicDirectory` holds the client bundles built by scripts/build-client.mjs, and `push` the
 * vendors "Push from the server" writes to (see `startPushDelivery`).
 */
export function createApp(config: ExampleConfig, vendors: readonly VendorDemo[], publicDirectory: URL, push: PushDelivery) {
  const app = new Hono<Environment>();
  const inbox = new Inbox({ maxEntries: config.inboxSize, maxBytes: config.inboxMaxBytes, maxDiagnosticsPerEntry });
  const findVendor = (id: string | undefined): VendorDemo | undefined => vendors.find((vendor) => vendor.id === id);

  app.use('*', async (context, next) => {
    const nonce = config.contentSecurityPolicy ? randomBytes(16).toString('base64') : undefined;
    context.set('nonce', nonce);
    await next();
    if (nonce !== undefined && context.res.headers.get('content-type')?.startsWith('text/html')) {
      // strict-dynamic lets a nonce'd vendor loader add the scripts it needs, as real vendor loaders do.
      context.res.headers.set(
        'content-security-policy',
        `default-src 'self'; script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'self' 'nonce-${nonce}'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`,
      );
    }
    context.res.headers.set('x-content-type-options', 'nosniff');
  });

  // Every body is limited while it streams, before any route reads it (JSON answers for the API routes).
  app.use('/inbound/*', limitBody('json'));
  app.use('/operator/*', limitBody('text'));
  app.use('/translate', limitBody('text'));
  app.use('/push', limitBody('text'));
  // A push acts with the server's vendor credentials: another site must not be able to make a visitor's browser send one.
  app.use('/push', csrf());

  const page = (nonce: string | undefined, content: { title: string; body: string; scripts?: string[] }) =>
    renderPage({ nonce, ...content });

  app.get('/', async (context) => {
    const vendor = findVendor(context.req.query('vendor')) ?? vendors[0]!;
    const visitor = findDemoVisitor(context.req.query('visitor')) ?? demoVisitors[1]!;
    const nonce = context.get('nonce');
    return context.html(page(nonce, await renderWidgetPage({ vendors, vendor, visitor, nonce, vendorScripts: config.vendorScripts })));
  });

  app.get('/spa', async (context) => {
    const vendor = findVendor(context.req.query('vendor')) ?? vendors[0]!;
    const nonce = context.get('nonce');
    return context.html(page(nonce, await renderSpaPage(vendors, vendor, nonce, config.vendorScripts)));
  });

  /** The SPA's "session" endpoint: the context for a login (or none for logout), translated for the browser runtime. */
  app.get('/api/session', async (context) => {
    const vendor = findVendor(context.req.query('vendor'));
    if (vendor === undefined) return context.json({ ok: false, error: 'Unknown vendor.' }, 404);
    const visitorId = context.req.query('visitor');
    let canonical;
    if (visitorId !== undefined) {
      const visitor = findDemoVisitor(visitorId);
      if (visitor === undefined) return context.json({ ok: false, error: 'Unknown visitor.' }, 404);
      const parsed = parseVisitorContext(visitor.session);
      if (!parsed.ok) return context.json({ ok: false, diagnostics: parsed.diagnostics }, 422);
      canonical = parsed.value;
    }
    const payload = await vendor.clientPayload(canonical);
    return context.json({ signedInAs: visitorId ?? null, ...payload }, payload.ok ? 200 : 422);
  });

  app.post('/inbound/:vendor', async (context) => {
    const vendor = findVendor(context.req.param('vendor'));
    if (vendor === undefined) return context.json({ ok: false, error: 'Unknown vendor.' }, 404);
    const result = await vendor.receive(context.req.raw);
    inbox.add({
      receivedAt: new Date().toISOString(),
      vendor: vendor.id,
      ok: result.ok,
      context: result.ok ? result.value : undefined,
      diagnostics: result.diagnostics,
    });
    return context.json(result, result.ok ? 200 : 422);
  });

  app.get('/operator', (context) =>
    context.html(page(context.get('nonce'), renderOperatorPage(inbox, vendors, Number(context.req.query('page') ?? 1)))),
  );

  app.post('/operator/samples/:vendor', async (context) => {
    const vendor = findVendor(context.req.param('vendor'));
    if (vendor === undefined) return context.text('Unknown vendor.', 404);
    const request = new Request(`http://${config.host}/inbound/${vendor.id}`, {
      method: 'POST',
      headers: { 'content-type': vendor.inboundContentType },
      body: vendor.sampleInbound,
    });
    await app.fetch(request);
    return context.redirect('/operator', 303);
  });

  app.get('/translate', async (context) => {
    const from = findVendor(context.req.query('from')) ?? vendors[0]!;
    const to = findVendor(context.req.query('to')) ?? vendors[1] ?? vendors[0]!;
    const body = await renderTranslatePage({ vendors, from, to, payload: from.sampleInbound, submitted: false });
    return context.html(page(context.get('nonce'), body));
  });

  app.post('/translate', async (context) => {
    const form = await context.req.parseBody();
    const from = findVendor(String(form['from'] ?? '')) ?? vendors[0]!;
    const to = findVendor(String(form['to'] ?? '')) ?? vendors[0]!;
    const pasted = typeof form['payload'] === 'string' ? form['payload'] : '';
    const payload = pasted.trim() === '' ? from.sampleInbound : pasted;
    const body = await renderTranslatePage({ vendors, from, to, payload, submitted: true });
    return context.html(page(context.get('nonce'), body));
  });

  app.get('/push', (context) => {
    const visitor = findDemoVisitor(context.req.query('visitor')) ?? demoVisitors[1]!;
    return context.html(page(context.get('nonce'), renderPushPage({ targets: push.targets, visitor })));
  });

  /** The browser names the vendor, the demo visitor and the vendor's ids; the context and credentials stay here. */
  app.post('/push', async (context) => {
    const form = await context.req.parseBody();
    const target = push.targets.find((candidate) => candidate.id === form['vendor']);
    if (target === undefined) return context.text('Unknown vendor.', 404);
    const visitor = findDemoVisitor(typeof form['visitor'] === 'string' ? form['visitor'] : undefined) ?? demoVisitors[1]!;
    const ids = readPushIds(target, form);
    const nonce = context.get('nonce');
    if (!ids.ok) {
      const result = { target, ids: ids.entered, outcome: { result: ids.failure } };
      return context.html(page(nonce, renderPushPage({ targets: push.targets, visitor, result })), 422);
    }
    const parsed = parseVisitorContext(visitor.session);
    const outcome = parsed.ok ? await target.push(ids.value, parsed.value) : { result: parsed };
    return context.html(page(nonce, renderPushPage({ targets: push.targets, visitor, result: { target, ids: ids.value, outcome } })));
  });

  app.get('/healthz', (context) => context.json({ ok: true }));

  // Client bundles: only the fixed file names the build writes; nothing else on disk is reachable.
  app.get('/:folder{(stand-ins|assets)}/:file{[a-z0-9-]+\\.js}', async (context) => {
    const { folder, file } = context.req.param();
    try {
      const code = await readFile(new URL(`${folder}/${file}`, publicDirectory), 'utf8');
      return context.body(code, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
    } catch {
      return context.text('Not found.', 404);
    }
  });

  return app;
}
