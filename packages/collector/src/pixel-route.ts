import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from './context.js';
import { checkServerEvent, emailFromQuery, serverEnvelope, storeServerEvent } from './server-event.js';
import { verifyParams } from './signature.js';

/** The smallest transparent 1×1 GIF (43 bytes). */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

function sendGif(res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'image/gif',
    'content-length': GIF.length,
    // Every open must reach us: no caching by the mail client or a proxy.
    'cache-control': 'no-store, no-cache, must-revalidate, private',
  });
  res.end(GIF);
}

/**
 * `GET /v1/p.gif?campaign=&message=&recipient=&sig=`: records an `email_open`, always answers the GIF
 * (an email never shows a broken image). With a `redirectSecret`, only signed pixels are recorded.
 */
export async function handlePixel(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const { options, metrics } = ctx;
  if (req.method === 'HEAD') return sendGif(res);
  if (options.redirectSecret && !verifyParams('p.gif', url.searchParams, options.redirectSecret)) {
    metrics.counters.refusedRequests++;
    return sendGif(res);
  }
  const email = emailFromQuery(url.searchParams);
  const now = options.now();
  const event = { ...serverEnvelope(email.recipient, now), type: 'email_open' as const, email };
  if (checkServerEvent(event, options.maxStringLength)) {
    metrics.counters.refusedRequests++;
    return sendGif(res);
  }
  if (await storeServerEvent(ctx, req, event, now)) metrics.counters.pixelOpens++;
  sendGif(res);
}
