import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Touch } from '@touchpoint/protocol';
import { fakeHost, type FakeHost } from './fake-host.js';
import { DEFAULT_CLICK_ID_TTL_MS, journal } from './journal.js';

const DAY = 24 * 3600 * 1000;
let host: FakeHost;
const arrive = (touchpoint: Touch) =>
  host.record('page', { page: { url: location.href, path: '/' }, touchpoint });
const convert = () => host.record('conversion', { name: 'purchase' });
const direct: Touch = { kind: 'direct', channel: 'Direct' };
const email: Touch = { kind: 'email', channel: 'Email', campaign: 'spring' };
const ad: Touch = { kind: 'ad', channel: 'Paid Search', paid: true, clickId: { name: 'gclid', value: 'G' } };

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
  localStorage.clear();
  host = fakeHost();
  host.start(journal());
});
afterEach(() => {
  host.stop();
  vi.useRealTimers();
});

describe('journal', () => {
  it('attaches first, last non-direct and recent touches to conversions', () => {
    arrive(email);
    vi.advanceTimersByTime(DAY);
    arrive(ad);
    arrive(direct);
    const conversion = convert();
    expect(conversion?.type === 'conversion' && conversion.journal).toMatchObject({
      first: { channel: 'Email' },
      lastNonDirect: { channel: 'Paid Search' },
      recent: [{ channel: 'Email' }, { channel: 'Paid Search' }, { channel: 'Direct' }],
    });
  });
  it('gives click-id touches an expiry and drops them from recent once expired', () => {
    arrive(ad);
    const [touch] = JSON.parse(localStorage.getItem('tp_journal')!).recent;
    expect(touch.expiresAt - touch.ts).toBe(DEFAULT_CLICK_ID_TTL_MS);
    vi.advanceTimersByTime(DEFAULT_CLICK_ID_TTL_MS + 1);
    const c = convert();
    expect(c?.type === 'conversion' && c.journal?.recent).toEqual([]);
    // first and last non-direct stay: they are history, not live click ids.
    expect(c?.type === 'conversion' && c.journal?.first?.channel).toBe('Paid Search');
  });
  it('honours custom expiry, age and limit options and collapses repeated direct visits', () => {
    host.stop();
    host = fakeHost();
    host.start(journal({ clickIdTtlMs: DAY, limit: 3 }));
    arrive(direct);
    arrive(direct);
    arrive(ad);
    vi.advanceTimersByTime(2 * DAY);
    for (let i = 0; i < 4; i++) arrive({ ...email, campaign: 'c' + i });
    const c = convert();
    const recent = c?.type === 'conversion' ? c.journal?.recent : undefined;
    expect(recent?.map((t) => t.campaign)).toEqual(['c1', 'c2', 'c3']);
    expect(c?.type === 'conversion' && c.journal?.first?.kind).toBe('direct');
  });
  it('persists across page loads (a new plugin instance reads it back)', () => {
    arrive(email);
    host.stop();
    host = fakeHost();
    host.start(journal());
    const c = convert();
    expect(c?.type === 'conversion' && c.journal?.first?.campaign).toBe('spring');
  });
  it.each(['"text"', '42', '[1]', 'null'])('starts over from a stored %s that is no journal', (stored) => {
    host.stop();
    localStorage.setItem('tp_journal', stored);
    host = fakeHost();
    host.start(journal());
    arrive(email);
    const c = convert();
    expect(c?.type === 'conversion' && c.journal?.first?.campaign).toBe('spring');
    expect(JSON.parse(localStorage.getItem('tp_journal')!)).toMatchObject({ first: { campaign: 'spring' } });
  });
  it('belongs to one person: after reset() (a new anonymous id) it starts over, also after a reload', () => {
    arrive(email);
    host.ctx.anonymousId = 'a2';
    expect(convert()).not.toHaveProperty('journal');
    host.ctx.anonymousId = 'a1';
    arrive(ad);
    host.stop();
    host = fakeHost();
    host.ctx.anonymousId = 'a3';
    host.start(journal());
    expect(convert()).not.toHaveProperty('journal');
    arrive(direct);
    const c = convert();
    expect(c?.type === 'conversion' && c.journal).toEqual({
      first: { ...direct, ts: expect.any(Number) },
      recent: [{ ...direct, ts: expect.any(Number) }],
    });
  });
  it('adds nothing to a conversion when no touch is known', () => {
    const c = convert();
    expect(c?.type === 'conversion' && c.journal).toBeUndefined();
  });
});

describe('journal storage and consent', () => {
  it('writes nothing while consent is pending, then writes at the next event once granted', () => {
    let consent: 'pending' | 'granted' = 'pending';
    Object.assign(host, { consent: () => consent });
    arrive(email);
    expect(localStorage.getItem('tp_journal')).toBeNull();
    consent = 'granted';
    host.record('track', { name: 'x' });
    expect(JSON.parse(localStorage.getItem('tp_journal')!).first).toMatchObject({ campaign: 'spring' });
  });
  it('writes in its flush hook (page hidden or left) once granted', () => {
    let consent: 'pending' | 'granted' = 'pending';
    Object.assign(host, { consent: () => consent });
    arrive(email);
    consent = 'granted';
    expect(localStorage.getItem('tp_journal')).toBeNull();
    window.dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(localStorage.getItem('tp_journal')!).first).toMatchObject({ campaign: 'spring' });
  });
});
