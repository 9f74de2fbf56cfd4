import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main, MAX_REPORTED_LINES } from './cli.js';
import { MODEL_NAMES } from './models/model-options.js';

const pkg = join(import.meta.dirname, '..');
const fixture = (name: string) => join(pkg, 'test', 'fixtures', name);

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

describe('touchpoint-attribution CLI', () => {
  it('built binary prints the JSON shape for NDJSON input', async () => {
    const bin = join(pkg, 'bin', 'touchpoint-attribution.js');
    expect(existsSync(join(pkg, 'dist', 'cli.js')), 'run pnpm build first').toBe(true);
    const { stdout } = await promisify(execFile)(process.execPath, [
      bin,
      fixture('events.ndjson'),
      '--model',
      'all',
      '--format',
      'json',
    ]);
    const json = JSON.parse(stdout);
    expect(json.models.map((m: { model: string }) => m.model)).toEqual([...MODEL_NAMES]);
    for (const m of json.models) {
      for (const c of m.channels)
        expect(Object.keys(c)).toEqual(expect.arrayContaining(['channel', 'conversions', 'value']));
      expect(m.channels.reduce((a: number, c: { conversions: number }) => a + c.conversions, 0)).toBeCloseTo(
        3,
        9,
      );
      expect(m.channels.reduce((a: number, c: { value: number }) => a + c.value, 0)).toBeCloseTo(100, 9);
    }
    const last = json.models.find((m: { model: string }) => m.model === 'last_touch');
    expect(last.channels.filter((c: { conversions: number }) => c.conversions > 0)).toEqual([
      { channel: 'Email', conversions: 2, value: 80, share: 2 / 3 },
      { channel: 'Referral', conversions: 1, value: 20, share: 1 / 3 },
    ]);
    expect(json.journeys.selfReported).toEqual({ Audio: { Referral: 1 } });
  });

  it('reads ChannelAttribution CSV with --order and --no-nulls', async () => {
    const { code, stdout } = await cli(
      fixture('golden.csv'),
      '--model',
      'markov',
      '--no-nulls',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const markov = JSON.parse(stdout).models[0];
    expect(markov.channels.map((c: { conversions: number }) => c.conversions)).toEqual(
      [28 / 13, 21 / 13, 42 / 13].map((x) => expect.closeTo(x, 9)),
    );
    const detail = JSON.parse(
      (await cli(fixture('golden.csv'), '--model', 'linear', '--detail', '--format', 'json')).stdout,
    );
    expect(detail.models[0].paths).toContainEqual({
      path: ['A', 'A', 'B'],
      conversions: 1,
      value: 10,
      shares: [1 / 3, 1 / 3, 1 / 3],
    });
    const order2 = JSON.parse(
      (await cli(fixture('golden.csv'), '--model', 'markov', '--order', '2', '--format', 'json')).stdout,
    );
    expect(order2.models[0].markov.order).toBe(2);
  });

  it('applies --transform to ChannelAttribution CSV paths too', async () => {
    const linear = async (...extra: string[]) =>
      JSON.parse((await cli(fixture('golden.csv'), '--model', 'linear', '--format', 'json', ...extra)).stdout)
        .models[0].channels;
    // A > A > B becomes A > B: A's share of that conversion drops from 2/3 to 1/2.
    expect(await linear('--transform', 'exposure')).toEqual([
      {
        channel: 'A',
        conversions: expect.closeTo(10 / 6, 9),
        value: expect.closeTo(15.8333333333 - 10 / 6, 9),
        share: expect.closeTo(10 / 42, 9),
      },
      {
        channel: 'B',
        conversions: expect.closeTo(7 / 6, 9),
        value: expect.closeTo(10 + 10 / 6, 9),
        share: expect.closeTo(7 / 42, 9),
      },
      {
        channel: 'C',
        conversions: expect.closeTo(25 / 6, 9),
        value: expect.closeTo(39.1666666667, 9),
        share: expect.closeTo(25 / 42, 9),
      },
    ]);
    expect((await linear('--transform', 'frequency')).map((c: { channel: string }) => c.channel)).toContain(
      'A(2)',
    );
  });

  it('writes csv, table and a self-contained html file', async () => {
    const csv = await cli(fixture('golden.csv'), '--model', 'linear,first_touch', '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('model,channel,conversions,value,share');
    expect(csv.stdout).toContain('first_touch,A,4,35,');
    const table = await cli(fixture('golden.csv'));
    expect(table.stdout).toMatch(/Conversions by channel and model/);
    const dir = await mkdtemp(join(tmpdir(), 'tp-cli-'));
    const out = join(dir, 'r.html');
    expect((await cli(fixture('events.ndjson'), '--format', 'html', '--out', out)).code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(3);
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
  });

  it('passes journey options through and reports skipped lines', async () => {
    const r = await cli(
      fixture('events.ndjson'),
      '--model',
      'first_touch',
      '--format',
      'json',
      '--lookback',
      'visit=1m',
      '--session-timeout',
      '5m',
      '--transform',
      'exposure',
    );
    expect(r.stderr).toMatch(/skipped 1 lines/);
    // Only touches within a minute of the conversion count: two of three conversions lose every touch.
    expect(JSON.parse(r.stdout).journeys.untracked).toBe(2);
    // The table and the HTML page say so too, instead of silently showing fewer conversions.
    for (const format of ['table', 'html']) {
      const out = await cli(fixture('events.ndjson'), '--format', format, '--lookback', 'visit=1m');
      expect(out.stdout).toMatch(/1 conversions, value 50.*2 conversions without any touch/s);
    }
    expect(
      JSON.parse((await cli(fixture('events.ndjson'), '--format', 'json')).stdout).journeys.untracked,
    ).toBe(0);
  });

  it('reports each skipped line and event with its file, line and reason, then a count', async () => {
    const good = (await readFile(fixture('events.ndjson'), 'utf8'))
      .split('\n')
      .filter((l) => l.startsWith('{"'));
    const page = good.map((l) => JSON.parse(l)).find((e) => e.type === 'page');
    const bad = [
      '{not json',
      '[1,2]',
      JSON.stringify({ ...page, ts: 'yesterday' }),
      '{"id":"x","type":"page"}',
    ];
    const file = join(await mkdtemp(join(tmpdir(), 'tp-bad-')), 'bad.ndjson');
    await writeFile(file, [good[0], ...bad, ...good.slice(1)].join('\n'));
    const r = await cli(file, '--format', 'json');
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      expect.stringMatching(
        new RegExp(`^\\[touchpoint\\] attribution: skipped ${file} line 2: not JSON \\(.+\\)$`),
      ),
      `[touchpoint] attribution: skipped ${file} line 3: not a JSON object`,
      `[touchpoint] attribution: skipped ${file} line 4: "ts" is not a number of epoch milliseconds`,
      `[touchpoint] attribution: skipped ${file} line 5: no "anonymousId" (a non-empty string); ` +
        '"ts" is not a number of epoch milliseconds',
    ]);
    expect(lines[4]).toMatch(/skipped 4 lines in all/);
    // Many bad lines: the first ones are printed, then how many more.
    await writeFile(file, [...Array(25).fill('[1]'), ...good].join('\n'));
    const many = (await cli(file, '--format', 'json')).stderr
      .split('\n')
      .filter((l) => l.includes('skipped'));
    expect(many).toHaveLength(MAX_REPORTED_LINES + 1);
    expect(many[MAX_REPORTED_LINES]).toMatch(/skipped 25 lines in all \(15 more not shown\)/);
  });

  it('--per-conversion lists each conversion × touch in JSON and CSV; CSV input has none', async () => {
    const plain = JSON.parse((await cli(fixture('events.ndjson'), '--format', 'json')).stdout);
    expect(plain).not.toHaveProperty('conversions'); // the JSON shape without the flag is unchanged
    const r = await cli(
      fixture('events.ndjson'),
      '--model',
      'linear,time_decay',
      '--per-conversion',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.models.map((m: { model: string }) => m.model)).toEqual(['linear', 'time_decay']);
    expect(json.conversions).toHaveLength(3);
    const [first] = json.conversions;
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining(['person', 'ts', 'name', 'value', 'count', 'id', 'touches', 'models']),
    );
    expect(first.touches[0]).toEqual({
      channel: expect.any(String),
      ts: expect.any(Number),
      kind: expect.any(String),
    });
    expect(first.models.map((m: { model: string }) => m.model)).toEqual(['linear', 'time_decay']);
    const csv = await cli(
      fixture('events.ndjson'),
      '--model',
      'linear',
      '--per-conversion',
      '--format',
      'csv',
    );
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'model,person,anonymous,conversion_ts,conversion_name,order_id,conversion_id,currency,' +
        'touch,channel,touch_ts,kind,conversions,value',
    );
    const touches = json.conversions.reduce(
      (n: number, c: { touches: unknown[] }) => n + c.touches.length,
      0,
    );
    expect(lines).toHaveLength(1 + touches);
    expect(lines[1]).toMatch(
      new RegExp(
        `^linear,${first.person},${first.anonymous === true},${first.ts},${first.name},[^,]*,${first.id},`,
      ),
    );
    expect(await cli(fixture('golden.csv'), '--per-conversion', '--format', 'json')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^\[touchpoint\] attribution: --per-conversion needs NDJSON events/),
    });
    expect(await cli(fixture('events.ndjson'), '--per-conversion')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--per-conversion .*--format json or csv/),
    });
  });

  it('--no-nulls changes Markov only: null journeys from events still count elsewhere', async () => {
    // a: A then B, converts; b: B alone, converts; c and d: B alone, never convert; e: A alone, never converts.
    const lines = [
      ...[
        ['a', 0, 'A'],
        ['a', 3_600_000, 'B'],
        ['b', 0, 'B'],
        ['c', 0, 'B'],
        ['d', 0, 'B'],
        ['e', 0, 'A'],
      ].map(([anon, ts, channel]) => ({
        type: 'page',
        anonymousId: anon,
        sessionId: `${anon}${ts}`,
        ts,
        page: { url: 'https://shop.example/' },
        touchpoint: { kind: 'other', channel },
      })),
      { type: 'conversion', anonymousId: 'a', ts: 7_200_000, name: 'buy', value: 10 },
      { type: 'conversion', anonymousId: 'b', ts: 60_000, name: 'buy', value: 10 },
    ];
    const file = join(await mkdtemp(join(tmpdir(), 'tp-nulls-')), 'events.ndjson');
    await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    const run = async (...extra: string[]) =>
      JSON.parse((await cli(file, '--model', 'leave_one_out,markov', '--format', 'json', ...extra)).stdout);
    const [withNulls, withoutNulls] = [await run(), await run('--no-nulls')];
    expect(withoutNulls.totals).toEqual(withNulls.totals);
    expect(withoutNulls.totals.nulls).toBe(3);
    expect(withoutNulls.models[0]).toEqual(withNulls.models[0]);
    expect(withoutNulls.models[1].markov.nulls).toBe(false);
    expect(withNulls.models[1].markov.nulls).toBe(true);
  });
  it('says when values of several currencies were added up, and --currency keeps one', async () => {
    const lines = [
      {
        type: 'page',
        anonymousId: 'a',
        sessionId: 's',
        ts: 0,
        page: { url: 'https://shop.example/' },
        touchpoint: { kind: 'email', channel: 'Email' },
      },
      { type: 'conversion', anonymousId: 'a', ts: 60_000, name: 'buy', value: 10, currency: 'EUR' },
      { type: 'conversion', anonymousId: 'a', ts: 120_000, name: 'buy', value: 20, currency: 'USD' },
    ];
    const file = join(await mkdtemp(join(tmpdir(), 'tp-currency-')), 'events.ndjson');
    await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    const mixed = await cli(file, '--model', 'last_touch');
    expect(mixed.stderr).toMatch(/values in EUR, USD were added up as they are; pass --currency EUR/);
    expect(mixed.stdout).toMatch(/2 conversions, value 30, .*values add up EUR, USD as they are/);
    const eur = await cli(file, '--model', 'last_touch', '--currency', 'eur');
    expect(eur.stderr).toBe('');
    expect(eur.stdout).toMatch(/Totals: 1 conversions, value 10 EUR, 0 null journeys/);
    expect(
      JSON.parse((await cli(file, '--currency', 'EUR', '--format', 'json')).stdout).journeys.currencies,
    ).toEqual({
      EUR: 1,
    });
    expect(await cli(file, '--currency', 'euro')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/ISO 4217/),
    });
    // CSV input has no events to check it against: the CLI checks it itself.
    expect(await cli(fixture('golden.csv'), '--currency', 'euro')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--currency euro is not a three-letter ISO 4217 code/),
    });
  });
  it('fails with a clear message on bad options', async () => {
    expect(await cli(fixture('golden.csv'), '--model', 'nope')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/unknown model "nope"/),
    });
    expect(await cli(fixture('golden.csv'), '--lookback', 'x=1d')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/click, visit or impression/),
    });
    expect(
      await cli(fixture('golden.csv'), '--out', join(tmpdir(), 'tp-no-such-dir', 'r.html')),
    ).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^\[touchpoint\] attribution: cannot write .*r\.html; /),
    });
    // Read as NDJSON, the CSV's rows were skipped as bad lines: its conversions vanished from the report.
    expect(await cli(fixture('events.ndjson'), fixture('golden.csv'))).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/cannot mix ChannelAttribution CSV .*golden\.csv/),
    });
    // CSV input has no journeys to cut, so a misspelt --paths must be caught by the CLI itself.
    expect(await cli(fixture('golden.csv'), '--paths', 'rest')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--paths rest is not one of overlap, reset/),
    });
    // Option values are checked the same whatever the input: --half-life 0 passed on CSV input before.
    for (const input of [fixture('golden.csv'), fixture('events.ndjson')]) {
      expect(await cli(input, '--half-life', '0')).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/^\[touchpoint\] attribution: --half-life 0 must be > 0 ms/),
      });
      expect(await cli(input, '--position-weights', '0.5,0.5,0.5')).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/--position-weights 0.5,0.5,0.5: give three weights ≥ 0 that sum/),
      });
    }
    expect(await cli()).toMatchObject({ code: 2, stderr: expect.stringMatching(/give an input/) });
    expect(await cli('x', '--bogus')).toMatchObject({ code: 2 });
    expect((await cli('--help')).stdout).toMatch(/Usage: touchpoint-attribution/);
  });
  it('says so when the input holds no events (a folder without *.ndjson files, e.g. the one above the events)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tp-cli-'));
    const { code, stderr } = await cli(dir, '--format', 'csv');
    expect(code).toBe(0);
    expect(stderr).toContain(`[touchpoint] attribution: no events in ${dir}`);
    expect((await cli(fixture('events.ndjson'), '--format', 'csv')).stderr).not.toContain('no events');
  });
});
