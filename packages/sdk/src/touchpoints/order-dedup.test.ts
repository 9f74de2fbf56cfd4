import { beforeEach, describe, expect, it } from 'vitest';
import type { TouchpointEvent } from '@touchpoint/protocol';
import { fakeHost } from './fake-host.js';
import { dedupeOrders, ORDER_IDS_KEPT } from './order-dedup.js';
import { save } from './store.js';

const conversion = (orderId?: string) =>
  ({
    id: 'x',
    type: 'conversion',
    ts: 1,
    anonymousId: 'a',
    sessionId: 's',
    name: 'purchase',
    orderId,
  }) as TouchpointEvent;

beforeEach(() => localStorage.clear());

describe('dedupeOrders', () => {
  it('drops a repeated order id, across page loads, and reports it', () => {
    const host = fakeHost();
    const first = dedupeOrders(host);
    expect(first(conversion('o1'))).toBeUndefined();
    expect(first(conversion('o1'))).toBe(false);
    expect(dedupeOrders()(conversion('o1'))).toBe(false);
    expect(dedupeOrders()(conversion('o2'))).toBeUndefined();
    expect(host.reports).toEqual([['duplicate_order', { orderId: 'o1' }]]);
  });
  it.each(['{"o1":1}', '"o1"', '7'])('starts a new list over a stored %s that is no list', (stored) => {
    localStorage.setItem('tp_orders', stored);
    const dedupe = dedupeOrders();
    expect(dedupe(conversion('o1'))).toBeUndefined();
    expect(dedupe(conversion('o1'))).toBe(false);
  });
  it('passes conversions without order id and other events', () => {
    const dedupe = dedupeOrders();
    expect(dedupe(conversion())).toBeUndefined();
    expect(dedupe(conversion())).toBeUndefined();
    expect(dedupe({ ...conversion('o1'), type: 'track', name: 't' } as TouchpointEvent)).toBeUndefined();
    expect(dedupe(conversion('o1'))).toBeUndefined();
  });
  it('remembers a bounded number of ids', () => {
    const dedupe = dedupeOrders();
    for (let i = 0; i <= ORDER_IDS_KEPT; i++) dedupe(conversion('o' + i));
    expect(JSON.parse(localStorage.getItem('tp_orders')!)).toHaveLength(ORDER_IDS_KEPT);
    expect(dedupeOrders()(conversion('o0'))).toBeUndefined();
  });
});

describe('store consent', () => {
  it('writes the ids held while consent was pending with the next event once it is granted', () => {
    const host = fakeHost();
    let state = 'pending';
    Object.assign(host, { consent: () => state });
    const dedupe = dedupeOrders(host);
    expect(dedupe(conversion('o1'))).toBeUndefined();
    expect(localStorage.getItem('tp_orders')).toBeNull();
    state = 'granted';
    dedupe({ ...conversion(), type: 'vitals' } as TouchpointEvent);
    // The thank-you page reloaded: a new page's dedup knows the order.
    expect(dedupeOrders(host)(conversion('o1'))).toBe(false);
  });
  it('writes nothing unless the host says consent is granted', () => {
    const host = fakeHost();
    let state = 'pending';
    Object.assign(host, { consent: () => state });
    expect(save('k', 1, host)).toBe(false);
    expect(localStorage.getItem('tp_k')).toBeNull();
    state = 'granted';
    expect(save('k', 1, host)).toBe(true);
    expect(localStorage.getItem('tp_k')).toBe('1');
  });
});
