import type { VisitorContext } from '@visitor-context/core';

/**
 * The canonical contexts the install test, the bundle budgets and the benchmarks feed every adapter. They are
 * built as plain data (no core call), so the benchmarks measure only the work they name.
 */

/** A visitor known by an id only: the smallest useful context. */
export const minimalContext: VisitorContext = { visitor: { id: 'c-1001' } };

/** What a shop typically knows about a signed-in customer. */
export const typicalContext: VisitorContext = {
  visitor: {
    id: 'c-1001',
    name: 'Ada Lovelace',
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    phone: '+44 20 7946 0000',
    company: 'Analytical Engines Ltd',
    locale: 'en-GB',
  },
  attributes: { plan: 'pro', seats: 12, returning: true, lastOrder: 'ORD-20261122', cartTotal: 129.9 },
  page: { url: 'https://shop.example.com/checkout?step=2', title: 'Checkout' },
};

/**
 * Every canonical field filled and the attribute count at core's limit (200), with long values: about 25 KB of
 * JSON, near core's 32 KiB total limit.
 */
export const maximalContext: VisitorContext = {
  visitor: { ...typicalContext.visitor, name: 'Ada Augusta King, Countess of Lovelace' },
  attributes: Object.fromEntries(
    Array.from({ length: 200 }, (_, index) => {
      const value = index % 3 === 0 ? index * 1.5 : index % 3 === 1 ? `value ${index} `.repeat(30).trim() : index % 2 === 0;
      return [`attribute_${String(index).padStart(3, '0')}`, value];
    }),
  ),
  page: {
    url: `https://shop.example.com/catalogue/${'category/'.repeat(20)}item?ref=${'r'.repeat(200)}`,
    title: 'A long product page title '.repeat(6).trim(),
    referrer: 'https://search.example.net/?q=analytical+engine+spare+parts',
    landingPage: 'https://shop.example.com/',
    searchKeywords: 'analytical engine spare parts',
  },
  device: {
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    browser: 'Chrome 156',
    os: 'Linux',
    screenResolution: '2560x1440',
    language: 'en-GB',
    timeZone: 'Europe/London',
    ip: '203.0.113.42',
  },
  location: { city: 'London', region: 'England', country: 'GB' },
};

/** Markup breakers and line terminators that inline scripts must escape. */
const breakers = '</script><!--<script>\u2028\u2029"\'&<>';

/**
 * Hostile text in every string the adapters render (`<`, `</script>`, U+2028/U+2029, quotes), but valid:
 * measures the escaping path of snippet rendering.
 */
export const hostileTextContext: VisitorContext = {
  visitor: { id: `c-1001${breakers}`, name: `Ada ${breakers.repeat(4)}`, email: 'ada@example.com', company: breakers.repeat(8) },
  attributes: Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`note_${index}`, `<${breakers.repeat(4)}`])),
  page: { url: 'https://shop.example.com/?q=%3C%2Fscript%3E', title: `<title>${breakers}` },
};

/**
 * The hostile text plus prototype-pollution keys (`__proto__`, `constructor`, `prototype`), made as own data
 * properties the way `JSON.parse` makes them. Core refuses such keys anywhere, so this measures rejection.
 */
export const hostileContext: VisitorContext = JSON.parse(
  JSON.stringify(hostileTextContext).replace(
    '"attributes":{',
    '"attributes":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":"x",',
  ),
) as VisitorContext;

/** The inputs every benchmark and size check runs, by name. */
export const sampleContexts: Readonly<Record<'minimal' | 'typical' | 'maximal' | 'hostile' | 'hostile text', VisitorContext>> = {
  minimal: minimalContext,
  typical: typicalContext,
  maximal: maximalContext,
  hostile: hostileContext,
  'hostile text': hostileTextContext,
};
