import { describe, expect, it } from 'vitest';
import { aggregatePaths } from './aggregate-paths.js';
import { buildJourneys } from './build-journeys.js';
import type { JourneyOptions } from './journey-options.js';
import type { LooseEvent } from './touch-of-event.js';
import { DAY_MS } from './models/model-options.js';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
let seq = 0;
const ev = (type: string, anon: string, ts: number, extra: Record<string, unknown> = {}): LooseEvent => ({
  id: `e${++seq}`,
  type,
  ts: T0 + ts,
  anonymousId: anon,
  sessionId: (extra['sessionId'] as string) ?? `${anon}-s`,
  ...extra,
});
const page = (anon: string, ts: number, channel?: string, extra: Record<string, unknown> = {}) =>
  ev('page', anon, ts, {
    page: { url: 'https://shop.example/', path: '/' },
    ...(channel ? { touchpoint: { kind: 'other', channel } } : {}),
    ...extra,
  });
const convert = (anon: string, ts: number, extra: Record<string, unknown> = {}) =>
  ev('conversion', anon, ts, { name: 'purchase', value: 10, ...extra });

async function paths(events: LooseEvent[], options: JourneyOptions = {}) {
  const journeys = [...(await buildJourneys(events, options))];
  return journeys.map(
    (j) =>
      `${j.anonymous ? 'anon' : 'user'}:${j.person}: ${j.touches.map((t) => t.channel).join(' > ')} => ${j.conversion ? j.conversion.value : 'null'}`,
  );
}

describe('sessions and touches', () => {
  it('a page without touchpoint inside a session is not a touch; a new session without one is Direct', async () => {
    const out = await paths([
      page('a', 0, 'Email'),
      page('a', 5 * MIN),
      page('a', 20 * MIN),
      page('a', 20 * MIN + 31 * MIN), // 31 min idle: new session, Direct
      page('a', 200 * MIN, undefined, { sessionId: 'other' }), // new session id: Direct
      convert('a', 300 * MIN),
    ]);
    expect(out).toEqual(['anon:a: Email > Direct > Direct => 10']);
  });
  it('any event of the session keeps it alive, not only pages (no Direct touch mid-session)', async () => {
    // The SDK keeps one session id while any event comes within 30 minutes, and gives its next page no
    // touchpoint: 35 minutes between two pages with clicks tracked in between is still one visit.
    const events = [
      page('a', 0, 'Paid Search'),
      ev('track', 'a', 10 * MIN, { name: 'add_to_cart' }),
      ev('ad_impression', 'a', 25 * MIN, { ad: { id: 'x' } }),
      ev('vitals', 'a', 50 * MIN, { metrics: {} }),
      page('a', 75 * MIN),
      convert('a', 76 * MIN),
      page('a', 76 * MIN + 31 * MIN), // 31 min after the last event: a new session, Direct
      convert('a', 110 * MIN),
    ];
    const expected = ['anon:a: Paid Search => 10', 'anon:a: Paid Search > Direct => 10'];
    expect(await paths(events, { lookback: { impression: 0 } })).toEqual(expected);
    expect(await paths([...events].reverse(), { lookback: { impression: 0 } })).toEqual(expected);
  });
  it('session timeout is configurable; events in any order give the same journeys', async () => {
    const events = [page('a', 0, 'Email'), page('a', 10 * MIN), page('a', 25 * MIN), convert('a', 30 * MIN)];
    expect(await paths(events, { sessionTimeout: 12 * MIN })).toEqual(['anon:a: Email > Direct => 10']);
    expect(await paths([...events].reverse(), { sessionTimeout: 12 * MIN })).toEqual([
      'anon:a: Email > Direct => 10',
    ]);
  });
  it('a visit delivered late (an offline queue) does not swallow the next visit', async () => {
    // Pages without a session id (another tool's import) at 0 and 60 min: two visits. The 0-min page
    // arrives after the 60-min one, then a page at 61 min arrives in order.
    const noSession = { sessionId: undefined };
    const events = [
      page('a', 60 * MIN, undefined, noSession),
      page('a', 0, undefined, noSession),
      page('a', 61 * MIN, undefined, noSession),
      convert('a', 62 * MIN, noSession),
    ];
    expect(await paths(events)).toEqual(['anon:a: Direct > Direct => 10']);
  });
  it('events at one time in two sessions of a device give one result in every order', async () => {
    const events = [
      page('a', 0, undefined, { sessionId: 's1' }),
      page('a', 0, 'Email', { sessionId: 's2' }),
      page('a', 0, undefined, { sessionId: 's2' }),
    ];
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    for (const order of orders) {
      const out = await paths([...order.map((k) => events[k]!), convert('a', MIN, { sessionId: 's2' })]);
      expect(out, `order ${order.join(',')}`).toEqual(['anon:a: Email > Direct => 10']);
    }
  });
  it('a session id seen again within the timeout continues its session, in any event order (GA4)', async () => {
    const events = [
      page('a', 0, undefined, { sessionId: 's1' }),
      page('a', MIN, undefined, { sessionId: 's2' }),
      page('a', 2 * MIN, undefined, { sessionId: 's1' }),
      convert('a', 3 * MIN, { sessionId: 's1' }),
    ];
    for (const order of [events, [events[0]!, events[2]!, events[1]!, events[3]!], [...events].reverse()])
      expect(await paths(order)).toEqual(['anon:a: Direct > Direct => 10']);
  });
  it('a user who signs in mid-session does not make the next page of that visit a new touch', async () => {
    const events = [
      page('shared', 0, 'Email'),
      ev('identify', 'shared', 0, { userId: 'alice' }),
      ev('identify', 'shared', MIN, { userId: 'bob' }),
      page('shared', 20 * MIN, undefined, {
        page: { url: 'https://shop.example/', path: '/', referrer: 'https://www.google.com/' },
      }),
      convert('shared', 21 * MIN),
    ];
    const expected = ['user:alice: Email => null', 'user:bob:  => 10'];
    expect(await paths(events)).toEqual(expected);
    expect(await paths([...events].reverse())).toEqual(expected);
  });
  it('an SDK landing touch mid-session is a new touch; a page without one is classified from referrer/campaign', async () => {
    const out = await paths([
      page('a', 0, 'Email'),
      page('a', MIN, 'Paid Search'),
      page('b', 0, undefined, {
        page: { url: 'https://shop.example/', path: '/', referrer: 'https://www.google.com/' },
      }),
      page('c', 0, undefined, { campaign: { source: 'newsletter', medium: 'email' } }),
      convert('a', 2 * MIN),
      convert('b', 2 * MIN),
      convert('c', 2 * MIN),
    ]);
    expect(out).toEqual([
      'anon:a: Email > Paid Search => 10',
      'anon:b: Organic Search => 10',
      'anon:c: Email => 10',
    ]);
  });
});

