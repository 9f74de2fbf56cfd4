import { describe, expect, it } from 'vitest';
import { aggregatePaths } from './aggregate-paths.js';
import { analyze } from './analyze.js';
import { attribute } from './attribute.js';
import { buildJourneys } from './build-journeys.js';
import { DAY_MS } from './models/model-options.js';
import { frequency } from './path-transforms.js';
import { parsePathsCsv } from './read-paths-csv.js';
import { renderReport } from './render-report.js';
import type { LooseEvent } from './touch-of-event.js';

const C = Date.UTC(2026, 1, 10);
let seq = 0;
const ev = (type: string, anon: string, ts: number, extra: Record<string, unknown> = {}): LooseEvent => ({
  id: `e${String(++seq).padStart(3, '0')}`,
  type,
  ts,
  anonymousId: anon,
  sessionId: `${anon}-${ts}`,
  ...extra,
});
const page = (anon: string, ts: number, channel: string) =>
  ev('page', anon, ts, { page: { url: 'https://shop.example/' }, touchpoint: { kind: 'other', channel } });
const convert = (anon: string, ts: number, extra: Record<string, unknown> = {}) =>
  ev('conversion', anon, ts, { name: 'purchase', value: 10, currency: 'EUR', ...extra });

/** The audit's case: two conversions on the path A > B whose touches are timed very differently. */
const twoTimings = [
  page('a', C - 14 * DAY_MS, 'A'),
  page('a', C - 1, 'B'),
  convert('a', C, { orderId: '1' }),
  page('b', C - 1000, 'A'),
  page('b', C - 1, 'B'),
  convert('b', C, { orderId: '2', value: 30 }),
];

/** A richer set: several paths, overlapping paths of one person, a null journey, a shared path. */
const shop = [
  page('a', C - 3 * DAY_MS, 'Email'),
  page('a', C - 2 * DAY_MS, 'Paid Search'),
  convert('a', C - DAY_MS, { orderId: 'o1', value: 40 }),
  page('a', C - 3_600_000, 'Direct'),
  convert('a', C, { orderId: 'o2', value: 15, name: 'renewal' }),
  page('b', C - 5 * DAY_MS, 'Paid Search'),
  page('b', C - DAY_MS, 'Email'),
  convert('b', C, { orderId: 'o3', value: 25 }),
  page('c', C - DAY_MS, 'Email'),
  page('c', C - 1000, 'Paid Search'),
  convert('c', C, { orderId: 'o4', value: 5 }),
  page('d', C, 'Email'),
];

