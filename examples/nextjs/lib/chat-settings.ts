import type { VisitorContext } from '@visitor-context/core';

/** Your Comm100 installation code's values (Live Chat → Installation), from the environment. */
export function comm100Settings(env: Record<string, string | undefined> = process.env): { siteId: number; campaignId: string } {
  return { siteId: Number(env['COMM100_SITE_ID'] ?? 10100116), campaignId: env['COMM100_CAMPAIGN_ID'] ?? 'c9e91d04-3774-4470-b84d-6bc00874fe9d' };
}

/** Who is signed in: replace with your session lookup (next-auth, iron-session, your own cookie…). */
export function lookUpSession(request: Request): unknown {
  const signedIn = /(?:^|;\s*)session=demo(?:;|$)/.test(request.headers.get('cookie') ?? '');
  return signedIn ? { visitor: { id: 'c-1001', name: 'Ada Lovelace', email: 'ada@example.com' }, attributes: { plan: 'pro' } } : undefined;
}

/** Where a webhook's visitor context goes: replace with your CRM or database. */
export const receivedContexts: { context: VisitorContext; event: string }[] = [];
export async function saveVisitorContext(context: VisitorContext, event: string): Promise<void> {
  receivedContexts.push({ context, event });
  if (receivedContexts.length > 100) receivedContexts.shift();
}