describe('touches from other events', () => {
  it('ads, email opens and clicks are touches; shares only on request; vitals and track never', async () => {
    const events = [
      ev('ad_impression', 'a', 0, { ad: { id: 'x' } }),
      ev('email_open', 'a', MIN, { email: {} }),
      ev('share', 'a', 2 * MIN, { network: 'facebook' }),
      ev('track', 'a', 2 * MIN, { name: 'x' }),
      ev('ad_click', 'a', 3 * MIN, { ad: { id: 'x', network: 'google' } }),
      convert('a', 4 * MIN),
    ];
    expect(await paths(events)).toEqual(['anon:a: Display > Email > Display => 10']);
    expect(await paths(events, { shares: true })).toEqual([
      'anon:a: Display > Email > Organic Social > Display => 10',
    ]);
  });
  it('an email click and its landing page (tp_click) count once, and join the recipient to the visitor', async () => {
    const out = await paths([
      ev('email_open', 'recipient:r1', 0, { email: { recipient: 'r1' } }),
      {
        ...ev('email_click', 'recipient:r1', MIN, {
          email: { recipient: 'r1' },
          target: 'https://shop.example/',
        }),
        id: 'click-1',
      },
      page('web', MIN + 500, 'Email', {
        touchpoint: { kind: 'email', channel: 'Email', clickId: { name: 'tp_click', value: 'click-1' } },
      }),
      page('web', 2 * MIN),
      convert('web', 3 * MIN),
    ]);
    expect(out).toEqual(['anon:web: Email > Email => 10']);
  });
  it('only the first landing of a recorded click is that click: a later visit with the same tp_click link is its own touch', async () => {
    // The landing URL keeps tp_click (stripParams is off by default): bookmarked, restored a day later, or
    // pasted to a friend, it lands again with the same click id.
    const landing = (anon: string, ts: number) =>
      page(anon, ts, 'Email', {
        touchpoint: { kind: 'email', channel: 'Email', clickId: { name: 'tp_click', value: 'click-9' } },
      });
    const out = await paths([
      { ...ev('email_click', 'recipient:r9', 0, { email: { recipient: 'r9' } }), id: 'click-9' },
      landing('web', 500),
      convert('web', MIN),
      landing('friend', DAY_MS),
      convert('friend', DAY_MS + MIN, { value: 20 }),
      landing('web', 2 * DAY_MS),
      convert('web', 2 * DAY_MS + MIN, { value: 30 }),
    ]);
    expect(out).toEqual([
      'anon:friend: Email => 20',
      'anon:web: Email => 10',
      'anon:web: Email > Email => 30',
    ]);
  });
  it('a reopened tp_click link is a visit, with the visit lookback; the click stays a click', async () => {
    const landing = (anon: string, ts: number) =>
      page(anon, ts, 'Email', {
        sessionId: `${anon}-${ts}`,
        touchpoint: {
          kind: 'email',
          channel: 'Email',
          paid: false,
          clickId: { name: 'tp_click', value: 'click-7' },
        },
      });
    const journeys = await buildJourneys(
      [
        { ...ev('email_click', 'recipient:r7', 0, { email: { recipient: 'r7' } }), id: 'click-7' },
        landing('web', 1000),
        convert('web', MIN),
        landing('web', 10 * DAY_MS), // from a bookmark, days later
        convert('web', 15 * DAY_MS, { value: 30 }),
      ],
      { lookback: { click: DAY_MS, visit: 30 * DAY_MS } },
    );
    expect([...journeys].map((j) => j.touches.map((t) => `${t.channel}/${t.kind}`))).toEqual([
      ['Email/click'],
      ['Email/visit'],
    ]);
  });
  it('a recipient who clicked two links at once, landing on two devices, follows the same one whatever the event order', async () => {
    const landing = (anon: string, click: string) =>
      page(anon, MIN, 'Email', {
        touchpoint: { kind: 'email', channel: 'Email', clickId: { name: 'tp_click', value: click } },
      });
    const events = [
      ev('email_open', 'recipient:r5', 0, { email: { recipient: 'r5' } }),
      { ...ev('email_click', 'recipient:r5', MIN, { email: { recipient: 'r5' } }), id: 'k-1' },
      { ...ev('email_click', 'recipient:r5', MIN, { email: { recipient: 'r5' } }), id: 'k-2' },
      landing('phone', 'k-1'),
      landing('laptop', 'k-2'),
    ];
    expect(await paths([...events].reverse())).toEqual(await paths(events));
  });
  it('two landings of one click at the same moment: the same one is the click whatever the event order', async () => {
    const landing = (channel: string) =>
      page('web', MIN, channel, {
        touchpoint: { kind: 'email', channel, clickId: { name: 'tp_click', value: 'k-3' } },
      });
    const events = [
      { ...ev('email_click', 'recipient:r3', 0, { email: { recipient: 'r3' } }), id: 'k-3' },
      landing('Email'),
      landing('Referral'),
      convert('web', 2 * MIN),
    ];
    expect(await paths([...events].reverse())).toEqual(await paths(events));
  });
  it('a tp_click landing whose click was not recorded still counts as the touch', async () => {
    const out = await paths([
      page('web', 0, 'Email', {
        touchpoint: { kind: 'email', channel: 'Email', clickId: { name: 'tp_click', value: 'lost' } },
      }),
      convert('web', MIN),
    ]);
    expect(out).toEqual(['anon:web: Email => 10']);
  });
});

