import {
  CLICK_LANDING,
  createColumns,
  grow,
  hashString,
  KIND,
  KIND_MASK,
  LANDING_BIT,
  PLAIN_PAGE,
  RecordType,
  type Columns,
} from './columns.js';
import { ANON_KEY, createIdentityResolver, USER_KEY } from './identity-resolver.js';
import { compare } from './models/markov.js';
import { resolveJourneyOptions, type JourneyOptions } from './journey-options.js';
import { dropRepeats, type RepeatCounts } from './conversion-repeats.js';
import { personJourneys, type ConversionInfo } from './person-journeys.js';
import { recordOrder } from './record-order.js';
import { markSessionStarts } from './session-starts.js';
import {
  adChannel,
  classifyPage,
  collectorClickId,
  EMAIL_CHANNEL,
  pageTouch,
  shareChannel,
  str,
  visitClass,
  type LooseEvent,
} from './touch-of-event.js';
import type { Journey } from './types.js';

/** Counts of what the builder saw. */
export interface BuilderStats {
  events: number;
  /**
   * Events skipped because a field the analysis needs was missing or of the wrong type. Lines `readEvents`
   * drops never get here (they go to its `onInvalid`), so from `readEvents` this stays 0.
   */
  skipped: number;
  /** Conversions dropped as repeats of an event id or order id (the earliest copy counts). */
  duplicateConversions: number;
  /** Conversions left out by the `currency` option: a value in another currency, or in none named. */
  otherCurrency: number;
}

/** Collects events (any order), then yields journeys. Memory grows with sessions and touches, not page views. */
export interface JourneyBuilder {
  add(event: LooseEvent): void;
  /**
   * Journeys of every person, person by person: anonymous ids never identified first, then user ids, each in
   * code-unit order. Call once, after the last `add`.
   */
  journeys(): Generator<Journey>;
  readonly stats: BuilderStats;
}

