import { afterAll, beforeAll, describe, it, type ExpectStatic, type TestContext } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { comm100Adapter } from '@visitor-context/comm100';
import { genesysAdapter } from '@visitor-context/genesys';
import { giosgAdapter } from '@visitor-context/giosg';
import { genesysStandInConversation } from '../src/push/genesys-push-target.js';
import { giosgStandInIds } from '../src/push/giosg-push-target.js';
import { readConfig } from '../src/config.js';
import { findDemoVisitor } from '../src/demo-visitors.js';
import { createVendorDemos } from '../src/vendors/index.js';
import { samples } from '../src/vendors/sample.js';
import { demoContext, expectedPanel } from './expected-panel.js';
import { isolatedExample, keepScreenshot, launchChromium, openPage, pageTimeout, startExample, watchPage, type RunningExample } from './harness.js';

const vendors = createVendorDemos(readConfig({}));

let browser: Browser;
/** The one browser context every test opens its page in (see openPage). */
let pages: BrowserContext;
let withCsp: RunningExample;
let withoutCsp: RunningExample;

/** A phone's viewport. */
const phone = { width: 390, height: 844 };

beforeAll(async () => {
  [browser, withCsp, withoutCsp] = await Promise.all([launchChromium(), startExample({ CSP: 'on' }), startExample({ CSP: 'off' })]);
  pages = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([withCsp?.close(), withoutCsp?.close()]);
});

/** The agent panel's JSON, restricted to the keys the expectation names. */
async function panelMatching(expect: ExpectStatic, page: Page, expected: unknown): Promise<unknown> {
  const keys = Object.keys(expected as object);
  let last: unknown;
  await expect
    .poll(
      async () => {
        const text = (await page.locator('[data-agent-panel]').textContent()) ?? '';
        try {
          const panel = JSON.parse(text) as Record<string, unknown>;
          last = Array.isArray(panel) || keys.length === 0 ? panel : Object.fromEntries(keys.map((key) => [key, panel[key]]));
        } catch {
          last = text;
        }
        return last;
      },
      { timeout: pageTimeout, interval: 100 },
    )
    .toEqual(expected);
  return last;
}

/** The page's width and the elements that reach past it (none, for a page that fits). */
function horizontalOverflow(page: Page): Promise<{ width: number; scrollWidth: number; wider: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wider = Array.from(document.body.querySelectorAll('*'))
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.className}`);
    return { width, scrollWidth: document.documentElement.scrollWidth, wider: wider.slice(0, 5) };
  });
}

/** The attributes Genesys gets for a demo visitor: the adapter's own attributes translation. */
function genesysAttributes(visitorId: string): Record<string, string> {
  const translated = genesysAdapter.toVendor(demoContext(visitorId), { channel: 'attributes' });
  if (!translated.ok || translated.value.channel !== 'attributes') throw new Error('the demo visitor does not translate');
  return translated.value.customAttributes;
}

/** The `{ key, value }` bodies giosg gets for a demo visitor: the adapter's visitor data, values as text. */
function giosgVariables(visitorId: string): { key: string; value: string }[] {
  const translated = giosgAdapter.toVendor(demoContext(visitorId));
  if (!translated.ok) throw new Error('the demo visitor does not translate');
  return Object.entries(translated.value.visitorData as Record<string, unknown>).map(([key, value]) => ({
    key,
    value: typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value),
  }));
}

/** Bodies the inbound endpoint must refuse, with the status it answers. */
const refusedBodies: [type: string, body: string, status: number][] = [
  ['text/html', '<html>', 422],
  ['application/json', '{"__proto__":{"polluted":true}}', 422],
  ['application/json', 'not json', 422],
];

/**
 * The app on a server of the test's own, its operator inbox holding an accepted sample from every vendor and the
 * refused bodies: the most the operator page shows (contexts, and rejections with their diagnostics).
 */
async function exampleWithFullInbox(test: TestContext): Promise<RunningExample> {
  const example = await isolatedExample(test, { CSP: 'on' });
  for (const vendor of vendors) {
    const response = await fetch(`${example.url}/inbound/${vendor.id}`, { method: 'POST', headers: { 'content-type': vendor.inboundContentType }, body: vendor.sampleInbound });
    if (response.status !== 200) throw new Error(`${vendor.id}'s sample was refused (${response.status}): ${await response.text()}`);
  }
  for (const [type, body, status] of refusedBodies) {
    const response = await fetch(`${example.url}/inbound/giosg`, { method: 'POST', headers: { 'content-type': type }, body });
    if (response.status !== status) throw new Error(`${type} ${body} was answered ${response.status}, not ${status}`);
  }
  return example;
}