describe('identity stitching', () => {
  it('retroactive and cross-device: earlier anonymous touches join the user', async () => {
    const out = await paths([
      page('phone', 0, 'Organic Social'),
      page('laptop', DAY_MS, 'Email'),
      ev('identify', 'phone', 2 * DAY_MS, { userId: 'u1' }),
      ev('identify', 'laptop', 3 * DAY_MS, { userId: 'u1' }),
      convert('laptop', 3 * DAY_MS + MIN, { userId: 'u1' }),
    ]);
    expect(out).toEqual(['user:u1: Organic Social > Email => 10']);
  });
  it('one device, two users: each event goes to the latest user at its time, earlier ones to the first', async () => {
    const out = await paths([
      page('shared', 0, 'Display'),
      ev('identify', 'shared', MIN, { userId: 'alice' }),
      page('shared', 2 * MIN, 'Email'),
      ev('identify', 'shared', DAY_MS, { userId: 'bob' }),
      page('shared', DAY_MS + MIN, 'Paid Search'),
      convert('shared', DAY_MS + 2 * MIN),
      convert('shared', 3 * MIN, { value: 5 }),
    ]);
    expect(out).toEqual(['user:alice: Display > Email => 5', 'user:bob: Paid Search => 10']);
  });
});

describe('person', () => {
  it('is the plain user id, or the anonymous id flagged `anonymous`; equal texts stay two people', async () => {
    const journeys = [
      ...(await buildJourneys([
        page('anonX', 0, 'Email'),
        convert('anonX', MIN, { userId: 'U7' }),
        page('U7', 0, 'Referral'),
        convert('U7', MIN),
      ])),
    ];
    expect(
      journeys.map(({ person, anonymous, touches }) => ({ person, anonymous, via: touches[0]!.channel })),
    ).toEqual([
      { person: 'U7', anonymous: true, via: 'Referral' },
      { person: 'U7', anonymous: undefined, via: 'Email' },
    ]);
    expect(journeys[1]).not.toHaveProperty('anonymous');
  });
});