export function createJourneyBuilder(options: JourneyOptions = {}): JourneyBuilder {
  const opts = resolveJourneyOptions(options);
  let c: Columns = createColumns();
  const anonIds = new Map<string, number>();
  const anonNames: string[] = [];
  const channels = new Map<string, number>();
  const channelNames: string[] = [];
  // Per device: the record of its current session start, and the last activity seen (for dropping repeats).
  const lastRecord: number[] = [];
  const lastTs: number[] = [];
  const conversions: ConversionInfo[] = [];
  const surveys: string[] = [];
  const clickIds: string[] = []; // tp_click value per landing record (by extra)
  const clicks = new Map<string, number>(); // collector click event id → record
  let repeats: RepeatCounts | undefined; // up to date with `conversions` unless undefined
  const settled = () => (repeats ??= dropRepeats(conversions));
  // Which copy of a click id a landing joins: the earliest, ties by the event as JSON (not the last to come).
  const clickTies = new Map<string, string>();
  const userIds = new Map<string, number>();
  const userNames: string[] = [];
  let currentUser = -1; // user id of the event being added
  let currentSession = 0; // session id hash of the event being added
  const resolver = createIdentityResolver((anon) => anonNames[anon]!);
  // Repeats are known only once every copy is in: these two counts settle them when read.
  const stats: BuilderStats = {
    events: 0,
    skipped: 0,
    get duplicateConversions() {
      return settled().duplicates;
    },
    get otherCurrency() {
      return settled().otherCurrency;
    },
  };

  const intern = (map: Map<string, number>, names: string[], key: string) => {
    let i = map.get(key);
    if (i === undefined) {
      i = names.length;
      map.set(key, i);
      names.push(key);
    }
    return i;
  };
  const record = (
    anon: number,
    ts: number,
    type: number,
    channel: number,
    kind: number,
    extra = -1,
  ): number => {
    c = grow(c);
    const i = c.length++;
    c.anon[i] = anon;
    c.ts[i] = ts;
    c.type[i] = type;
    c.channel[i] = channel;
    c.kind[i] = kind;
    c.end[i] = ts;
    c.value[i] = 0;
    c.extra[i] = extra;
    c.session[i] = currentSession;
    c.user[i] = currentUser;
    return i;
  };
  const touch = (anon: number, ts: number, channel: string, kind: number) =>
    record(anon, ts, RecordType.touch, intern(channels, channelNames, channel), kind);

  /**
   * Folds an event of the device's running session (in order, within the timeout) into it; true when it did.
   * Only while that session holds the device's latest activity: after an older page came late, its session
   * is not the running one. Folding must give what `personJourneys` gives for the event kept as a record,
   * whatever comes later: sessions are told apart by id, so a page of another session arriving later cannot
   * end this one; but a plain page at the very time a plain page started the session may sort before it (a
   * referrer's channel before Direct), so it is kept.
   */
  function keepAlive(anon: number, ts: number, page = false): boolean {
    const prev = lastRecord[anon] ?? -1;
    if (
      prev < 0 ||
      c.session[prev] !== currentSession ||
      c.end[prev] !== lastTs[anon] ||
      ts < lastTs[anon]! ||
      ts - lastTs[anon]! > opts.sessionTimeout ||
      (page && ts === c.ts[prev] && (c.kind[prev]! & LANDING_BIT) === 0)
    ) {
      return false;
    }
    c.end[prev] = Math.max(c.end[prev]!, ts);
    lastTs[anon] = Math.max(lastTs[anon]!, ts);
    return true;
  }

  function addPage(event: LooseEvent, anon: number, ts: number) {
    const landing = pageTouch(event);
    // A page inside a running session is not a touch; remember only that the session went on.
    if (!landing && keepAlive(anon, ts, true)) return;
    const t = landing ?? classifyPage(event);
    const channel =
      landing || t.channel !== 'Direct' ? intern(channels, channelNames, t.channel) : PLAIN_PAGE;
    const clickId = collectorClickId(landing);
    const kind = KIND[visitClass(t)] | (landing ? LANDING_BIT : 0);
    const i = record(anon, ts, RecordType.page, channel, kind, clickId ? clickIds.push(clickId) - 1 : -1);
    lastRecord[anon] = i;
    lastTs[anon] = Math.max(lastTs[anon] ?? ts, ts);
  }

  function addConversion(event: LooseEvent, anon: number, ts: number) {
    const name = str(event['name']) ?? '';
    if (opts.conversionNames && !opts.conversionNames.has(name)) return;
    const value = typeof event['value'] === 'number' && Number.isFinite(event['value']) ? event['value'] : 0;
    const currency = str(event['currency'])?.toUpperCase();
    // Values in two currencies cannot be added up; a conversion without value counts in any currency.
    // Left out only after repeats are dropped: the copy that owns the order decides its currency.
    const otherCurrency = !!opts.currency && !!value && currency !== opts.currency;
    const id = str(event['id']) ?? '';
    const orderId = str(event['orderId']);
    const i = record(anon, ts, RecordType.conversion, 0, 0, conversions.length);
    c.value[i] = value;
    // Copies of one order or event id at the same time are told apart by everything they carry (the person
    // included), so which is kept never depends on the order events came in.
    const tie = orderId || id ? JSON.stringify(event) : '';
    conversions.push({ name, orderId, currency, id, ts, tie, dropped: false, otherCurrency });
    repeats = undefined;
  }

  function add(event: LooseEvent) {
    stats.events++;
    const type = event['type'];
    const anonId = str(event['anonymousId']);
    const ts = event['ts'];
    if (!anonId || typeof ts !== 'number' || !Number.isFinite(ts)) return void stats.skipped++;
    const anon = intern(anonIds, anonNames, anonId);
    const userId = str(event['userId']);
    currentUser = userId ? intern(userIds, userNames, userId) : -1;
    currentSession = hashString(str(event['sessionId']) ?? '');
    if (userId && type === 'identify') resolver.identify(anon, ts, userId);
    else if (userId) resolver.seen(anon, ts, userId);
    if (type === 'page') return addPage(event, anon, ts);
    // Any event keeps its session alive (as the SDK's session clock does), not only pages: a page after a
    // long read with clicks tracked in between is not a new visit. Kept as a record only when it cannot be
    // folded into the session here, so the result does not depend on the order events come in.
    const records = c.length;
    const folded = keepAlive(anon, ts);
    addOther(event, type, anon, ts);
    if (!folded && c.length === records) record(anon, ts, RecordType.activity, 0, 0);
  }

  function addOther(event: LooseEvent, type: unknown, anon: number, ts: number) {
    switch (type) {
      case 'conversion':
        return addConversion(event, anon, ts);
      case 'ad_impression':
        return void touch(anon, ts, adChannel(event), KIND.impression);
      case 'ad_click':
      case 'email_click': {
        const i = touch(anon, ts, type === 'ad_click' ? adChannel(event) : EMAIL_CHANNEL, KIND.click);
        const id = str(event['id']);
        if (!id) return;
        const kept = clicks.get(id);
        const tie = JSON.stringify(event);
        if (
          kept === undefined ||
          ts < c.ts[kept]! ||
          (ts === c.ts[kept] && compare(tie, clickTies.get(id)!) < 0)
        ) {
          clicks.set(id, i);
          clickTies.set(id, tie);
        }
        return;
      }
      case 'email_open':
        return void touch(anon, ts, EMAIL_CHANNEL, KIND.impression);
      case 'share':
        return void (opts.shares && touch(anon, ts, shareChannel(event), KIND.click));
      case 'survey': {
        const answer = str(event['channel']) ?? str(event['answer']);
        if (answer) record(anon, ts, RecordType.survey, 0, 0, surveys.push(answer) - 1);
        return;
      }
      default:
        return; // identify (handled above through userId), track, vitals: not touches
    }
  }

  /** Landing pages by time, then device id, channel, kind, user id (none first) and session: never by input position. */
  const landingOrder = (a: number, b: number): number =>
    c.ts[a]! - c.ts[b]! ||
    compare(anonNames[c.anon[a]!]!, anonNames[c.anon[b]!]!) ||
    compare(channelNames[c.channel[a]!] ?? '', channelNames[c.channel[b]!] ?? '') ||
    c.kind[a]! - c.kind[b]! ||
    byUser(c.user[a]!, c.user[b]!) ||
    c.session[a]! - c.session[b]!;
  const byUser = (x: number, y: number): number =>
    x === y ? 0 : x < 0 ? -1 : y < 0 ? 1 : compare(userNames[x]!, userNames[y]!);

  function* journeys(): Generator<Journey> {
    settled();
    // A landing page whose tp_click names a recorded click: the click is the touch, and the click's device
    // (an email recipient) belongs from then on to whoever landed. Only the click's first landing: the URL
    // keeps tp_click, so a bookmark, a restored tab or a pasted link lands again later as a visit of its own.
    const firstLanding = new Map<number, number>(); // click record → its first landing page
    const landings: number[] = [];
    for (let i = 0; i < c.length; i++) {
      if (c.type[i] !== RecordType.page || c.extra[i]! < 0) continue;
      const click = clicks.get(clickIds[c.extra[i]!]!);
      if (click === undefined) continue;
      landings.push(i);
      const kept = firstLanding.get(click);
      if (kept === undefined || landingOrder(i, kept) < 0) firstLanding.set(click, i);
    }
    for (const [click, i] of firstLanding) {
      c.channel[i] = CLICK_LANDING;
      if (c.anon[click] !== c.anon[i]) resolver.alias(c.anon[click]!, c.ts[click]!, c.anon[i]!);
    }
    // A reopened link is nobody's click (that one is counted, joined with its first landing): a visit, with the
    // visit lookback, although its URL still carries the click id.
    for (const i of landings)
      if (c.channel[i] !== CLICK_LANDING) c.kind[i] = (c.kind[i]! & ~KIND_MASK) | KIND.visit;
    const channelRank = ranks(channelNames);
    const anonRank = ranks(anonNames);
    const userRank = ranks(userNames);
    const ctx = { c, channelNames, channelRank, anonRank, userRank, conversions, surveys, opts };
    markSessionStarts(c, anonNames.length, recordOrder(ctx), opts.sessionTimeout);
    const persons = new Map<string, number[]>();
    for (let i = 0; i < c.length; i++) {
      if (c.type[i] === RecordType.conversion) {
        const info = conversions[c.extra[i]!]!;
        if (info.dropped || info.otherCurrency) continue;
      }
      const user = c.user[i]!;
      const person = user >= 0 ? USER_KEY + userNames[user] : resolver.personOf(c.anon[i]!, c.ts[i]!);
      const list = persons.get(person);
      if (list) list.push(i);
      else persons.set(person, [i]);
    }
    const keys = [...persons.keys()].sort();
    for (const person of keys) {
      const records = persons.get(person)!;
      persons.delete(person);
      // The key's prefix keeps a user and a device of the same text apart; the journey says so with a flag.
      const who = person.startsWith(ANON_KEY)
        ? { person: person.slice(ANON_KEY.length), anonymous: true as const }
        : { person: person.slice(USER_KEY.length) };
      yield* personJourneys(who, records, ctx);
    }
  }

  return { add, journeys, stats };
}

/** For each name, its position in sorted order. */
function ranks(names: readonly string[]): Int32Array {
  const order = names
    .map((_, i) => i)
    .sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
  const rank = new Int32Array(names.length);
  order.forEach((index, position) => (rank[index] = position));
  return rank;
}
