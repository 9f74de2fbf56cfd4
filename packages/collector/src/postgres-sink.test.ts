import { createServer, connect, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createCollector, type Collector } from './collector.js';
import { dropSchema, freshSchema, pgUrl, queryRows } from './pg-test-url.js';
import { createPostgresSink } from './postgres-sink.js';
import { postBatch, storedEvent, trackEvent } from './test-harness.js';

describe.skipIf(!pgUrl)('PostgreSQL sink behind collectors', () => {
  const schema = freshSchema();
  const collectors: Collector[] = [];
  afterAll(async () => {
    for (const c of collectors) await c.close();
    await dropSchema(schema);
  });

  async function start(): Promise<string> {
    const sink = await createPostgresSink({ connectionString: pgUrl!, schema });
    const collector = await createCollector({ sink, onError: () => {} });
    collectors.push(collector);
    return collector.listen(0, '127.0.0.1');
  }

  it('two collectors on one database store each event once', async () => {
    // Both start at once: schema creation must not race.
    const [a, b] = await Promise.all([start(), start()]);
    const events = Array.from({ length: 400 }, () => trackEvent());
    const sends = [];
    for (let i = 0; i < 8; i++) {
      const slice = events.slice(i * 40, i * 40 + 80);
      sends.push(postBatch(a!, { v: 1, events: slice }), postBatch(b!, { v: 1, events: slice }));
    }
    const answers = await Promise.all(sends);
    for (const answer of answers) expect(answer.status).toBe(200);
    const accepted = answers.reduce((s, r) => s + r.json.accepted, 0);
    const duplicates = answers.reduce((s, r) => s + r.json.duplicates, 0);
    expect(accepted).toBe(events.slice(0, 360).length);
    expect(accepted + duplicates).toBe(16 * 80);
    const [row] = await queryRows<{ n: string; d: string }>(
      `SELECT count(*) AS n, count(DISTINCT id) AS d FROM "${schema}".touchpoint_events`,
    );
    expect(Number(row!.n)).toBe(360);
    expect(Number(row!.d)).toBe(360);
  });

  it('stores typed columns beside the jsonb event', async () => {
    const [url] = await Promise.all([start()]);
    const e = trackEvent({ userId: 'u-9' });
    await postBatch(url!, { v: 1, sentAt: Date.now(), events: [e] });
    const [row] = await queryRows<Record<string, unknown>>(
      `SELECT type, anonymous_id, user_id, (extract(epoch from ts) * 1000)::bigint AS ts_ms, event->>'clientTs' AS client_ts
       FROM "${schema}".touchpoint_events WHERE id = '${e.id}'`,
    );
    expect(row).toMatchObject({ type: 'track', anonymous_id: 'a1', user_id: 'u-9', client_ts: String(e.ts) });
    expect(Number(row!.ts_ms)).toBe(e.ts);
  });

  it('answers /healthz from the database', async () => {
    const url = await start();
    const res = await fetch(`${url}/healthz`);
    expect(await res.json()).toEqual({ ok: true, sink: 'postgres' });
  });

  it('stores an event whose time is a denormal number (the division underflowed and failed its batch)', async () => {
    const url = await start();
    const events = [trackEvent({ ts: 1e-321 }), trackEvent()];
    const res = await postBatch(url, { v: 1, events });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
  });

  it('answers 503 while the database hangs, and still shuts down', async () => {
    // A proxy that stops passing bytes: the database's host is up, but nothing answers (a frozen
    // server, a dead network path). Requests hung forever and close() never returned.
    const db = new URL(pgUrl!);
    let frozen = false;
    const sockets = new Set<Socket>();
    const proxy = createServer((client) => {
      const upstream = connect(Number(db.port || 5432), db.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => {});
        s.on('close', () => (client.destroy(), upstream.destroy()));
      }
      client.on('data', (d) => frozen || upstream.write(d));
      upstream.on('data', (d) => frozen || client.write(d));
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const via = new URL(pgUrl!);
      via.port = String((proxy.address() as { port: number }).port);
      const sink = await createPostgresSink({ connectionString: via.href, schema, queryTimeoutMs: 500 });
      const collector = await createCollector({ sink, onError: () => {}, shutdownTimeoutMs: 500 });
      const url = await collector.listen(0, '127.0.0.1');
      expect((await postBatch(url, { v: 1, events: [trackEvent()] })).status).toBe(200);
      frozen = true;
      const hung = await postBatch(url, { v: 1, events: [trackEvent()] });
      expect(hung.status).toBe(503);
      expect(hung.headers.get('retry-after')).toBeTruthy();
      // Each answered within the ping's own 2 s, the second too, though it must open a connection.
      for (let i = 0; i < 2; i++) {
        const started = Date.now();
        expect((await fetch(`${url}/healthz`)).status).toBe(503);
        expect(Date.now() - started).toBeLessThan(2_500);
      }
      // The sink itself closes, not only the collector around it.
      const late = Symbol('still closing');
      const sinkClosed = sink.close().then(() => 'closed');
      expect(await Promise.race([sinkClosed, new Promise((r) => setTimeout(r, 3_000, late))])).toBe('closed');
      const closing = collector.close();
      expect(
        await Promise.race([closing.then(() => 'closed'), new Promise((r) => setTimeout(r, 3_000, late))]),
      ).toBe('closed');
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => proxy.close(r));
    }
  });

  it('a write answered 503 after its timeout is not committed later (the server cancels it)', async () => {
    // A table lock makes a healthy database slow. A client-side timeout alone answered 503 while the
    // INSERT waited for the lock and then committed: the retry became a duplicate.
    const sink = await createPostgresSink({ connectionString: pgUrl!, schema, queryTimeoutMs: 500 });
    const collector = await createCollector({ sink, onError: () => {} });
    collectors.push(collector);
    const url = await collector.listen(0, '127.0.0.1');
    const locker = new pg.Client({ connectionString: pgUrl! });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE "${schema}".touchpoint_events IN ACCESS EXCLUSIVE MODE`);
      const e = trackEvent();
      const started = Date.now();
      expect((await postBatch(url, { v: 1, events: [e] })).status).toBe(503);
      expect(Date.now() - started).toBeLessThan(1_400);
      await locker.query('COMMIT');
      await new Promise((r) => setTimeout(r, 300));
      const [row] = await queryRows<{ n: string }>(
        `SELECT count(*) AS n FROM "${schema}".touchpoint_events WHERE id = '${e.id}'`,
      );
      expect(Number(row!.n)).toBe(0);
      // The retry is stored, and counted as new.
      expect((await postBatch(url, { v: 1, events: [e] })).json).toMatchObject({
        accepted: 1,
        duplicates: 0,
      });
    } finally {
      await locker.end();
    }
  });

  it('starts beside busy collectors without locking their table, and bounds the wait when it must', async () => {
    // An insert still in its transaction holds a lock that CREATE INDEX waits for, even IF NOT EXISTS
    // and the index there: the new collector failed to start, and stalled the others meanwhile.
    await (await createPostgresSink({ connectionString: pgUrl!, schema })).close();
    const writer = new pg.Client({ connectionString: pgUrl! });
    await writer.connect();
    const openInsert = async () => {
      await writer.query('BEGIN');
      await writer.query(
        `INSERT INTO "${schema}".touchpoint_events (id, type, ts, received_at, anonymous_id, session_id, event)
         VALUES (gen_random_uuid(), 'track', now(), now(), 'a', 's', '{}')`,
      );
    };
    try {
      await openInsert();
      const started = Date.now();
      const sink = await createPostgresSink({ connectionString: pgUrl!, schema, queryTimeoutMs: 500 });
      expect(Date.now() - started).toBeLessThan(1_000);
      await sink.close();
      await writer.query('ROLLBACK');
      // With an index to create, the start waits for the lock at most its timeout, on the server too: no
      // CREATE INDEX is left waiting, with the running collectors' inserts queued behind it.
      await queryRows(`DROP INDEX "${schema}".touchpoint_events_ts_idx`);
      await openInsert();
      const failing = Date.now();
      await expect(
        createPostgresSink({ connectionString: pgUrl!, schema, queryTimeoutMs: 500 }),
      ).rejects.toThrow(/cannot prepare/);
      expect(Date.now() - failing).toBeLessThan(1_500);
      await new Promise((r) => setTimeout(r, 200));
      const [waiting] = await queryRows<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE '%CREATE INDEX%' AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      expect(Number(waiting!.n)).toBe(0);
    } finally {
      await writer.query('ROLLBACK').catch(() => {});
      await writer.end();
    }
  });

  it('fails at start with a clear message when the database is unreachable', async () => {
    await expect(
      createPostgresSink({ connectionString: 'postgres://nobody@127.0.0.1:1/none', schema }),
    ).rejects.toThrow(/\[touchpoint\] postgres sink: cannot prepare/);
    await expect(createPostgresSink({ connectionString: pgUrl!, schema: 'Bad-Name' })).rejects.toThrow(
      /identifier/,
    );
    // Its index names add up to 17 characters, and PostgreSQL cuts names at 63: both would be one name.
    await expect(
      createPostgresSink({ connectionString: pgUrl!, schema, table: 't'.repeat(47) }),
    ).rejects.toThrow(/"table" must be a lower-case SQL identifier of at most 46 characters/);
  });

  it('two collectors writing the same ids in other orders never deadlock (no valid batch answered 503)', async () => {
    // Each insert waits for the other's uncommitted rows of an id it holds: rows taken in two orders made
    // a lock cycle, which PostgreSQL broke by failing one write (40P01), answered 503.
    const a = await createPostgresSink({ connectionString: pgUrl!, schema, table: 'orders_race' });
    const b = await createPostgresSink({ connectionString: pgUrl!, schema, table: 'orders_race' });
    try {
      for (let round = 0; round < 4; round++) {
        const pool = Array.from({ length: 300 }, () => storedEvent());
        const pick = () => Array.from({ length: 10 }, () => pool[Math.floor(Math.random() * pool.length)]!);
        const writes = Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).write(pick()));
        const results = await Promise.allSettled(writes);
        expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('writes with a role that may only insert, into a table made for it beforehand', async () => {
    // RETURNING needs SELECT: every batch of such a role was answered 503.
    await (await createPostgresSink({ connectionString: pgUrl!, schema, table: 'insert_only' })).close();
    const role = `tp_insert_${Math.random().toString(36).slice(2, 8)}`;
    await queryRows(`CREATE ROLE ${role} LOGIN; GRANT USAGE ON SCHEMA "${schema}" TO ${role};
      GRANT INSERT ON "${schema}".insert_only TO ${role}`);
    const url = new URL(pgUrl!);
    url.username = role;
    const sink = await createPostgresSink({ connectionString: url.href, schema, table: 'insert_only' });
    try {
      const events = Array.from({ length: 5 }, () => storedEvent());
      const writes = await Promise.all([sink.write(events.slice(0, 3)), sink.write(events.slice(2))]);
      expect(writes[0].inserted + writes[1].inserted).toBe(5);
      expect(await sink.write(events)).toEqual({ inserted: 0 });
      const [row] = await queryRows<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".insert_only`);
      expect(Number(row!.n)).toBe(5);
      // Another unique index would swallow a row clashing on it as a duplicate, without RETURNING to tell.
      await queryRows(`CREATE UNIQUE INDEX insert_only_other ON "${schema}".insert_only (id, ts)`);
      await expect(
        createPostgresSink({ connectionString: url.href, schema, table: 'insert_only' }),
      ).rejects.toThrow(/unique index besides its primary key.*GRANT SELECT \(id\)/);
      // SELECT on the id column alone is enough for RETURNING: such a role stores and counts as any.
      await queryRows(`GRANT SELECT (id) ON "${schema}".insert_only TO ${role}`);
      const counted = await createPostgresSink({ connectionString: url.href, schema, table: 'insert_only' });
      const fresh = storedEvent();
      expect(await counted.write([fresh, events[0]!])).toEqual({ inserted: 1 });
      await counted.close();
    } finally {
      await sink.close();
      await queryRows(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
    }
  });
});
