// Canonical contexts every adapter translates and every snippet renders, in addition to the canonical contexts
// found among the adapters' fixtures: one that fills every section, one with hostile text in every position a
// snippet writes, and one that is empty.

export const sampleContexts = {
  'every-section': {
    visitor: {
      id: 'u-1001',
      name: 'Ada Lovelace',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      company: 'Analytical Engines Ltd',
      locale: 'en-GB',
    },
    attributes: { plan: 'pro', cart_total: 129.9, returning: true, 'Order Number': 'A-1001', 'ünïcödé': '日本語 🚀' },
    page: { url: 'https://shop.example/checkout?step=2', title: 'Checkout', referrer: 'https://search.example/', landingPage: 'https://shop.example/', searchKeywords: 'engines' },
    device: { userAgent: 'Mozilla/5.0', browser: 'Firefox', os: 'Linux', screenResolution: '1920x1080', language: 'en-GB', timeZone: 'Europe/London', ip: '203.0.113.7' },
    location: { city: 'London', region: 'England', country: 'GB' },
  },
  'hostile-text': {
    visitor: { name: '</script><script>alert(1)</script>', email: 'x@example.com', company: '<!--<script>' },
    attributes: { '"><img src=x onerror=alert(1)>': "'; alert(1); //", plan: '\u2028\u2029</SCRIPT >', nul: 'a\u0000b', lone: '\ud800' },
    page: { url: 'javascript:alert(1)', title: '${alert(1)}`' },
  },
  empty: {},
};