describe('per conversion × touch credit (perConversion)', () => {
  it('credits each conversion by its own touch times under time decay', async () => {
    const r = await analyze(twoTimings, { models: ['time_decay'], perConversion: true });
    expect(r.conversions).toHaveLength(2);
    const [a, b] = r.conversions!;
    expect(a).toMatchObject({
      person: 'a',
      anonymous: true,
      ts: C,
      name: 'purchase',
      orderId: '1',
      value: 10,
      count: 1,
    });
    expect(a!.currency).toBe('EUR');
    expect(a!.id).toMatch(/^e\d+$/);
    expect(a!.touches).toEqual([
      { channel: 'A', ts: C - 14 * DAY_MS, kind: 'visit' },
      { channel: 'B', ts: C - 1, kind: 'visit' },
    ]);
    // 7-day half-life: A two half-lives older than B weighs 1/4 of it, so 0.2 and 0.8.
    const [decayA] = a!.models;
    expect(decayA!.model).toBe('time_decay');
    expect(decayA!.conversions).toEqual([expect.closeTo(0.2, 6), expect.closeTo(0.8, 6)]); // B is 1 ms old
    expect(decayA!.value).toEqual([expect.closeTo(2, 6), expect.closeTo(8, 6)]);
    expect(b!.person).toBe('b');
    expect(b!.models[0]!.conversions).toEqual([expect.closeTo(0.5, 5), expect.closeTo(0.5, 5)]);
    expect(b!.models[0]!.value).toEqual([expect.closeTo(15, 3), expect.closeTo(15, 3)]);
    // The channel totals are the sums of the per-conversion credits.
    const totals = Object.fromEntries(r.models[0]!.channels.map((c) => [c.channel, c.conversions]));
    expect(totals['A']).toBeCloseTo(a!.models[0]!.conversions[0]! + b!.models[0]!.conversions[0]!, 12);
  });

  it('sums to each conversion, reuses per-path shares, adds up to the channel totals', async () => {
    const r = await analyze(shop, { models: 'all', perConversion: true, detail: true });
    expect(r.conversions!.map((c) => `${c.person} ${c.orderId}`)).toEqual(['a o1', 'a o2', 'b o3', 'c o4']);
    for (const conversion of r.conversions!) {
      expect(conversion.models.map((m) => m.model)).toEqual(r.models.map((m) => m.model));
      for (const m of conversion.models) {
        const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
        expect(m.conversions).toHaveLength(conversion.touches.length);
        expect(sum(m.conversions), m.model).toBeCloseTo(conversion.count, 12);
        expect(sum(m.value), m.model).toBeCloseTo(conversion.value, 12);
        if (m.model === 'time_decay') continue;
        const path = conversion.touches.map((t) => t.channel);
        const detail = r.models.find((x) => x.model === m.model)!.paths!;
        const row = detail.find((p) => p.path.join() === path.join())!;
        expect(m.conversions, m.model).toEqual(row.shares.map((s) => s * conversion.count));
      }
    }
    for (const model of r.models) {
      if (model.model === 'markov') continue; // its channel totals follow the global removal-effect rule
      const byChannel = new Map<string, number>();
      for (const conversion of r.conversions!) {
        const m = conversion.models.find((x) => x.model === model.model)!;
        conversion.touches.forEach((t, i) =>
          byChannel.set(t.channel, (byChannel.get(t.channel) ?? 0) + m.value[i]!),
        );
      }
      for (const c of model.channels)
        expect(byChannel.get(c.channel) ?? 0, model.model).toBeCloseTo(c.value, 9);
    }
  });

  it('is the same for any event order', async () => {
    const run = async (events: LooseEvent[]) =>
      JSON.stringify((await analyze(events, { perConversion: true })).conversions);
    const reversed = await run([...shop].reverse());
    expect(reversed).toBe(await run(shop));
    expect(await run([...shop.slice(6), ...shop.slice(0, 6)])).toBe(reversed);
  });

  it('orders conversions alike but for their currency the same way whatever the event order', async () => {
    const events = [
      page('a', C - 1000, 'Email'),
      convert('a', C, { currency: 'USD', id: undefined }),
      convert('a', C, { currency: 'EUR', id: undefined }),
    ];
    for (const order of [events, [...events].reverse()]) {
      const { conversions } = await analyze(order, { models: ['linear'], perConversion: true });
      expect(conversions!.map((c) => c.currency)).toEqual(['EUR', 'USD']);
    }
  });

  it('keeps a channel named with U+0001 apart from the two-touch path it would spell', async () => {
    const events = [
      page('a', C - 2000, 'A'),
      page('a', C - 1000, 'B'),
      convert('a', C),
      page('b', C - 1000, 'A\u0001B'),
      convert('b', C),
      page('c', C - 2000, 'A\u0001B'),
      page('c', C - 1000, 'C'),
      convert('c', C),
      page('d', C - 2000, 'A'),
      page('d', C - 1000, 'B\u0001C'),
      convert('d', C),
    ];
    const r = await analyze(events, {
      models: ['linear', 'leave_one_out'],
      perConversion: true,
      detail: true,
    });
    // leave_one_out: the path A\u0001B alone was seen converting, so C adds nothing to it.
    const credit = r.conversions!.map(
      (c) => `${c.person} ${c.models.map((m) => m.conversions.join('/')).join(' ')}`,
    );
    expect(credit).toEqual(['a 0.5/0.5 0.5/0.5', 'b 1 1', 'c 0.5/0.5 1/0', 'd 0.5/0.5 0.5/0.5']);
    expect(r.models[0]!.paths!.map((p) => p.path)).toHaveLength(4);
    expect(r.flow.filter((l) => l.step === 0)).toHaveLength(4);
  });

  it('says in CSV which person is an anonymous device, as the JSON does', async () => {
    const events = [
      page('alice', C - 1000, 'Email'),
      convert('alice', C),
      page('dev2', C - 1000, 'Paid Search'),
      ev('identify', 'dev2', C - 1000, { userId: 'alice' }),
      convert('dev2', C, { value: 20 }),
    ];
    const r = await analyze(events, { models: ['linear'], perConversion: true });
    const csv = renderReport(r, 'csv').trim().split('\n');
    expect(csv[0]).toMatch(/^model,person,anonymous,conversion_ts,/);
    expect(csv.slice(1).map((l) => l.split(',').slice(1, 3).join(','))).toEqual([
      'alice,true',
      'alice,false',
    ]);
  });

  it('labels touches as the path does under transforms', async () => {
    const journeys = await buildJourneys([
      page('a', C - 3000, 'Email'),
      page('a', C - 2000, 'Email'),
      convert('a', C),
    ]);
    const paths = aggregatePaths(journeys, { transforms: [frequency], perConversion: true });
    const [conversion] = attribute(paths, { models: ['linear'], perConversion: true }).conversions!;
    expect(conversion!.touches).toEqual([{ channel: 'Email(2)', ts: C - 3000, kind: 'visit' }]);
    expect(conversion!.models).toEqual([{ model: 'linear', conversions: [1], value: [10] }]);
  });

  it('renders as JSON that reads back to the same report, a compact line per conversion', async () => {
    const r = await analyze(shop, { models: ['linear', 'time_decay'], perConversion: true });
    const json = renderReport(r, 'json');
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(r)));
    expect(json.split('\n').filter((l) => l.startsWith('    {"person":'))).toHaveLength(4);
    const none = await analyze([page('x', C, 'Email')], { perConversion: true });
    expect(JSON.parse(renderReport(none, 'json')).conversions).toEqual([]);
  });

  it('keeps nothing unless asked, and says what to do on aggregated (CSV) paths', async () => {
    const plain = await analyze(shop, { models: ['linear'] });
    expect('conversions' in plain).toBe(false);
    expect(aggregatePaths(await buildJourneys(shop)).conversions).toBeUndefined();
    expect(() => attribute(parsePathsCsv('A > B;1;10;0'), { perConversion: true })).toThrow(
      /\[touchpoint\] attribution: perConversion needs .*events.*CSV.*detail: true/,
    );
  });
});
