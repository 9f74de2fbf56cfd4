import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { planVisitors } from './plan.mjs';
// @ts-expect-error plain ESM script without types
import { CHANNEL_NAMES } from './channels.mjs';

const NOW = Date.UTC(2026, 10, 23, 12);
const SHOP = 'http://127.0.0.1:9999';
const plan = (count: number, seed = 7, days = 14) =>
  planVisitors({ count, seed, now: NOW, days, shop: SHOP });

describe('planVisitors', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(plan(50)).toEqual(plan(50));
    expect(plan(50, 8)).not.toEqual(plan(50));
  });

  it('keeps every visit in the simulated past, in order per person, with new sessions between visits', () => {
    for (const person of plan(300)) {
      let previous = NOW - 14 * 86_400_000 - 1;
      for (const visit of person.visits) {
        expect(visit.time).toBeGreaterThan(previous);
        expect(visit.time).toBeLessThan(NOW);
        if (previous > NOW - 14 * 86_400_000) expect(visit.time - previous).toBeGreaterThanOrEqual(3_600_000);
        previous = visit.time;
      }
    }
  });

  it('uses every channel, converts some people, and sends some buyers to a second signed-in device', () => {
    const people = plan(300);
    const visits = people.flatMap((p: { visits: unknown[] }) => p.visits);
    expect(new Set(visits.map((v: { channel: string }) => v.channel))).toEqual(new Set(CHANNEL_NAMES));
    const buyers = people.filter((p: { visits: { buy: boolean }[] }) => p.visits.some((v) => v.buy));
    expect(buyers.length).toBeGreaterThan(30);
    expect(buyers.length).toBeLessThan(200);
    const crossDevice = buyers.filter(
      (p: { visits: { device: string }[] }) => p.visits.at(-1)!.device === 'b',
    );
    expect(crossDevice.length).toBeGreaterThan(3);
    for (const person of crossDevice) {
      expect(person.visits[0].signIn).toBe(true);
      expect(person.visits.at(-1).signIn).toBe(true);
    }
  });

  it('builds arrivals the shop and the collector understand', () => {
    const visits = plan(200).flatMap((p: { visits: unknown[] }) => p.visits);
    const paid = visits.find((v: { channel: string }) => v.channel === 'paid_search');
    expect(paid.arrival.url).toMatch(/^http:\/\/127\.0\.0\.1:9999\/.*utm_medium=cpc.*gclid=/);
    const email = visits.find((v: { channel: string }) => v.channel === 'email');
    expect(email.arrival.email.target).toContain('utm_medium=email');
    const direct = visits.find((v: { channel: string }) => v.channel === 'direct');
    expect(direct.arrival.referer).toBeUndefined();
  });

  it('refuses a period too short to hold a journey', () => {
    expect(() => plan(1, 7, 5)).toThrow(/\[touchpoint\] demo: --days must be more than 7/);
  });
});
