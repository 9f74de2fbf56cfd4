import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { collectorsPerTest, postBatch, storedEvents, trackEvent } from './test-harness.js';

const start = collectorsPerTest();

describe('POST /v1/batch', () => {
  it('stores a valid text/plain batch with receive time and answers the counts', async () => {
    const { baseUrl, dataDir, collector } = await start();
    const events = [trackEvent(), trackEvent({ type: 'page', page: { url: 'https://x.test/', path: '/' } })];
    const res = await postBatch(baseUrl, { v: 1, sentAt: Date.now(), events });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const saved = await storedEvents(dataDir);
    expect(saved.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(saved[0]!.receivedAt).toBeGreaterThan(0);
    expect(saved[0]!.clientTs).toBe(events[0]!.ts);
    expect(collector.metrics()).toMatchObject({ accepted: 2, duplicates: 0, rejected: 0, batches: 1 });
  });

  it('accepts application/json and refuses other content types with 415', async () => {
    const { baseUrl } = await start();
    const ok = await postBatch(
      baseUrl,
      { v: 1, events: [trackEvent()] },
      { contentType: 'application/json' },
    );
    expect(ok.status).toBe(200);
    const bad = await postBatch(
      baseUrl,
      { v: 1, events: [trackEvent()] },
      { contentType: 'application/xml' },
    );
    expect(bad.status).toBe(415);
    expect(bad.json.error).toMatch(/^\[touchpoint\] unsupported content-type/);
  });

  it('reads a body that starts with a byte-order mark', async () => {
    const { baseUrl, dataDir } = await start();
    const res = await postBatch(baseUrl, '\uFEFF' + JSON.stringify({ v: 1, events: [trackEvent()] }));
    expect(res.json).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await storedEvents(dataDir)).toHaveLength(1);
  });

  it('counts duplicates, within a batch and across batches', async () => {
    const { baseUrl, dataDir } = await start();
    const e = trackEvent();
    const first = await postBatch(baseUrl, { v: 1, events: [e, e] });
    expect(first.json).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    const again = await postBatch(baseUrl, { v: 1, events: [e, trackEvent()] });
    expect(again.json).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect(await storedEvents(dataDir)).toHaveLength(2);
  });

  it('keeps the first copy of a repeated id that can be stored, and rejects the copies that cannot', async () => {
    // The first copy passes validate() but cannot be stored (NUL); the clean resend after it was counted
    // as a duplicate and never stored, and the SDK drops what the answer calls a duplicate.
    const { baseUrl, dataDir } = await start();
    const clean = trackEvent();
    const broken = { ...clean, props: { note: 'a\u0000b' } };
    const res = await postBatch(baseUrl, { v: 1, events: [broken, clean, clean] });
    expect(res.json).toEqual({
      accepted: 1,
      duplicates: 1,
      rejected: [{ id: clean.id, reason: expect.stringContaining('NUL') }],
    });
    const lone = trackEvent();
    const alone = await postBatch(baseUrl, { v: 1, events: [{ ...lone, name: 42 }] });
    expect(alone.json).toMatchObject({ accepted: 0, duplicates: 0, rejected: [{ id: lone.id }] });
    expect((await storedEvents(dataDir)).map((e) => e.id)).toEqual([clean.id]);
    // The protocol's answer: `duplicates` are valid copies of a stored id, `rejected` the copies that
    // failed; a bad copy after the kept one is no duplicate, whichever check it fails.
    const next = trackEvent();
    const after = await postBatch(baseUrl, {
      v: 1,
      events: [next, { ...next, props: { note: 'a\u0000b' } }],
    });
    expect(after.json).toMatchObject({ accepted: 1, duplicates: 0, rejected: [{ id: next.id }] });
    const third = trackEvent();
    const invalid = await postBatch(baseUrl, { v: 1, events: [third, { ...third, name: 42 }] });
    expect(invalid.json).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [{ id: third.id, reason: '"name" must be a string' }],
    });
    expect((await storedEvents(dataDir)).map((e) => e.id)).toEqual([clean.id, next.id, third.id]);
  });

  it('rejects a bad event alone, with its id and reason', async () => {
    const { baseUrl, dataDir } = await start();
    const bad = trackEvent({ name: 42 });
    const res = await postBatch(baseUrl, { v: 1, events: [trackEvent(), bad, { nonsense: true }] });
    expect(res.status).toBe(200);
    expect(res.json.accepted).toBe(1);
    expect(res.json.rejected).toEqual([
      { id: bad.id, reason: '"name" must be a string' },
      { id: '#2', reason: expect.stringContaining('"id"') },
    ]);
    expect(await storedEvents(dataDir)).toHaveLength(1);
  });

  it('rejects an event with a number JSON cannot hold (1e309) anywhere, instead of storing null', async () => {
    const { baseUrl, dataDir } = await start();
    const kept = trackEvent();
    const huge = trackEvent();
    // JSON.parse reads 1e309 as Infinity, which JSON.stringify would store as null: a silent change.
    const body = JSON.stringify({ v: 1, events: [kept, { ...huge, extra: 0 }] }).replace(
      '"extra":0',
      '"extra":1e309',
    );
    const res = await postBatch(baseUrl, body);
    expect(res.json).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [{ id: huge.id, reason: expect.stringContaining('finite') }],
    });
    expect((await storedEvents(dataDir)).map((e) => e.id)).toEqual([kept.id]);
  });

  it('answers 400 with a clear error for unusable bodies', async () => {
    const { baseUrl, collector } = await start();
    for (const body of ['{not json', '[]', '{"v":2,"events":[]}', '{"v":1}', 'null']) {
      const res = await postBatch(baseUrl, body);
      expect(res.status, body).toBe(400);
      expect(res.json.error).toMatch(/^\[touchpoint\] /);
    }
    expect(collector.metrics().refusedRequests).toBe(5);
  });

  it('answers 413 for bodies and batches over the limits, and rejects an oversized event alone', async () => {
    const { baseUrl } = await start({ maxBodyBytes: 10_000, maxEventsPerBatch: 5, maxEventBytes: 1000 });
    const big = await postBatch(baseUrl, {
      v: 1,
      events: [trackEvent({ props: { x: 'y'.repeat(20_000) } })],
    });
    expect(big.status).toBe(413);
    expect(big.json.error).toMatch(/limit/);
    const many = await postBatch(baseUrl, { v: 1, events: Array.from({ length: 6 }, () => trackEvent()) });
    expect(many.status).toBe(413);
    expect(many.json.error).toMatch(/at most 5 events/);
    const fat = trackEvent({ props: { x: 'y'.repeat(2000) } });
    const one = await postBatch(baseUrl, { v: 1, events: [fat, trackEvent()] });
    expect(one.json).toMatchObject({
      accepted: 1,
      rejected: [{ id: fat.id, reason: expect.stringMatching(/limit is 1000/) }],
    });
  });

  it('reads an over-limit body to the end before answering 413, and cuts off huge ones at once', async () => {
    const { baseUrl } = await start({ maxBodyBytes: 10_000 });
    // Twice the limit: drained, so the browser sees the 413 and can split its batch; the connection stays usable.
    const big = await postBatch(baseUrl, {
      v: 1,
      events: [trackEvent({ props: { x: 'y'.repeat(20_000) } })],
    });
    expect(big.status).toBe(413);
    expect(big.headers.get('connection')).not.toBe('close');
    const { port } = new URL(baseUrl);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 10000000\r\n\r\n{',
        );
      });
      let data = '';
      socket.on('data', (d) => (data += d));
      socket.on('close', () => resolve(data));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toMatch(/connection: close/i);
  });

  it('rejects strings over maxStringLength per event', async () => {
    const { baseUrl } = await start({ maxStringLength: 50 });
    const long = trackEvent({ page: { url: 'https://x.test/' + 'a'.repeat(60), path: '/' } });
    const res = await postBatch(baseUrl, { v: 1, events: [long] });
    expect(res.json.rejected[0].reason).toMatch(/longer than 50/);
  });

  it('corrects a client clock that is off, from sentAt, unless switched off', async () => {
    const hour = 3_600_000;
    const skewed = Date.now() - 5 * hour; // the client clock is 5 hours behind
    const e = trackEvent({ ts: skewed - 1000 });
    const a = await start();
    await postBatch(a.baseUrl, { v: 1, sentAt: skewed, events: [e] });
    const [fixed] = await storedEvents(a.dataDir);
    expect(Math.abs(fixed!.ts - (Date.now() - 1000))).toBeLessThan(10_000);
    expect(fixed!.clientTs).toBe(e.ts);
    const b = await start({ clockCorrection: false });
    await postBatch(b.baseUrl, { v: 1, sentAt: skewed, events: [e] });
    const [asSent] = await storedEvents(b.dataDir);
    expect(asSent!.ts).toBe(e.ts);
  });

  it('rejects events whose time is outside the range every store can hold', async () => {
    const a = await start();
    // A sentAt far from any real clock shifts every event of its batch out of range: all are rejected.
    const wild = trackEvent({ ts: 1 });
    const res = await postBatch(a.baseUrl, { v: 1, sentAt: 1e300, events: [wild] });
    expect(res.json).toMatchObject({
      accepted: 0,
      rejected: [{ id: wild.id, reason: expect.stringMatching(/out of range/) }],
    });
    const b = await start({ clockCorrection: false });
    const future = trackEvent({ ts: 1e300 });
    const asSent = await postBatch(b.baseUrl, { v: 1, events: [future, trackEvent()] });
    expect(asSent.json).toMatchObject({ accepted: 1, rejected: [{ id: future.id }] });
  });

  it('truncates the client IP by default, drops it on request, and ignores an ip field sent by the client', async () => {
    const a = await start();
    await postBatch(a.baseUrl, { v: 1, events: [trackEvent({ ip: '1.2.3.4' })] });
    expect((await storedEvents(a.dataDir))[0]!.ip).toBe('127.0.0.0');
    const b = await start({ ip: 'drop' });
    await postBatch(b.baseUrl, { v: 1, events: [trackEvent({ ip: '1.2.3.4' })] });
    expect((await storedEvents(b.dataDir))[0]).not.toHaveProperty('ip');
  });

  it('requires a write key in ?key= when keys are configured', async () => {
    const { baseUrl } = await start({ writeKeys: ['site-a-key'] });
    expect((await postBatch(baseUrl, { v: 1, events: [trackEvent()] })).status).toBe(401);
    expect((await postBatch(baseUrl, { v: 1, events: [trackEvent()] }, { query: '?key=wrong' })).status).toBe(
      401,
    );
    expect(
      (await postBatch(baseUrl, { v: 1, events: [trackEvent()] }, { query: '?key=site-a-key' })).status,
    ).toBe(200);
  });

  it('keeps dedup across a restart', async () => {
    const first = await start();
    const e = trackEvent();
    await postBatch(first.baseUrl, { v: 1, events: [e] });
    await first.stop();
    const second = await start({ dataDir: first.dataDir });
    const res = await postBatch(second.baseUrl, { v: 1, events: [e, trackEvent()] });
    expect(res.json).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect(await storedEvents(first.dataDir)).toHaveLength(2);
  });

  it('stores each event once under concurrent overlapping batches', async () => {
    const { baseUrl, dataDir } = await start();
    const events = Array.from({ length: 200 }, () => trackEvent());
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postBatch(baseUrl, { v: 1, events: events.slice(i * 5, i * 5 + 100) }),
      ),
    );
    const accepted = answers.reduce((sum, a) => sum + a.json.accepted, 0);
    const duplicates = answers.reduce((sum, a) => sum + a.json.duplicates, 0);
    expect(accepted).toBe(195);
    expect(accepted + duplicates).toBe(20 * 100);
    const ids = (await storedEvents(dataDir)).map((e) => e.id);
    expect(new Set(ids).size).toBe(195);
    expect(ids).toHaveLength(195);
  });
});
