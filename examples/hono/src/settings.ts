import type { ChatAppOptions } from './app.js';

/** The demo signed-in visitor: what your own session would know. */
const demoSession = {
  visitor: { id: 'c-1001', name: 'Ada Lovelace', email: 'ada@example.com' },
  attributes: { plan: 'pro' },
};

/** Settings from the environment, with a demo visitor for requests carrying the cookie `session=demo`. */
export function readChatAppOptions(env: Record<string, string | undefined> = process.env): ChatAppOptions {
  return {
    comm100: { siteId: Number(env['COMM100_SITE_ID'] ?? 10100116), campaignId: env['COMM100_CAMPAIGN_ID'] ?? 'c9e91d04-3774-4470-b84d-6bc00874fe9d' },
    onVisitorContext: (context, event) => console.log(`comm100 ${event}:`, JSON.stringify(context)),
    lookUpSession: (request) => (/(?:^|;\s*)session=demo(?:;|$)/.test(request.headers.get('cookie') ?? '') ? demoSession : undefined),
  };
}