describe('currencies', () => {
  const shop = [
    page('a', 0, 'Email'),
    convert('a', MIN, { value: 10, currency: 'EUR' }),
    convert('a', 2 * MIN, { value: 20, currency: 'usd' }),
    convert('a', 3 * MIN, { value: 30 }), // no currency named
    convert('a', 4 * MIN, { value: 0, currency: 'USD' }),
    convert('a', 5 * MIN, { value: undefined }), // no value: counts in any currency
  ];
  it('the currency option keeps conversions valued in it (any case) and those without value', async () => {
    const journeys = await buildJourneys(shop, { currency: 'usd', nulls: false });
    expect([...journeys].map((j) => [j.conversion!.value, j.conversion!.currency])).toEqual([
      [20, 'USD'],
      [0, 'USD'],
      [0, undefined],
    ]);
    expect(journeys.stats.otherCurrency).toBe(2);
  });
  it('without it every conversion counts, and the path statistics say which currencies were added up', async () => {
    const set = aggregatePaths(await buildJourneys(shop));
    expect(set.rows[0]).toMatchObject({ conversions: 5, value: 60 });
    expect(set.stats!.currencies).toEqual({ EUR: 1, USD: 1, '': 1 });
  });
  it('the copy that owns a repeated order id decides its currency', async () => {
    // Order X in dollars, then sent again without a value: a euro run must not count it through the copy.
    const order = [
      page('b', 0, 'Email'),
      convert('b', MIN, { value: 100, currency: 'USD', orderId: 'X' }),
      convert('b', 2 * MIN, { value: undefined, orderId: 'X' }),
    ];
    const eur = await buildJourneys(order, { currency: 'EUR', nulls: false });
    expect([...eur]).toEqual([]);
    expect(eur.stats).toMatchObject({ otherCurrency: 1, duplicateConversions: 1 });
    const usd = await buildJourneys(order, { currency: 'USD', nulls: false });
    expect([...usd].map((j) => j.conversion!.value)).toEqual([100]);
    expect(usd.stats).toMatchObject({ otherCurrency: 0, duplicateConversions: 1 });
  });
  it('copies of an order at the same time without event ids give one result in any arrival order', async () => {
    const usd = { ...convert('c', MIN, { value: 100, currency: 'USD', orderId: 'Y' }), id: undefined };
    const none = { ...convert('c', MIN, { value: undefined, orderId: 'Y' }), id: undefined };
    const run = async (events: LooseEvent[]) => {
      const j = await buildJourneys([page('c', 0, 'Email'), ...events], { currency: 'EUR', nulls: false });
      return { values: [...j].map((x) => x.conversion!.value), other: j.stats.otherCurrency };
    };
    expect(await run([usd, none])).toEqual(await run([none, usd]));
    // Nor when the copies differ only in who sent them.
    const fromA = { ...convert('a', MIN, { value: 5, orderId: 'Z' }), id: undefined };
    const fromB = { ...convert('b', MIN, { value: 5, orderId: 'Z' }), id: undefined };
    const people = async (events: LooseEvent[]) =>
      [
        ...(await buildJourneys([page('a', 0, 'Email'), page('b', 0, 'Referral'), ...events], {
          nulls: false,
        })),
      ].map((j) => j.touches.map((t) => t.channel).join('>'));
    expect(await people([fromA, fromB])).toEqual(await people([fromB, fromA]));
  });
  it('refuses a currency that is no ISO 4217 code', async () => {
    await expect(buildJourneys(shop, { currency: 'euro' })).rejects.toThrow(/three-letter ISO 4217 code/);
  });
});

