import type { VisitorContext } from '@visitor-context/core';

/** A signed-in shopper, as a website knows them. */
export const shopper = {
  visitor: { id: 'u-42', name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000', company: 'Analytical Engines Ltd', locale: 'en-GB' },
  attributes: { plan: 'pro', cart_total: 129.9, returning: true },
  page: { url: 'https://shop.example.com/checkout', title: 'Checkout' },
} satisfies VisitorContext;

/** A visitor known only by first and last name. */
export const namedInParts = {
  visitor: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' },
} satisfies VisitorContext;

/** Hostile values in every position the snippet renders. */
export const hostile = {
  visitor: { name: '</script><script>alert(1)</script>', email: 'x@example.com' },
  attributes: { '"><img src=x onerror=alert(1)>': '<!--<script>', plan: '\u2028\u2029</SCRIPT >' },
} satisfies VisitorContext;
