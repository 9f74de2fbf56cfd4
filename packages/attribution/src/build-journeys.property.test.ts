import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregatePaths } from './aggregate-paths.js';
import { analyze } from './analyze.js';
import { attribute } from './attribute.js';
import { buildJourneys } from './build-journeys.js';
import type { LooseEvent } from './touch-of-event.js';

/** Hundreds of generated cases: allow for a loaded machine (vitest's default is 5 s). */
const PROPERTY_TIMEOUT_MS = 60_000;

/** Up to 12 events and the same events in another order. */
const withShuffle = (event: fc.Arbitrary<LooseEvent>) =>
  fc
    .array(event, { minLength: 1, maxLength: 12 })
    .chain((events) =>
      fc.tuple(
        fc.constant(events),
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
      ),
    );

const MIN = 60_000;
const eventArb = fc
  .record({
    type: fc.constantFrom(
      'page',
      'page',
      'page',
      'ad_impression',
      'email_open',
      'conversion',
      'identify',
      'track',
    ),
    anon: fc.constantFrom('a', 'b', 'c'),
    minute: fc.oneof(fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 3 * 24 * 60 })),
    session: fc.constantFrom('s1', 's2'),
    channel: fc.option(fc.constantFrom('Email', 'Paid Search', 'Organic Social'), { nil: undefined }),
    user: fc.constantFrom('u1', 'u2'),
    value: fc.integer({ min: 0, max: 100 }),
  })
  .map((e): LooseEvent => ({
    type: e.type,
    anonymousId: e.anon,
    sessionId: `${e.anon}-${e.session}`,
    ts: e.minute * MIN,
    ...(e.type === 'page'
      ? {
          page: { url: 'https://x.example/', path: '/' },
          ...(e.channel ? { touchpoint: { kind: 'other', channel: e.channel } } : {}),
        }
      : {}),
    ...(e.type === 'ad_impression' ? { ad: { id: 'x' } } : {}),
    ...(e.type === 'conversion' ? { name: 'buy', value: e.value } : {}),
    ...(e.type === 'identify' ? { userId: e.user } : {}),
  }));

/** Few distinct times, so many events tie: across sessions of one device, devices and users. */
const tiedEventArb = fc
  .record({
    type: fc.constantFrom('page', 'page', 'page', 'page', 'conversion', 'identify', 'track', 'email_open'),
    anon: fc.constantFrom('a', 'b'),
    minute: fc.constantFrom(0, 0, 0, 1, 20, 45),
    session: fc.constantFrom('s1', 's2', 's3'),
    source: fc.constantFrom('touch', 'referrer', 'none', 'none'),
    channel: fc.constantFrom('Email', 'Paid Search'),
    user: fc.constantFrom('u1', 'u2'),
    value: fc.constantFrom(10, 20),
  })
  .map((e): LooseEvent => ({
    type: e.type,
    anonymousId: e.anon,
    sessionId: `${e.anon}-${e.session}`,
    ts: e.minute * MIN,
    ...(e.type === 'page'
      ? {
          page: {
            url: 'https://x.example/',
            path: '/',
            ...(e.source === 'referrer' ? { referrer: 'https://www.google.com/' } : {}),
          },
          ...(e.source === 'touch' ? { touchpoint: { kind: 'other', channel: e.channel } } : {}),
        }
      : {}),
    ...(e.type === 'conversion' ? { name: 'buy', value: e.value } : {}),
    ...(e.type === 'identify' ? { userId: e.user } : {}),
  }));

/**
 * Ties on a shared device: events alike but for the user they carry, their currency or session; conversions
 * and email clicks repeating an event id (or order id), landings of those clicks.
 */
const sharedDeviceEventArb = fc
  .record({
    type: fc.constantFrom(
      'page',
      'page',
      'page',
      'conversion',
      'conversion',
      'identify',
      'track',
      'email_click',
    ),
    id: fc.option(fc.constantFrom('k1', 'k2'), { nil: undefined }),
    orderId: fc.option(fc.constantFrom('o1', 'o2'), { nil: undefined }),
    anon: fc.constantFrom('a', 'b'),
    minute: fc.constantFrom(0, 0, 1, 45),
    session: fc.constantFrom('s1', 's2'),
    source: fc.constantFrom('touch', 'referrer', 'none', 'click'),
    user: fc.option(fc.constantFrom('u1', 'u2', 'a'), { nil: undefined }),
    currency: fc.option(fc.constantFrom('EUR', 'USD'), { nil: undefined }),
    value: fc.constantFrom(0, 10),
  })
  .map((e): LooseEvent => ({
    type: e.type,
    anonymousId: e.type === 'email_click' ? `recipient:${e.anon}` : e.anon,
    sessionId: `${e.anon}-${e.session}`,
    ts: e.minute * MIN,
    ...(e.id && (e.type === 'conversion' || e.type === 'email_click') ? { id: e.id } : {}),
    ...(e.user ? { userId: e.user } : {}),
    ...(e.type === 'page'
      ? {
          page: {
            url: 'https://x.example/',
            ...(e.source === 'referrer' ? { referrer: 'https://www.google.com/' } : {}),
          },
          ...(e.source === 'touch' ? { touchpoint: { kind: 'other', channel: 'Email' } } : {}),
          ...(e.source === 'click'
            ? {
                touchpoint: {
                  kind: 'email',
                  channel: 'Email',
                  clickId: { name: 'tp_click', value: e.id ?? 'k1' },
                },
              }
            : {}),
        }
      : {}),
    ...(e.type === 'conversion'
      ? {
          name: 'buy',
          value: e.value,
          ...(e.currency ? { currency: e.currency } : {}),
          ...(e.orderId ? { orderId: e.orderId } : {}),
        }
      : {}),
  }));

async function journeysOf(events: LooseEvent[]) {
  return [...(await buildJourneys(events))];
}

describe('journeys from events (properties)', () => {
  it(
    'do not depend on event order',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(eventArb, { maxLength: 60 }), fc.integer(), async (events, seed) => {
          const shuffled = events
            .map((e, i) => ({ e, k: Math.imul(i + 1, seed | 1) ^ (seed >>> 3) }))
            .sort((x, y) => x.k - y.k)
            .map((x) => x.e);
          expect(await journeysOf(shuffled)).toEqual(await journeysOf(events));
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'do not depend on event order when many events share a time, across sessions, devices and users',
    async () => {
      const permuted = withShuffle(tiedEventArb);
      await fc.assert(
        fc.asyncProperty(permuted, async ([events, shuffled]) => {
          expect(await journeysOf(shuffled)).toEqual(await journeysOf(events));
        }),
        { numRuns: 500 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'do not depend on event order on a shared device: users, currencies, sessions, repeated ids at one time',
    async () => {
      const permuted = withShuffle(sharedDeviceEventArb);
      const run = async (events: LooseEvent[]) =>
        JSON.stringify([
          await journeysOf(events),
          (await buildJourneys(events, { currency: 'EUR' })).stats,
          (await analyze(events, { models: ['linear'], perConversion: true })).conversions,
        ]);
      await fc.assert(
        fc.asyncProperty(permuted, async ([events, shuffled]) => {
          expect(await run(shuffled)).toBe(await run(events));
        }),
        { numRuns: 500 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'every model stays efficient end to end',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(eventArb, { maxLength: 60 }), async (events) => {
          const paths = aggregatePaths(await buildJourneys(events));
          const conversions = paths.rows.reduce((a, r) => a + r.conversions, 0);
          for (const m of attribute(paths).models) {
            expect(m.channels.reduce((a, c) => a + c.conversions, 0)).toBeCloseTo(conversions, 9);
          }
        }),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
