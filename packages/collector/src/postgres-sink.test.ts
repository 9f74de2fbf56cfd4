import { afterAll, describe, expect, it } from 'vitest';
import { createCollector, type Collector } from './collector.js';
import { dropSchema, freshSchema, pgUrl, queryRows } from './pg-test-url.js';
import { createPostgresSink } from './postgres-sink.js';
import { postBatch, trackEvent } from './test-harness.js';

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

  it('fails at start with a clear message when the database is unreachable', async () => {
    await expect(
      createPostgresSink({ connectionString: 'postgres://nobody@127.0.0.1:1/none', schema }),
    ).rejects.toThrow(/\[touchpoint\] postgres sink: cannot prepare/);
    await expect(createPostgresSink({ connectionString: pgUrl!, schema: 'Bad-Name' })).rejects.toThrow(
      /identifier/,
    );
  });
});