describe('journeys per conversion', () => {
  const history = [
    ev('ad_impression', 'a', 0, { ad: { id: 'x' } }),
    page('a', 2 * DAY_MS, 'Email'),
    convert('a', 3 * DAY_MS, { value: 1 }),
    page('a', 4 * DAY_MS, 'Organic Search'),
    convert('a', 5 * DAY_MS, { value: 2 }),
    page('a', 6 * DAY_MS, 'Referral'),
  ];
  it('lookback per touch kind: impressions 1 day, visits 30 days by default', async () => {
    expect(await paths(history)).toEqual([
      'anon:a: Email => 1',
      'anon:a: Email > Organic Search => 2',
      'anon:a: Referral => null',
    ]);
    expect(await paths(history, { lookback: { impression: 3 * DAY_MS, visit: 1.5 * DAY_MS } })).toEqual([
      'anon:a: Display > Email => 1',
      'anon:a: Organic Search => 2',
      'anon:a: Referral => null',
    ]);
  });
  it('reset paths start after the previous conversion; nulls can be left out', async () => {
    expect(await paths(history, { paths: 'reset', nulls: false })).toEqual([
      'anon:a: Email => 1',
      'anon:a: Organic Search => 2',
    ]);
  });
  it('touches strictly before the conversion; a person who never converted is a null path', async () => {
    expect(await paths([page('a', 0, 'Email'), convert('a', 0), page('b', 0, 'Display')])).toEqual([
      'anon:a:  => 10',
      'anon:a: Email => null',
      'anon:b: Display => null',
    ]);
  });
  it('a repeated order id counts once (the earliest), and a repeated conversion event id too', async () => {
    const c1 = convert('a', 2 * MIN, { orderId: 'o1', value: 7 });
    const out = await paths(
      [
        page('a', 0, 'Email'),
        convert('a', 3 * MIN, { orderId: 'o1', value: 9 }),
        c1,
        c1,
        convert('a', MIN, { name: 'signup' }),
      ],
      {
        conversionNames: ['purchase'],
      },
    );
    expect(out).toEqual(['anon:a: Email => 7']);
  });
  it('two conversions at the same time and value come in the same order whatever the event order', async () => {
    const events = [
      page('a', 0, 'Email'),
      convert('a', MIN, { name: 'signup', id: 'c1' }),
      convert('a', MIN, { name: 'purchase', id: 'c2' }),
    ];
    for (const mode of ['overlap', 'reset'] as const) {
      const forward = [...(await buildJourneys(events, { paths: mode }))];
      const backward = [...(await buildJourneys([...events].reverse(), { paths: mode }))];
      expect(backward).toEqual(forward);
    }
  });
  it('an ad seen and clicked in the same millisecond gives the same journey whatever the event order', async () => {
    const ad = { ad: { id: 'x', network: 'criteo' } };
    const events = [ev('ad_impression', 'a', 0, ad), ev('ad_click', 'a', 0, ad), convert('a', MIN)];
    const forward = [...(await buildJourneys(events))];
    expect([...(await buildJourneys([...events].reverse()))]).toEqual(forward);
  });
  it('on a shared device, pages alike but for their user go to the same people in any event order', async () => {
    const google = { page: { url: 'https://shop.example/', referrer: 'https://www.google.com/' } };
    const events = [
      ev('page', 'd', 0, google),
      ev('page', 'd', 0, { ...google, userId: 'u1' }),
      ev('identify', 'd', 0, { userId: 'u2' }),
      convert('d', MIN, { userId: 'u1' }),
      convert('d', MIN, { userId: 'u2', value: 20 }),
    ];
    const forward = [...(await buildJourneys(events))];
    expect([...(await buildJourneys([events[1]!, events[0]!, ...events.slice(2)]))]).toEqual(forward);
  });
  it('two landings of one click at the same time by two users: the same one is the click in any order', async () => {
    const land = (userId?: string) =>
      ev('page', 'w', MIN, {
        page: { url: 'https://shop.example/' },
        touchpoint: { kind: 'email', channel: 'Email', clickId: { name: 'tp_click', value: 'k1' } },
        ...(userId ? { userId } : {}),
      });
    const events = [
      ev('email_click', 'recipient:r', 0, { id: 'k1' }),
      ev('identify', 'w', MIN, { userId: 'u2' }),
      land(),
      land('u1'),
      convert('w', 2 * MIN, { userId: 'u1' }),
      convert('w', 2 * MIN, { userId: 'u2', value: 20 }),
    ];
    const forward = [...(await buildJourneys(events))];
    expect([
      ...(await buildJourneys([...events.slice(0, 2), events[3]!, events[2]!, ...events.slice(4)])),
    ]).toEqual(forward);
  });
  it('conversions alike but for their currency come in the same order whatever the event order', async () => {
    const events = [
      page('a', 0, 'Email'),
      convert('a', MIN, { currency: 'EUR', id: undefined }),
      convert('a', MIN, { currency: 'USD', id: undefined }),
    ];
    const forward = [...(await buildJourneys(events, { paths: 'reset' }))];
    expect([...(await buildJourneys([...events].reverse(), { paths: 'reset' }))]).toEqual(forward);
  });
  it('a repeated conversion event id keeps the earliest copy, whatever came first', async () => {
    const events = [
      page('a', 0, 'Email'),
      convert('a', 3 * MIN, { id: 'c1', value: 9 }),
      convert('a', 2 * MIN, { id: 'c1', value: 7 }),
      convert('a', 2 * MIN, { id: 'c1', value: 8 }),
    ];
    for (const order of [events, [...events].reverse()]) {
      const journeys = await buildJourneys(order);
      expect(journeys.stats.duplicateConversions).toBe(2);
      expect([...journeys].map((j) => j.conversion?.value)).toEqual([7]);
    }
  });
  it('a landing joins the earliest of the clicks repeating its id, whatever came first', async () => {
    const events = [
      ev('email_click', 'recipient:r1', 0, { id: 'k1' }),
      ev('email_click', 'recipient:r2', MIN, { id: 'k1' }),
      ev('email_open', 'recipient:r1', -MIN),
      ev('email_open', 'recipient:r2', -MIN),
      page('w', 2 * MIN, undefined, {
        touchpoint: { kind: 'email', channel: 'Email', clickId: { name: 'tp_click', value: 'k1' } },
      }),
      convert('w', 3 * MIN),
    ];
    for (const order of [events, [...events].reverse()]) {
      const converting = [...(await buildJourneys(order))].filter((j) => j.conversion);
      expect(converting.map((j) => j.touches.map((t) => `${t.kind}@${t.ts - T0}`))).toEqual([
        [`impression@${-MIN}`, 'click@0'],
      ]);
    }
  });
  it('keeps survey answers apart as self-reported', async () => {
    const journeys = [
      ...(await buildJourneys([
        page('a', 0, 'Email'),
        ev('survey', 'a', MIN, { question: 'q', answer: 'A podcast', channel: 'Audio' }),
        convert('a', 2 * MIN),
      ])),
    ];
    expect(journeys).toMatchObject([
      { touches: [{ channel: 'Email', kind: 'visit' }], selfReported: 'Audio' },
    ]);
  });
  it('skips events without anonymousId or ts, counting them', async () => {
    const journeys = await buildJourneys([{ type: 'page' }, { type: 'page', anonymousId: 'a', ts: 'x' }]);
    expect([...journeys]).toEqual([]);
    expect(journeys.stats).toMatchObject({ events: 2, skipped: 2 });
  });
});
