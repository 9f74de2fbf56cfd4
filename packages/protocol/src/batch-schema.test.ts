// The JSON Schema (schema/batch.schema.json) and validate() must agree on good and bad samples.
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import schema from '../schema/batch.schema.json';
import { validate, validateEvent } from './validate.js';
import { uuidv7 } from './uuid-v7.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const check = ajv.compile(schema);

const envelope = () => ({ id: uuidv7(), ts: 1_700_000_000_000, anonymousId: 'a1', sessionId: 's1' });
const page = { url: 'https://shop.example/?utm_source=x', path: '/', title: 'Shop', referrer: '' };
const ad = { id: 'ad-1', campaign: 'spring', creative: 'c', placement: 'top', network: 'display' };

const good: Record<string, unknown>[] = [
  { ...envelope(), type: 'page', page },
  {
    ...envelope(),
    type: 'page',
    page,
    campaign: { source: 'google', medium: 'cpc', clickId: { name: 'gclid', value: 'abc' } },
    touchpoint: {
      kind: 'ad',
      channel: 'Paid Search',
      source: 'google',
      paid: true,
      referrerHost: 'google.com',
    },
  },
  { ...envelope(), type: 'track', name: 'signup', props: { plan: 'pro', n: 1, list: [1, 'a', null] } },
  { ...envelope(), type: 'identify', userId: 'u1', traits: { tier: 'gold' } },
  { ...envelope(), type: 'conversion', name: 'purchase', value: 49.5, currency: 'EUR', orderId: 'o-1' },
  {
    ...envelope(),
    type: 'conversion',
    name: 'lead',
    journal: { first: { kind: 'email', channel: 'Email', ts: 1 } },
  },
  { ...envelope(), type: 'ad_impression', ad, visibleMs: 1200 },
  {
    ...envelope(),
    type: 'ad_click',
    ad: { id: 'ad-2' },
    impressionId: uuidv7(),
    target: 'https://shop.example/',
  },
  { ...envelope(), type: 'share', network: 'linkedin', url: 'https://shop.example/p' },
  {
    ...envelope(),
    type: 'survey',
    question: 'How did you hear about us?',
    answer: 'Podcast',
    channel: 'Audio',
  },
  {
    ...envelope(),
    type: 'vitals',
    pageId: uuidv7(),
    metrics: [{ name: 'LCP', value: 1800, rating: 'good' }],
  },
  { ...envelope(), type: 'email_open', email: { campaign: 'c', message: 'm', recipient: 'r' } },
  { ...envelope(), type: 'email_click', email: {}, target: 'https://shop.example/' },
  { ...envelope(), type: 'track', name: 'x', userId: 'u', futureField: { anything: true } },
];

const base = good[2]!;
const bad: Record<string, unknown>[] = [
  { ...base, id: 'not-a-uuid' },
  { ...base, id: undefined },
  { ...base, type: 'click' },
  { ...base, ts: -5 },
  { ...base, ts: '2026-01-01' },
  { ...base, anonymousId: '' },
  { ...base, anonymousId: 'x'.repeat(257) },
  { ...base, sessionId: 7 },
  { ...base, userId: 'u'.repeat(300) },
  { ...base, name: '' },
  { ...base, name: undefined },
  { ...base, props: 'flat' },
  { ...base, page: { url: 'https://x/' } },
  { ...base, campaign: { clickId: { name: 'gclid' } } },
  { ...good[0]!, page: undefined },
  { ...good[1]!, touchpoint: { kind: 'ad' } },
  { ...good[3]!, userId: undefined },
  { ...good[4]!, currency: 'eur' },
  { ...good[4]!, value: 'free' },
  { ...good[6]!, ad: { campaign: 'no id' } },
  { ...good[6]!, visibleMs: '1s' },
  { ...good[8]!, network: undefined },
  { ...good[9]!, answer: '' },
  { ...good[10]!, metrics: [] },
  { ...good[10]!, metrics: [{ name: 'FID', value: 3 }] },
  { ...good[10]!, metrics: [{ name: 'CLS' }] },
  { ...good[11]!, email: 'r@x' },
  { ...good[12]!, target: undefined },
  { ...good[12]!, email: { recipient: 5 } },
  { ...base, props: { long: 'y'.repeat(8193) } },
  { ...base, props: { a: [{ b: [{ c: [{ d: [{ deep: true }] }] }] }] } },
  { ...good[3]!, traits: { list: ['z'.repeat(9000)] } },
];
good.push({ ...base, props: { a: [{ b: [{ c: [{ ok: true }] }] }] } });

describe('batch.schema.json', () => {
  it.each(good.map((e) => [e.type, e]))('accepts a good %s event, like validate()', (_type, event) => {
    expect(validateEvent(event, 0).ok).toBe(true);
    expect(check({ v: 1, sentAt: 1, events: [event] }), JSON.stringify(check.errors)).toBe(true);
  });

  it.each(bad.map((e, i) => [i, e]))('rejects bad sample #%i, like validate()', (_i, event) => {
    expect(validateEvent(event, 0).ok).toBe(false);
    expect(check({ v: 1, events: [event] })).toBe(false);
  });

  it('agrees on the batch envelope', () => {
    for (const body of [
      { v: 2, events: [] },
      { events: [] },
      { v: 1 },
      { v: 1, events: {} },
      { v: 1, sentAt: 'now', events: [] },
      { v: 1, writeKey: 42, events: [] },
    ]) {
      expect(validate(body).ok).toBe(false);
      expect(check(body)).toBe(false);
    }
    expect(validate({ v: 1, events: [] }).ok).toBe(true);
    expect(validate({ v: 1, writeKey: 'k', events: [] }).ok).toBe(true);
    expect(check({ v: 1, events: [] })).toBe(true);
  });
});
