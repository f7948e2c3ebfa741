/**
 * The demo "sessions": what a website's own login would know about each visitor. The server builds the
 * canonical context from these and validates it like any real app would.
 */
export interface DemoVisitor {
  readonly id: string;
  readonly label: string;
  /** What the site's session holds; deliberately not typed as VisitorContext: it is validated at runtime. */
  readonly session: unknown;
}

export const demoVisitors: readonly DemoVisitor[] = [
  { id: 'anonymous', label: 'Anonymous visitor', session: { page: { url: 'http://localhost/', title: 'Home' } } },
  {
    id: 'customer',
    label: 'Logged-in customer (full profile)',
    session: {
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
      attributes: { plan: 'pro', seats: 12, vip: true, lastOrder: 'SO-2026-0042' },
      page: { url: 'http://localhost/account', title: 'Your account' },
    },
  },
  {
    id: 'hostile',
    label: 'Hostile visitor (XSS and Unicode edge cases)',
    session: {
      visitor: {
        id: '"><img src=x onerror=alert(1)>',
        name: '</script><script>alert("name")</script> Zoë \u2028 Ünal',
        email: "o'brien+test@example.com",
        phone: "' onmouseover='alert(1)",
        company: '<!--<script>alert(1)//',
        locale: 'tr-TR İı',
      },
      attributes: {
        note: '<img src=x onerror=alert("note")>&amp;\u2029',
        'plan"><script>alert(1)</script>': 'x',
        emoji: '👩‍👩‍👧‍👦 \ud83d\ude00',
        quote: `it's "quoted" \\ back\\slash`,
      },
    },
  },
];

export function findDemoVisitor(id: string | undefined): DemoVisitor | undefined {
  return demoVisitors.find((visitor) => visitor.id === id);
}
