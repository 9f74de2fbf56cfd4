import { EVENT_TYPES, type EventType, type TouchpointEvent } from './event.js';
import { PROTOCOL_VERSION, type Rejection } from './batch.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_EVENTS, DEFAULT_MAX_STRING_LENGTH } from './limits.js';

/** Limits applied by {@link validate}. Collectors may tighten them. */
export interface ValidateOptions {
  /** Most events one batch may hold. @default 1000 */
  maxEvents?: number;
  /** Longest string allowed in any field, in UTF-16 code units. @default 8192 */
  maxStringLength?: number;
  /** Deepest nesting allowed inside `props` and `traits`. @default 8 */
  maxDepth?: number;
}

/** Ids (anonymous, session, user, order) are short by nature; a long one is a bug or an attack. */
const MAX_ID_LENGTH = 256;

export type EventResult = { ok: true; event: TouchpointEvent } | { ok: false; rejection: Rejection };

/**
 * The outcome of validating a batch body. `ok: false` means the body itself is unusable (answer 400);
 * otherwise each event has its own result: a bad event is rejected alone, the rest are accepted.
 */
export type ValidationResult =
  | { ok: true; accepted: TouchpointEvent[]; rejected: Rejection[]; results: EventResult[]; sentAt?: number }
  | { ok: false; error: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const CURRENCY = /^[A-Z]{3}$/;
const EVENT_TYPE_SET: ReadonlySet<string> = new Set(EVENT_TYPES);
const VITAL_NAMES: ReadonlySet<string> = new Set(['LCP', 'INP', 'CLS', 'FCP', 'TTFB']);

/** Thrown inside the checker to reject one event with a reason. */
class Invalid extends Error {}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Limits {
  maxStringLength: number;
  maxDepth: number;
}

function fail(reason: string): never {
  throw new Invalid(reason);
}

function string(
  obj: Record<string, unknown>,
  key: string,
  limits: Limits,
  required: boolean,
  max = limits.maxStringLength,
): void {
  const value = obj[key];
  if (value === undefined) {
    if (required) fail(`missing required field "${key}"`);
    return;
  }
  if (typeof value !== 'string') fail(`"${key}" must be a string`);
  if (required && value.length === 0) fail(`"${key}" must not be empty`);
  if (value.length > max) fail(`"${key}" is longer than ${max} characters`);
}

function number(obj: Record<string, unknown>, key: string, required: boolean): void {
  const value = obj[key];
  if (value === undefined) {
    if (required) fail(`missing required field "${key}"`);
    return;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`"${key}" must be a finite number`);
}

/** Checks free-form JSON (props, traits) for depth and string length. */
function json(value: unknown, path: string, limits: Limits, depth: number): void {
  if (depth > limits.maxDepth) fail(`"${path}" is nested deeper than ${limits.maxDepth} levels`);
  if (typeof value === 'string') {
    if (value.length > limits.maxStringLength)
      fail(`"${path}" is longer than ${limits.maxStringLength} characters`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => json(item, `${path}[${i}]`, limits, depth + 1));
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      if (key.length > limits.maxStringLength) fail(`a key in "${path}" is too long`);
      json(value[key], `${path}.${key}`, limits, depth + 1);
    }
  } else if (typeof value === 'number' && !Number.isFinite(value)) {
    fail(`"${path}" must be a finite number`);
  }
}

function object(
  obj: Record<string, unknown>,
  key: string,
  required: boolean,
): Record<string, unknown> | undefined {
  const value = obj[key];
  if (value === undefined) {
    if (required) fail(`missing required field "${key}"`);
    return undefined;
  }
  if (!isObject(value)) fail(`"${key}" must be an object`);
  return value;
}

function freeForm(obj: Record<string, unknown>, key: string, limits: Limits): void {
  const value = object(obj, key, false);
  if (value) json(value, key, limits, 1);
}

