import { describe, expect, it } from 'vitest';
import { validate, validateEvent } from './validate.js';
import { uuidv7 } from './uuid-v7.js';

function event(overrides: Record<string, unknown> = {}) {
  return {
    id: uuidv7(),
    type: 'track',
    name: 'signup',
    ts: Date.now(),
    anonymousId: 'a1',
    sessionId: 's1',
    ...overrides,
  };
}

describe('validate', () => {
  it('accepts a valid batch', () => {
    const result = validate({
      v: 1,
      events: [event(), event({ type: 'page', page: { url: 'https://x.test/', path: '/' } })],
    });
    expect(result.ok && result.accepted.length).toBe(2);
  });

  it('rejects a bad event alone, with its id and a reason', () => {
    const bad = event({ name: undefined });
    const result = validate({ v: 1, events: [event(), bad, event()] });
    if (!result.ok) throw new Error(result.error);
    expect(result.accepted).toHaveLength(2);
    expect(result.rejected).toEqual([{ id: bad.id, reason: 'missing required field "name"' }]);
  });

  it('names events without a usable id by their index', () => {
    const result = validate({ v: 1, events: [event(), { type: 'track' }] });
    if (!result.ok) throw new Error(result.error);
    expect(result.rejected[0]!.id).toBe('#1');
    const named = validate({ v: 1, events: [{ id: 'bad', type: 'track' }] });
    if (!named.ok) throw new Error(named.error);
    expect(named.rejected[0]!.id).toBe('bad');
  });

  it('refuses bodies that are not batches', () => {
    expect(validate(null)).toMatchObject({ ok: false });
    expect(validate({ v: 2, events: [] })).toMatchObject({
      ok: false,
      error: expect.stringContaining('"v": 1'),
    });
    expect(validate({ v: 1 })).toMatchObject({ ok: false });
    expect(validate({ v: 1, events: new Array(3).fill(event()) }, { maxEvents: 2 })).toMatchObject({
      ok: false,
    });
  });

  it('keeps one copy of an id repeated inside a batch', () => {
    const e = event();
    const result = validate({ v: 1, events: [e, e] });
    expect(result.ok && result.accepted.length).toBe(1);
  });

  it.each([
    [{ type: 'nope' }, '"type" must be one of'],
    [{ ts: 'yesterday' }, '"ts" must be a finite number'],
    [{ anonymousId: '' }, '"anonymousId" must not be empty'],
    [{ id: 'not-a-uuid' }, '"id" must be a uuid'],
    [{ type: 'identify' }, 'missing required field "userId"'],
    [{ type: 'conversion', name: 'buy', currency: 'euro' }, 'three-letter'],
    [{ type: 'conversion', name: 'buy', value: Number.NaN }, '"value" must be a finite number'],
    [{ type: 'page' }, 'missing required field "page"'],
    [{ type: 'vitals', pageId: 'x', metrics: [{ name: 'FID', value: 1 }] }, 'LCP, INP, CLS'],
    [{ type: 'ad_impression' }, 'missing required field "ad"'],
    [{ props: [] }, '"props" must be an object'],
    [{ name: 'x'.repeat(300) }, 'longer than 256'],
  ])('rejects %j', (overrides, reason) => {
    const result = validateEvent(event(overrides), 0);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejection.reason).toContain(reason);
  });

  it('limits nesting depth of free-form properties', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 20; i++) deep = (deep.x = {}) as Record<string, unknown>;
    expect(validateEvent(event({ props: root }), 0).ok).toBe(false);
  });

  it('lower-cases ids so dedup compares one spelling', () => {
    const e = event();
    const result = validateEvent({ ...e, id: e.id.toUpperCase() }, 0);
    expect(result.ok && result.event.id).toBe(e.id);
  });
});
