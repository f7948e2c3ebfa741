import { comm100WebhookStatus, handleComm100Webhook } from '@visitor-context/comm100';
import { saveVisitorContext } from '../../../../lib/chat-settings';

// Node.js runtime; the handler also runs on the Edge runtime (it only needs web Request/Response).
export const runtime = 'nodejs';

/** Comm100's webhook (Settings → Webhooks → `https://your.site/api/webhooks/comm100`). */
export async function POST(request: Request): Promise<Response> {
  // Checks content type, streams at most 256 KiB (chunked or not), parses safely, translates; never throws.
  const webhook = await handleComm100Webhook(request, { maxBodyBytes: 256 * 1024 });
  if (webhook.ok) await saveVisitorContext(webhook.value.context, webhook.value.event.event);
  // Comm100 retries anything but 200; webhook.diagnostics says what was kept in vendor.comm100, and why.
  return Response.json(webhook, { status: comm100WebhookStatus(webhook) });
}