function campaignFields(campaign: Record<string, unknown>, limits: Limits): void {
  for (const key of ['source', 'medium', 'campaign', 'term', 'content', 'id'])
    string(campaign, key, limits, false);
  const clickId = object(campaign, 'clickId', false);
  if (clickId) {
    string(clickId, 'name', limits, true, MAX_ID_LENGTH);
    string(clickId, 'value', limits, true);
  }
}

function pageContext(page: Record<string, unknown>, limits: Limits): void {
  string(page, 'url', limits, true);
  string(page, 'path', limits, true);
  string(page, 'title', limits, false);
  string(page, 'referrer', limits, false);
}

function adInfo(event: Record<string, unknown>, limits: Limits): void {
  const ad = object(event, 'ad', true)!;
  string(ad, 'id', limits, true, MAX_ID_LENGTH);
  for (const key of ['campaign', 'creative', 'placement', 'network']) string(ad, key, limits, false);
}

function emailInfo(event: Record<string, unknown>, limits: Limits): void {
  const email = object(event, 'email', true)!;
  for (const key of ['campaign', 'message', 'recipient']) string(email, key, limits, false);
}

/** Type-specific checks, one entry per event type. */
const checkType: Record<EventType, (event: Record<string, unknown>, limits: Limits) => void> = {
  page(event, limits) {
    pageContext(object(event, 'page', true)!, limits);
    const touch = object(event, 'touchpoint', false);
    if (touch) {
      string(touch, 'kind', limits, true, MAX_ID_LENGTH);
      string(touch, 'channel', limits, true, MAX_ID_LENGTH);
      campaignFields(touch, limits);
    }
  },
  track(event, limits) {
    string(event, 'name', limits, true, MAX_ID_LENGTH);
  },
  identify(event, limits) {
    string(event, 'userId', limits, true, MAX_ID_LENGTH);
    freeForm(event, 'traits', limits);
  },
  conversion(event, limits) {
    string(event, 'name', limits, true, MAX_ID_LENGTH);
    number(event, 'value', false);
    string(event, 'currency', limits, false);
    if (event.currency !== undefined && !CURRENCY.test(event.currency as string)) {
      fail(`"currency" must be a three-letter ISO 4217 code such as "EUR"`);
    }
    string(event, 'orderId', limits, false, MAX_ID_LENGTH);
    freeForm(event, 'journal', limits);
  },
  ad_impression(event, limits) {
    adInfo(event, limits);
    number(event, 'visibleMs', false);
  },
  ad_click(event, limits) {
    adInfo(event, limits);
    string(event, 'impressionId', limits, false, MAX_ID_LENGTH);
    string(event, 'target', limits, false);
  },
  share(event, limits) {
    string(event, 'network', limits, true, MAX_ID_LENGTH);
    string(event, 'url', limits, false);
  },
  survey(event, limits) {
    string(event, 'question', limits, true);
    string(event, 'answer', limits, true);
    string(event, 'channel', limits, false, MAX_ID_LENGTH);
  },
  vitals(event, limits) {
    string(event, 'pageId', limits, true, MAX_ID_LENGTH);
    const metrics = event.metrics;
    if (!Array.isArray(metrics) || metrics.length === 0) fail(`"metrics" must be a non-empty array`);
    for (const metric of metrics) {
      if (!isObject(metric) || !VITAL_NAMES.has(metric.name as string)) {
        fail(`each metric needs a "name" of LCP, INP, CLS, FCP or TTFB`);
      }
      number(metric, 'value', true);
      string(metric, 'rating', limits, false, 32);
    }
  },
  email_open(event, limits) {
    emailInfo(event, limits);
  },
  email_click(event, limits) {
    emailInfo(event, limits);
    string(event, 'target', limits, true);
  },
};

/**
 * Validates one event. Unknown extra fields are kept (forward compatibility); the event's id is
 * lower-cased so that backends can deduplicate on the exact string.
 */
