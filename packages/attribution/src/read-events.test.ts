import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildJourneys } from './build-journeys.js';
import { readEvents } from './read-events.js';

describe('readEvents', () => {
  it('streams a directory of *.ndjson by file name, keeps extra fields, skips bad lines alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tp-read-'));
    await writeFile(join(dir, 'b.ndjson'), '{"id":"3","anonymousId":"a","ts":1,"receivedAt":5}\r\n');
    await writeFile(
      join(dir, 'a.ndjson'),
      '{"id":"1","anonymousId":"a","ts":1}\n\n{broken\n[1]\n{"id":"2","anonymousId":"a","ts":1}',
    );
    await writeFile(join(dir, 'ignored.txt'), '{"id":"x"}\n');
    const problems: Array<{ file: string; line: number; reason: string }> = [];
    const seen: unknown[] = [];
    for await (const e of readEvents(dir, { onInvalid: (p) => problems.push(p) })) seen.push(e);
    const env = { anonymousId: 'a', ts: 1 };
    expect(seen).toEqual([
      { id: '1', ...env },
      { id: '2', ...env },
      { id: '3', ...env, receivedAt: 5 },
    ]);
    expect(problems.map((p) => [p.file.endsWith('a.ndjson'), p.line])).toEqual([
      [true, 3],
      [true, 4],
    ]);
    expect(problems[1]!.reason).toBe('not a JSON object');
  });

  it('reports and skips an object no analysis can use, with its file, line and reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tp-read-'));
    const good = { id: 'g', type: 'page', anonymousId: 'a', ts: 1 };
    const bad = [
      { ...good, ts: 'yesterday' },
      { id: 'x', type: 'page' },
      { ...good, anonymousId: '' },
      { ...good, ts: Number.MAX_VALUE * 10 }, // JSON 1e309 parses to Infinity
    ];
    const lines = [good, ...bad, good].map((e) => JSON.stringify(e).replace('null', '1e309'));
    await writeFile(join(dir, 'e.ndjson'), lines.join('\n'));
    const problems: Array<{ file: string; line: number; reason: string }> = [];
    const seen: unknown[] = [];
    for await (const e of readEvents(dir, { onInvalid: (p) => problems.push(p) })) seen.push(e);
    expect(seen).toEqual([good, good]);
    expect(problems.map((p) => [p.file, p.line, p.reason])).toEqual([
      [join(dir, 'e.ndjson'), 2, '"ts" is not a number of epoch milliseconds'],
      [
        join(dir, 'e.ndjson'),
        3,
        'no "anonymousId" (a non-empty string); "ts" is not a number of epoch milliseconds',
      ],
      [join(dir, 'e.ndjson'), 4, 'no "anonymousId" (a non-empty string)'],
      [join(dir, 'e.ndjson'), 5, '"ts" is not a number of epoch milliseconds'],
    ]);
    // The journey builder skips (and counts) exactly these events when they come from memory.
    const journeys = await buildJourneys(bad);
    expect(journeys.stats).toMatchObject({ events: bad.length, skipped: bad.length });
  });

  it('reads large files across chunk boundaries, in batches too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tp-read-'));
    const lines = Array.from({ length: 30_000 }, (_, i) =>
      JSON.stringify({ id: String(i), anonymousId: 'a', ts: i, pad: 'x'.repeat(i % 97) }),
    );
    await writeFile(join(dir, 'big.ndjson'), lines.join('\n') + '\n');
    let count = 0;
    let last = '';
    for await (const batch of readEvents(join(dir, 'big.ndjson')).batches()) {
      count += batch.length;
      last = batch[batch.length - 1]!['id'] as string;
    }
    expect([count, last]).toEqual([30_000, '29999']);
  });

  it('says what to do when the input is missing', async () => {
    await expect(readEvents('/nonexistent/x.ndjson')[Symbol.asyncIterator]().next()).rejects.toThrow(
      /\[touchpoint\] attribution: cannot read \/nonexistent\/x.ndjson/,
    );
  });
});
