import type { IncomingMessage, ServerResponse } from 'node:http';
import { validate, type BatchResponse, type Rejection, type TouchpointEvent } from '@touchpoint/protocol';
import { clientIp } from './client-ip.js';
import { correctTs, tsOutOfRange } from './clock.js';
import type { Context } from './context.js';
import { replyError, replyJson } from './http-reply.js';
import { BodyError, readBody } from './read-body.js';
import type { StoredEvent } from './sink.js';
import { unstorable } from './storable.js';
import { writeKeyAllowed } from './write-key.js';

const utf8 = new TextDecoder();

/** How long a client should wait before retrying after a sink failure, seconds. */
const SINK_RETRY_AFTER_S = 5;
const BODY_TYPES = new Set(['application/json', 'text/plain', '']);

/**
 * `POST /v1/batch`: parse, validate each event, correct clocks, store new ids, answer
 * `{ accepted, duplicates, rejected }`. A bad event is rejected alone; only an unusable body gets a 4xx.
 */
export async function handleBatch(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const { options, metrics } = ctx;
  const refuse = (status: number, message: string, headers: Record<string, string> = {}): void => {
    metrics.counters.refusedRequests++;
    replyError(res, status, message, headers);
  };
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (!BODY_TYPES.has(type)) {
    req.resume();
    return refuse(415, `unsupported content-type "${type}": send application/json or text/plain`);
  }
  let raw: Buffer;
  try {
    raw = await readBody(req, options.maxBodyBytes, options.requestTimeoutMs);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    return refuse(error.status, error.message, error.close ? { connection: 'close' } : {});
  }
  const receivedAt = options.now();
  let body: unknown;
  try {
    // TextDecoder drops a leading byte-order mark, which some senders (.NET, PowerShell) write.
    body = JSON.parse(utf8.decode(raw));
  } catch {
    return refuse(400, 'the body is not valid JSON: send {"v":1,"events":[...]}');
  }
  const fields =
    typeof body === 'object' && body !== null ? (body as { writeKey?: unknown; events?: unknown }) : {};
  const bodyKey = fields.writeKey;
  const key = url.searchParams.get('key') ?? (typeof bodyKey === 'string' ? bodyKey : undefined);
  if (!writeKeyAllowed(key, options.writeKeys)) {
    return refuse(401, 'missing or unknown write key: add ?key=<your write key> to the endpoint URL');
  }
  const events = fields.events;
  if (Array.isArray(events) && events.length > options.maxEventsPerBatch) {
    return refuse(
      413,
      `a batch may hold at most ${options.maxEventsPerBatch} events; it held ${events.length}: split it`,
    );
  }
  const result = validate(body, {
    maxEvents: options.maxEventsPerBatch,
    maxStringLength: options.maxStringLength,
  });
  if (!result.ok) return refuse(400, result.error);

  const ip = clientIp(req, options.ip, options.trustProxy);
  const toStore: StoredEvent[] = [];
  // Of an id repeated in the batch, the first copy that can be stored is kept. Not validate()'s
  // `accepted`, which keeps the first valid copy even when it cannot be stored here. Every copy is
  // checked: one that cannot be stored is rejected, whether it comes before or after the kept one.
  const seen = new Set<string>();
  const unstored: Rejection[] = [];
  for (const checked of result.results) {
    if (!checked.ok) continue;
    const event = checked.event;
    // Checked before serializing: a deeply nested extra field must not blow the stack.
    const reason = unstorable(event) ?? oversized(event, options.maxEventBytes);
    if (reason) {
      unstored.push({ id: event.id, reason });
      continue;
    }
    const sentAt = options.clockCorrection ? result.sentAt : undefined;
    const stored = toStoredEvent(event, receivedAt, sentAt, ip, options.clockCorrection);
    // A wild sentAt or ts would overflow a database timestamp and fail the whole batch on every retry.
    const outOfRange = tsOutOfRange(stored.ts);
    if (outOfRange) {
      unstored.push({ id: event.id, reason: outOfRange });
      continue;
    }
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    toStore.push(stored);
  }
  // As the protocol defines the answer (and validate() gives it): a copy that fails validation or cannot be
  // stored is rejected, even when another copy of its id is stored; only valid copies are duplicates.
  const rejected = [...result.rejected, ...unstored];
  const copies = result.results.length - rejected.length;
  metrics.counters.rejected += rejected.length;
  let inserted: number;
  try {
    inserted = await ctx.store(toStore);
  } catch {
    return refuse(503, 'the store is unavailable; retry later', {
      'retry-after': String(SINK_RETRY_AFTER_S),
    });
  }
  metrics.counters.duplicates += copies - toStore.length;
  metrics.counters.batches++;
  const answer: BatchResponse = { accepted: inserted, duplicates: copies - inserted, rejected };
  replyJson(res, 200, answer);
}

function oversized(event: TouchpointEvent, maxBytes: number): string | undefined {
  const size = Buffer.byteLength(JSON.stringify(event));
  return size > maxBytes ? `the event is ${size} bytes; the limit is ${maxBytes}` : undefined;
}

/** Adds the server's view (receive time, corrected time, IP) to a validated event. */
export function toStoredEvent(
  event: TouchpointEvent,
  receivedAt: number,
  sentAt: number | undefined,
  ip: string | undefined,
  correct: boolean,
): StoredEvent {
  const stored: StoredEvent = {
    ...event,
    ts: correct ? correctTs(event.ts, sentAt, receivedAt) : event.ts,
    receivedAt,
    clientTs: event.ts,
  };
  if (ip !== undefined) stored.ip = ip;
  else delete stored.ip;
  return stored;
}