export function validateEvent(input: unknown, index: number, options: ValidateOptions = {}): EventResult {
  const limits: Limits = {
    maxStringLength: options.maxStringLength ?? DEFAULT_MAX_STRING_LENGTH,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
  };
  const id =
    isObject(input) && typeof input.id === 'string' && UUID.test(input.id)
      ? input.id.toLowerCase()
      : undefined;
  try {
    if (!isObject(input)) fail('an event must be a JSON object');
    if (typeof input.id !== 'string') fail('missing required field "id" (a uuid v7 string)');
    if (!id) fail('"id" must be a uuid (version 7 recommended, e.g. "0190b5d2-6c2e-7b3a-9f1e-2d4c6b8a0e1f")');
    if (typeof input.type !== 'string' || !EVENT_TYPE_SET.has(input.type)) {
      fail(`"type" must be one of ${EVENT_TYPES.join(', ')}`);
    }
    number(input, 'ts', true);
    if ((input.ts as number) <= 0) fail('"ts" must be epoch milliseconds');
    string(input, 'anonymousId', limits, true, MAX_ID_LENGTH);
    string(input, 'sessionId', limits, true, MAX_ID_LENGTH);
    string(input, 'userId', limits, false, MAX_ID_LENGTH);
    const page = object(input, 'page', false);
    if (page) pageContext(page, limits);
    const campaign = object(input, 'campaign', false);
    if (campaign) campaignFields(campaign, limits);
    freeForm(input, 'props', limits);
    checkType[input.type as EventType](input, limits);
    return { ok: true, event: { ...input, id } as unknown as TouchpointEvent };
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    // Name the event the way its sender did, so it can match the rejection to what it sent.
    const given =
      isObject(input) && typeof input.id === 'string' && input.id.length <= MAX_ID_LENGTH ? input.id : '';
    return { ok: false, rejection: { id: id ?? (given || `#${index}`), reason: error.message } };
  }
}

/**
 * Validates a `POST /v1/batch` body (already parsed from JSON). Returns per-event results: a bad event
 * is rejected alone with a reason, and the rest are accepted. `ok: false` only when the body as a
 * whole is unusable.
 *
 * @example
 * const result = validate(JSON.parse(body));
 * if (!result.ok) return respond(400, { error: result.error });
 * store(result.accepted); // then answer { accepted, duplicates, rejected: result.rejected }
 */
export function validate(body: unknown, options: ValidateOptions = {}): ValidationResult {
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  if (!isObject(body)) return { ok: false, error: 'the body must be a JSON object with an "events" array' };
  if (body.v !== PROTOCOL_VERSION) {
    return {
      ok: false,
      error: `unsupported protocol version ${JSON.stringify(body.v)}: send "v": ${PROTOCOL_VERSION}`,
    };
  }
  if (!Array.isArray(body.events)) return { ok: false, error: 'the body must have an "events" array' };
  if (body.events.length > maxEvents) {
    return {
      ok: false,
      error: `a batch may hold at most ${maxEvents} events; it held ${body.events.length}`,
    };
  }
  if (body.sentAt !== undefined && (typeof body.sentAt !== 'number' || !Number.isFinite(body.sentAt))) {
    return { ok: false, error: '"sentAt" must be epoch milliseconds' };
  }
  // As the JSON Schema says: a backend checking keys must not meet a number or an object there.
  if (body.writeKey !== undefined && typeof body.writeKey !== 'string') {
    return { ok: false, error: '"writeKey" must be a string (or send it as ?key=)' };
  }
  const results = body.events.map((event, index) => validateEvent(event, index, options));
  const accepted: TouchpointEvent[] = [];
  const rejected: Rejection[] = [];
  const seen = new Set<string>();
  for (const result of results) {
    if (!result.ok) rejected.push(result.rejection);
    // The same id twice in one batch is a resend, not a second event.
    else if (!seen.has(result.event.id)) {
      seen.add(result.event.id);
      accepted.push(result.event);
    }
  }
  return {
    ok: true,
    accepted,
    rejected,
    results,
    ...(body.sentAt !== undefined ? { sentAt: body.sentAt as number } : {}),
  };
}