// Every test has its own page (and its own server where it reads back what it wrote: the operator inbox, what an
// API stand-in received), so they run at the same time in the one browser: most of a test is waiting on page
// loads and panel updates. `maxConcurrency` in vitest.config.ts bounds how many run at once.
describe.concurrent('the example app in Chromium', () => {
  describe.each(vendors.map((vendor) => [vendor.id, vendor] as const))('%s', (_id, vendor) => {
    it('delivers exactly the expected data to the vendor (stand-in agent panel), under a nonce CSP with no violation', async (test) => {
      const { expect } = test;
      const page = await openPage(pages, test);
      const watch = await watchPage(page);
      await page.goto(`${withCsp.url}/?vendor=${vendor.id}&visitor=customer`);
      await panelMatching(expect, page, await expectedPanel(vendor, demoContext('customer')));
      if (vendor.id === 'genesys') {
        // Messenger attributes reach the agent only with the visitor's next message.
        await page.click('[data-send-message]');
        const attributes = ((await expectedPanel(vendor, demoContext('customer'))) as { messengerDatabase: { messaging: { customAttributes: unknown } } })
          .messengerDatabase.messaging.customAttributes;
        await panelMatching(expect, page, { agentSees: attributes });
      }
      expect(await watch.violations()).toEqual([]);
      expect(watch.errors).toEqual([]);
      await keepScreenshot(page, `${vendor.id}-customer`);
    });

    it('keeps the hostile visitor literal: nothing executes and no element is injected (CSP off, so escaping alone is tested)', async (test) => {
      const { expect } = test;
      const page = await openPage(pages, test);
      const watch = await watchPage(page);
      await page.goto(`${withoutCsp.url}/?vendor=${vendor.id}&visitor=customer`);
      await panelMatching(expect, page, await expectedPanel(vendor, demoContext('customer')));
      const structure = () =>
        page.evaluate(() => {
          const describe = (root: Element | null): string =>
            root === null ? 'missing' : Array.from(root.querySelectorAll('*'), (element) => `${element.tagName}[${element.getAttributeNames().sort().join(' ')}]`).join(',');
          return { embed: describe(document.getElementById('vendor-embed')), scripts: document.scripts.length, head: describe(document.head) };
        });
      const baseline = await structure();
      await page.goto(`${withoutCsp.url}/?vendor=${vendor.id}&visitor=hostile`);
      await panelMatching(expect, page, await expectedPanel(vendor, demoContext('hostile')));
      // The vendor embed has exactly the elements and attributes it has for a harmless visitor, and no <img>.
      expect(await structure()).toEqual(baseline);
      expect(await page.locator('img').count()).toBe(0);
      expect(JSON.parse((await page.locator('#session').textContent()) ?? '')).toEqual(findDemoVisitor('hostile')?.session);
      expect(watch.dialogs).toEqual([]);
      expect(watch.errors).toEqual([]);
      await keepScreenshot(page, `${vendor.id}-hostile`);
    });

    it('updates the widget on login, logout and the next login without a reload (./browser runtime)', async (test) => {
      const { expect } = test;
      const page = await openPage(pages, test);
      const watch = await watchPage(page);
      await page.goto(`${withCsp.url}/spa?vendor=${vendor.id}`);
      await page.locator('#spa[data-ready]').waitFor({ state: 'attached' });
      const marker = await page.evaluate(() => ((window as unknown as { spaMarker: number }).spaMarker = Math.random()));
      await page.click('[data-login="customer"]');
      await page.locator('#spa-status[data-state="applied"][data-visitor="customer"]').waitFor();
      await panelMatching(expect, page, await expectedPanel(vendor, demoContext('customer')));
      await keepScreenshot(page, `${vendor.id}-spa-login`);
      await page.click('[data-logout]');
      await page.locator('#spa-status[data-state="applied"][data-visitor="nobody"]').waitFor();
      // giosg and Genesys log out by removing the data (removeAll, Database.remove); the others apply what the
      // server gives for nobody (Comm100: every variable and form field blanked).
      const loggedOut =
        vendor.id === 'giosg' ? { data: {} } : vendor.id === 'genesys' ? { messengerDatabase: { messaging: {} } } : await expectedPanel(vendor, undefined);
      await panelMatching(expect, page, loggedOut);
      // Logging in again on the same page works after a logout (vendors that merge must not be stuck).
      await page.click('[data-login="customer"]');
      await page.locator('#spa-status[data-state="applied"][data-visitor="customer"]').waitFor();
      await panelMatching(expect, page, await expectedPanel(vendor, demoContext('customer')));
      // Still the same document: nothing reloaded.
      expect(await page.evaluate(() => (window as unknown as { spaMarker: number }).spaMarker)).toBe(marker);
      expect(await watch.violations()).toEqual([]);
      expect(watch.errors).toEqual([]);
    });

    it('receives the vendor payload inbound and shows it on the operator page', async (test) => {
      const { expect } = test;
      // Its own inbox: the row it looks for is the one it posted, whatever else arrives meanwhile.
      const example = await isolatedExample(test, { CSP: 'on' });
      const response = await fetch(`${example.url}/inbound/${vendor.id}`, {
        method: 'POST',
        headers: { 'content-type': vendor.inboundContentType },
        body: vendor.sampleInbound,
      });
      const body = (await response.json()) as { ok: boolean; value: unknown };
      expect(response.status).toBe(200);
      const direct = vendor.id === 'comm100' ? undefined : vendor.fromVendor(vendor.sampleInbound);
      if (direct !== undefined) expect(body).toEqual(direct);
      const page = await openPage(pages, test);
      await page.goto(`${example.url}/operator`);
      const row = page.locator(`#inbox tr[data-vendor="${vendor.id}"] pre[data-context]`).first();
      expect(JSON.parse((await row.textContent()) ?? '')).toEqual(body.value);
      await keepScreenshot(page, `${vendor.id}-operator`);
    });
  });

  describe('inbound endpoints refuse bad input', () => {
    it.for(refusedBodies)('%s %s → %i', async ([type, body, status], test) => {
      const { expect } = test;
      const response = await fetch(`${withCsp.url}/inbound/giosg`, { method: 'POST', headers: { 'content-type': type }, body });
      expect(response.status).toBe(status);
      expect(((await response.json()) as { ok: boolean }).ok).toBe(false);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });

    it('refuses an oversize body before reading it whole', async (test) => {
      const { expect } = test;
      const response = await fetch(`${withCsp.url}/inbound/wxcc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ big: 'x'.repeat(1024 * 1024) }),
      });
      // 413 Payload Too Large, from the body limit every body-reading route has (test/limits.test.ts tests it chunked).
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ ok: false, diagnostics: [{ code: 'too_large' }] });
    });
  });

  describe('the operator page', () => {
    it('lists a posted Comm100 webhook, newest first', async (test) => {
      const { expect } = test;
      const example = await isolatedExample(test, { CSP: 'off' });
      const first = JSON.parse(samples.comm100) as { visitor: Record<string, unknown> };
      const newer = { ...first, visitor: { ...first.visitor, name: 'Newest <b>Visitor</b>' } };
      for (const body of [first, newer]) {
        const response = await fetch(`${example.url}/inbound/comm100`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(response.status).toBe(200);
      }
      const page = await openPage(pages, test);
      const watch = await watchPage(page);
      await page.goto(`${example.url}/operator`);
      const contexts = await page.locator('#inbox tr[data-vendor="comm100"] pre[data-context]').allTextContents();
      expect((JSON.parse(contexts[0]!) as { visitor: { name: string } }).visitor.name).toBe('Newest <b>Visitor</b>');
      expect((JSON.parse(contexts[1]!) as { visitor: { name: string } }).visitor.name).toBe(first.visitor['name']);
      expect(await page.locator('#inbox b').count()).toBe(0);
      expect(watch.dialogs).toEqual([]);
      await keepScreenshot(page, 'operator');
    });
  });

  describe('the translation page', () => {
    it('round-trips a Comm100 webhook to Genesys, showing every step', async (test) => {
      const { expect } = test;
      const page = await openPage(pages, test);
      const watch = await watchPage(page);
      await page.goto(`${withCsp.url}/translate?from=comm100&to=genesys`);
      await page.fill('#payload', samples.comm100);
      await page.click('button[type="submit"]');
      const canonical = JSON.parse((await page.locator('[data-canonical]').textContent()) ?? '');
      const expectedCanonical = comm100Adapter.fromVendor(samples.comm100);
      expect(expectedCanonical.ok && canonical).toEqual(expectedCanonical.ok && expectedCanonical.value);
      const payload = JSON.parse((await page.locator('[data-vendor-payload]').textContent()) ?? '');
      const expectedPayload = genesysAdapter.toVendor(canonical);
      expect(expectedPayload.ok && payload).toEqual(expectedPayload.ok && expectedPayload.value);
      expect(await page.locator('[data-snippet]').textContent()).toContain('Genesys(');
      expect(await page.locator('#step-vendor [data-code]').count()).toBeGreaterThan(0);
      expect(await watch.violations()).toEqual([]);
      await keepScreenshot(page, 'translate');
    });
  });

  describe('the code next to each panel', () => {
    it.for(vendors.map((vendor) => [vendor.id, vendor] as const))('%s: the widget, single-page app, operator and translation pages show the code behind them', async ([, vendor], test) => {
      const { expect } = test;
      const page = await openPage(pages, test);
      const codeOf = async (panel: string): Promise<string[]> => page.locator(`[data-code-panel="${panel}"]`).allTextContents();
      await page.goto(`${withCsp.url}/?vendor=${vendor.id}&visitor=customer`);
      expect(await codeOf('embed')).toEqual([vendor.code.embed]);
      await page.goto(`${withCsp.url}/spa?vendor=${vendor.id}`);
      expect(await codeOf('browser')).toEqual([vendor.code.browser]);
      await page.goto(`${withCsp.url}/operator`);
      expect(await codeOf('inbound')).toContain(vendor.code.inbound);
      await page.goto(`${withCsp.url}/translate?from=${vendor.id}&to=giosg`);
      const [translation] = await codeOf('translate');
      expect(translation).toContain(`${vendor.id}Adapter.fromVendor(`);
      expect(translation).toContain('giosgAdapter.toVendor(');
    });
  });

  describe('push from the server', () => {
    const customer = genesysStandInConversation.participants.find((participant) => participant.purpose === 'customer')!;

    it('pushes the demo visitor from the server to the Genesys and giosg API stand-ins: the browser sends only ids, the page shows the receipts', async (test) => {
      const { expect } = test;
      // Its own server: what the API stand-ins received is read back, so no other push may land in between.
      const example = await isolatedExample(test, { CSP: 'on' });
      const standIn = example.push.standIns.genesys!;
      const page = await openPage(pages, test);
      const watch = await watchPage(page);
      const posted: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') posted.push(request.postData() ?? '');
      });
      await page.goto(`${example.url}/push?visitor=customer`);
      const from = standIn.requests.length;
      await page.click('[data-push-form="genesys"] button[type="submit"]');
      await page.locator('#push-result[data-vendor="genesys"]').waitFor();
      // What the browser sent: the vendor, the visitor's id and the conversation's ids; no context, no credential.
      expect(posted).toHaveLength(1);
      expect(Object.fromEntries(new URLSearchParams(posted[0]))).toEqual({ vendor: 'genesys', visitor: 'customer', conversationId: genesysStandInConversation.id, participantId: '' });
      // What the stand-in received: a token request, the conversation (to find the customer), the attributes.
      const received = standIn.requests.slice(from);
      expect(received.map((request) => `${request.method} ${request.path}`)).toEqual([
        'POST /oauth/token',
        `GET /api/v2/conversations/${genesysStandInConversation.id}`,
        `PATCH /api/v2/conversations/${genesysStandInConversation.id}/participants/${customer.id}/attributes`,
      ]);
      expect(received[2]!.json).toEqual({ attributes: genesysAttributes('customer') });
      const receipt = JSON.parse((await page.locator('[data-push-receipt]').textContent()) ?? '');
      expect(receipt).toMatchObject({ conversationId: genesysStandInConversation.id, participantId: customer.id, participantSource: 'looked-up', attributes: genesysAttributes('customer') });
      // The page shows what the stand-in received, without headers; no credential or token reaches the page.
      const shown = JSON.parse((await page.locator('[data-stand-in-received]').textContent()) ?? '') as { method: string; path: string }[];
      expect(shown.map((request) => `${request.method} ${request.path}`)).toEqual(received.map((request) => `${request.method} ${request.path}`));
      const html = await page.content();
      for (const request of received) expect(html).not.toContain(request.headers['authorization']!.split(' ')[1]!);

      // giosg, from the same page: one POST { key, value } per variable, with the API token.
      const giosg = example.push.standIns.giosg!;
      const giosgFrom = giosg.requests.length;
      await page.click('[data-push-form="giosg"] button[type="submit"]');
      await page.locator('#push-result[data-vendor="giosg"]').waitFor();
      expect(Object.fromEntries(new URLSearchParams(posted[1]))).toEqual({ vendor: 'giosg', visitor: 'customer', ...giosgStandInIds });
      const giosgReceived = giosg.requests.slice(giosgFrom);
      const variablesPath = `/api/v5/orgs/example-organization/rooms/${giosgStandInIds.roomId}/visitors/${giosgStandInIds.visitorId}/variables`;
      expect(giosgReceived.map((request) => `${request.method} ${request.path}`)).toEqual(giosgVariables('customer').map(() => `POST ${variablesPath}`));
      expect(giosgReceived.map((request) => request.json)).toEqual(giosgVariables('customer'));
      expect(JSON.parse((await page.locator('[data-push-receipt]').textContent()) ?? '')).toMatchObject({
        organizationId: 'example-organization',
        ...giosgStandInIds,
        variables: giosgVariables('customer').map(({ key }) => expect.objectContaining({ key, status: 201 })),
      });
      const giosgHtml = await page.content();
      expect(giosgHtml).not.toContain(giosgReceived[0]!.headers['authorization']!.split(' ')[1]!);
      expect(await watch.violations()).toEqual([]);
      expect(watch.errors).toEqual([]);
    });

    it('keeps the hostile visitor literal in the receipt (CSP off), sends its values as they are, and fits 390 px', async (test) => {
      const { expect } = test;
      const example = await isolatedExample(test, { CSP: 'off' });
      const standIn = example.push.standIns.genesys!;
      const page = await openPage(pages, test, phone);
      const watch = await watchPage(page);
      await page.goto(`${example.url}/push?visitor=hostile`);
      const from = standIn.requests.length;
      await page.fill('#genesys-participantId', customer.id);
      await page.click('[data-push-form="genesys"] button[type="submit"]');
      await page.locator('#push-result[data-ok="true"]').waitFor();
      const received = standIn.requests.slice(from);
      expect(received.map((request) => request.method)).toEqual(['POST', 'PATCH']);
      expect(received[1]!.json).toEqual({ attributes: genesysAttributes('hostile') });
      expect(JSON.parse((await page.locator('[data-push-receipt]').textContent()) ?? '')).toMatchObject({ participantSource: 'given', attributes: genesysAttributes('hostile') });
      expect(await page.locator('img').count()).toBe(0);
      expect(watch.dialogs).toEqual([]);
      expect(watch.errors).toEqual([]);
      // The phone check of this page, with the most it ever shows: a result, a receipt and the stand-in's requests.
      expect(await horizontalOverflow(page)).toEqual({ width: 390, scrollWidth: 390, wider: [] });
      await keepScreenshot(page, 'narrow-push-hostile');
    });

    it('reports what the vendor or the adapter refused, and refuses a form without its ids or from another site (no browser needed)', async (test) => {
      const { expect } = test;
      const example = await isolatedExample(test, { CSP: 'on' });
      const standIn = example.push.standIns.genesys!;
      const post = (fields: Record<string, string>, origin = example.url) =>
        fetch(`${example.url}/push`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin }, body: new URLSearchParams(fields) });
      const from = standIn.requests.length;
      const notAnId = await post({ vendor: 'genesys', visitor: 'customer', conversationId: '../../users' });
      expect(notAnId.status).toBe(200);
      const notAnIdPage = await notAnId.text();
      expect(notAnIdPage).toContain('data-ok="false"');
      expect(notAnIdPage).toContain('data-code="invalid_option"');
      expect(standIn.requests.length).toBe(from);
      const missing = await post({ vendor: 'genesys', visitor: 'customer', conversationId: '  ' });
      expect(missing.status).toBe(422);
      expect(await missing.text()).toContain('data-code="missing_id"');
      // An unknown conversation: Genesys' 404 comes back as not_found with its correlation id.
      const unknown = await post({ vendor: 'genesys', visitor: 'customer', conversationId: '00000000-0000-4000-8000-000000000000' });
      const unknownPage = await unknown.text();
      expect(unknownPage).toContain('data-code="not_found"');
      expect(unknownPage).toContain('HTTP 404');
      expect((await post({ vendor: 'nobody' })).status).toBe(404);
      // Another site cannot make a visitor's browser push with the server's credentials.
      const before = standIn.requests.length;
      const crossSite = await post({ vendor: 'genesys', visitor: 'customer', conversationId: genesysStandInConversation.id }, 'https://attacker.example');
      expect(crossSite.status).toBe(403);
      expect(standIn.requests.length).toBe(before);
    });
  });

  describe('at 390 px wide (a phone)', () => {
    it.for(['/?vendor=comm100&visitor=hostile', '/spa?vendor=genesys', '/operator', '/translate?from=comm100&to=wxcc'])('%s has no horizontal overflow', async (path, test) => {
      const { expect } = test;
      const example = path === '/operator' ? await exampleWithFullInbox(test) : withCsp;
      const page = await openPage(pages, test, phone);
      await page.goto(`${example.url}${path}`);
      if (path.startsWith('/translate')) {
        await page.fill('#payload', samples.comm100);
        await page.click('button[type="submit"]');
        await page.locator('[data-snippet]').waitFor();
      }
      if (path.startsWith('/spa')) {
        await page.locator('#spa[data-ready]').waitFor({ state: 'attached' });
        await page.click('[data-login="hostile"]');
        await page.locator('#spa-status[data-state]').waitFor();
      }
      const overflow = await horizontalOverflow(page);
      expect(overflow.width).toBe(390);
      expect(overflow).toEqual({ width: 390, scrollWidth: 390, wider: [] });
      await keepScreenshot(page, `narrow-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}`);
    });
  });

  describe('the operator page, paginated', () => {
    it('shows ten entries a page, newest first, with links to older and newer pages', async (test) => {
      const { expect } = test;
      const server = await isolatedExample(test, { CSP: 'on' });
        const first = JSON.parse(samples.comm100) as { visitor: Record<string, unknown> };
        for (let index = 0; index < 23; index += 1) {
          const body = { ...first, visitor: { ...first.visitor, name: `Visitor ${index}` } };
          const response = await fetch(`${server.url}/inbound/comm100`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          expect(response.status).toBe(200);
        }
        const page = await openPage(pages, test);
        const names = async (): Promise<string[]> =>
          (await page.locator('#inbox pre[data-context]').allTextContents()).map((text) => (JSON.parse(text) as { visitor: { name: string } }).visitor.name);
        await page.goto(`${server.url}/operator`);
        expect(await names()).toEqual(Array.from({ length: 10 }, (_, at) => `Visitor ${22 - at}`));
        expect(await page.locator('[data-page]').first().getAttribute('data-pages')).toBe('3');
        await page.locator('a[rel="next"]').first().click();
        expect(await names()).toEqual(Array.from({ length: 10 }, (_, at) => `Visitor ${12 - at}`));
        await page.locator('a[rel="next"]').first().click();
        expect(await names()).toEqual(['Visitor 2', 'Visitor 1', 'Visitor 0']);
        expect(await page.locator('a[rel="next"]').count()).toBe(0);
        await page.locator('a[rel="prev"]').first().click();
        expect(await page.locator('[data-page]').first().getAttribute('data-page')).toBe('2');
    });

    it('keeps the inbox within INBOX_MAX_BYTES however large the payloads', async (test) => {
      const { expect } = test;
      const server = await isolatedExample(test, { INBOX_MAX_BYTES: String(32 * 1024) });
        const first = JSON.parse(samples.comm100) as { visitor: Record<string, unknown> };
        for (let index = 0; index < 12; index += 1) {
          const body = { ...first, visitor: { ...first.visitor, name: `Visitor ${index}`, email: `v${index}@example.com` }, padding: 'x'.repeat(60 * 1024) };
          await fetch(`${server.url}/inbound/comm100`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        }
        const page = await openPage(pages, test);
        await page.goto(`${server.url}/operator`);
        const contexts = await page.locator('#inbox pre[data-context]').allTextContents();
        const omitted = await page.locator('#inbox [data-omitted-context]').count();
        // Every row kept, its context shown or its size stated; the contexts shown fit in the bound together.
        expect(contexts.length + omitted).toBeGreaterThan(0);
        expect(Buffer.byteLength(contexts.join(''), 'utf8')).toBeLessThanOrEqual(32 * 1024);
        const newest = page.locator('#inbox tbody tr').first();
        if ((await newest.locator('pre[data-context]').count()) === 1) {
          expect((JSON.parse((await newest.locator('pre[data-context]').textContent()) ?? '') as { visitor: { name: string } }).visitor.name).toBe('Visitor 11');
        }
        expect(await page.locator('#inbox tbody tr').count()).toBeLessThan(12);
    });
  });
});
