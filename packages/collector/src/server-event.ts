import type { IncomingMessage } from 'node:http';
import { uuidv7, validateEvent, type EmailInfo } from '@touchpoint/protocol';
import { clientIp } from './client-ip.js';
import type { Context } from './context.js';
import type { StoredEvent } from './sink.js';
import { unstorable } from './storable.js';
import { MAX_RECIPIENT_LENGTH } from './url-builders.js';

/** Reads campaign, message and recipient from a query. A recipient that looks like an email address is dropped. */
export function emailFromQuery(params: URLSearchParams): EmailInfo {
  const email: EmailInfo = {};
  for (const key of ['campaign', 'message', 'recipient'] as const) {
    const value = params.get(key);
    if (value) email[key] = value;
  }
  if (email.recipient && (email.recipient.includes('@') || email.recipient.length > MAX_RECIPIENT_LENGTH)) {
    delete email.recipient;
  }
  return email;
}

/**
 * The envelope of an event the collector makes itself (email open, click redirect), where no browser
 * supplied ids. `anonymousId` is `recipient:<recipient id>` when the URL names a recipient, so all opens
 * and clicks of one recipient form one journey, else `server:<event id>`; `sessionId` is the event's own
 * id. A click joins the web session through `tp_click`, not through these ids.
 */
export function serverEnvelope(recipient: string | undefined, now: number) {
  const id = uuidv7(now);
  return {
    id,
    ts: now,
    anonymousId: recipient ? `recipient:${recipient}` : `server:${id}`,
    sessionId: id,
  };
}

/** Validates a server-made event like any client event; returns the reason when it is not storable. */
export function checkServerEvent(
  event: Record<string, unknown>,
  maxStringLength: number,
): string | undefined {
  const result = validateEvent(event, 0, { maxStringLength });
  return result.ok ? unstorable(event) : result.rejection.reason;
}

/**
 * Stores an event the collector made (pixel open, redirect click) with its receive time and the
 * configured IP handling. Returns false when the sink failed: the caller still answers the visitor
 * (the email still shows, the link still lands), and the failure is counted as a sink error.
 */
export async function storeServerEvent(
  ctx: Context,
  req: IncomingMessage,
  event: Record<string, unknown>,
  now: number,
): Promise<boolean> {
  const stored = { ...event, receivedAt: now, clientTs: now } as StoredEvent;
  const ip = clientIp(req, ctx.options.ip, ctx.options.trustProxy);
  if (ip) stored.ip = ip;
  try {
    await ctx.store([stored]);
    return true;
  } catch {
    return false;
  }
}
