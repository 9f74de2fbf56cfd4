import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliConfig } from './cli-config.js';
import { runCli } from './cli.js';
import { readStoredEvents } from './read-stored-events.js';
import { postBatch, removeDir, tempDir, trackEvent } from './test-harness.js';

describe('parseCliConfig', () => {
  it('reads the documented flags', () => {
    const config = parseCliConfig(
      [
        '--port',
        '8787',
        '--data',
        './data',
        '--host',
        '0.0.0.0',
        '--secret',
        'sixteen-chars-or-more',
        '--allow-redirect-host',
        'shop.example',
        '--allow-redirect-host',
        '*.cdn.example',
        '--cors-origin',
        'https://shop.example',
        '--write-key',
        'k1',
        '--ip',
        'drop',
        '--no-clock-correction',
      ],
      {},
    );
    expect(config).toMatchObject({
      port: 8787,
      host: '0.0.0.0',
      sink: { kind: 'ndjson', dataDir: './data' },
      options: {
        redirectSecret: 'sixteen-chars-or-more',
        allowRedirectHosts: ['shop.example', '*.cdn.example'],
        corsOrigins: ['https://shop.example'],
        writeKeys: ['k1'],
        ip: 'drop',
        clockCorrection: false,
      },
    });
  });

  it('reads TOUCHPOINT_* variables, flags winning', () => {
    const env = {
      TOUCHPOINT_PORT: '9000',
      TOUCHPOINT_PG_URL: 'postgres://u@h/db',
      TOUCHPOINT_ALLOW_REDIRECT_HOSTS: 'a.example, b.example',
      TOUCHPOINT_CLOCK_CORRECTION: 'false',
    };
    const config = parseCliConfig(['--port', '9001'], env);
    expect(config.port).toBe(9001);
    expect(config.sink).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
    expect(config.options.allowRedirectHosts).toEqual(['a.example', 'b.example']);
    expect(config.options.clockCorrection).toBe(false);
    // How many proxies are in front; `--trust-proxy` is one.
    expect(parseCliConfig([], { TOUCHPOINT_TRUST_PROXY: '2' }).options.trustProxy).toBe(2);
    expect(parseCliConfig([], { TOUCHPOINT_TRUST_PROXY: 'true' }).options.trustProxy).toBe(true);
    expect(parseCliConfig(['--trust-proxy'], { TOUCHPOINT_TRUST_PROXY: '0' }).options.trustProxy).toBe(true);
    expect(parseCliConfig(['--sink', 'postgres', '--pg-url', 'postgres://x/y'], {}).sink).toMatchObject({
      url: 'postgres://x/y',
    });
  });

  it('lets a storage flag win over the storage chosen by environment variables', () => {
    // A container image sets TOUCHPOINT_SINK=ndjson; the operator passes --pg-url: events must go to PostgreSQL.
    expect(parseCliConfig(['--pg-url', 'postgres://x/y'], { TOUCHPOINT_SINK: 'ndjson' }).sink).toEqual({
      kind: 'postgres',
      url: 'postgres://x/y',
    });
    expect(parseCliConfig(['--data', '/d'], { TOUCHPOINT_PG_URL: 'postgres://u@h/db' }).sink).toEqual({
      kind: 'ndjson',
      dataDir: '/d',
    });
    expect(
      parseCliConfig(['--sink', 'ndjson', '--pg-url', 'postgres://x/y'], { TOUCHPOINT_SINK: 'postgres' })
        .sink,
    ).toEqual({ kind: 'ndjson', dataDir: './data' });
  });

  it('says what is wrong with bad flags', () => {
    expect(() => parseCliConfig(['--port', 'eighty'], {})).toThrow(/--port must be a whole number/);
    expect(() => parseCliConfig(['--port', '70000'], {})).toThrow(/--port/);
    expect(() => parseCliConfig(['--ip', 'hash'], {})).toThrow(/--ip must be truncate, drop or keep/);
    expect(() => parseCliConfig(['--sink', 'kafka'], {})).toThrow(/--sink must be ndjson or postgres/);
    expect(() => parseCliConfig(['--sink', 'postgres'], {})).toThrow(/needs --pg-url/);
    expect(() => parseCliConfig(['--bogus'], {})).toThrow(/\[touchpoint\].*bogus.*--help/);
    expect(() => parseCliConfig([], { TOUCHPOINT_TRUST_PROXY: 'maybe' })).toThrow(
      /TOUCHPOINT_TRUST_PROXY must be 1 or 0 \(true or false\), got "maybe"/,
    );
    expect(() => parseCliConfig([], { TOUCHPOINT_CLOCK_CORRECTION: '2' })).toThrow(
      /TOUCHPOINT_CLOCK_CORRECTION/,
    );
    // A bad environment variable is named as such, not as the flag nobody gave.
    expect(() => parseCliConfig([], { TOUCHPOINT_PORT: 'eighty' })).toThrow(
      /TOUCHPOINT_PORT must be a whole number/,
    );
    expect(() => parseCliConfig([], { TOUCHPOINT_MAX_BODY_BYTES: '0' })).toThrow(/TOUCHPOINT_MAX_BODY_BYTES/);
    expect(() => parseCliConfig([], { TOUCHPOINT_IP: 'hash' })).toThrow(/TOUCHPOINT_IP must be truncate/);
    expect(() => parseCliConfig([], { TOUCHPOINT_SINK: 'kafka' })).toThrow(/TOUCHPOINT_SINK must be ndjson/);
    expect(() => parseCliConfig(['--port', '1'], { TOUCHPOINT_PORT: 'x' }).port).not.toThrow();
  });

  it('refuses an empty value instead of turning a setting off', () => {
    // `--write-key "$KEY"` with KEY unset started a collector that took any batch; an empty secret signed
    // nothing (forged opens and clicks were recorded); an empty --pg-url fell back to files; an empty
    // --host bound every interface.
    for (const flag of ['--write-key', '--secret', '--pg-url', '--pg', '--host', '--data', '--cors-origin']) {
      expect(() => parseCliConfig([flag, ''], {})).toThrow(`${flag} needs a value`);
      expect(() => parseCliConfig([`${flag}= `], {})).toThrow(`${flag} needs a value`);
    }
    expect(() => parseCliConfig(['--write-key', 'k1', '--write-key', ''], {})).toThrow(/--write-key/);
    expect(() => parseCliConfig(['--write-key', ','], {})).toThrow('--write-key lists nothing');
    for (const variable of ['TOUCHPOINT_SECRET', 'TOUCHPOINT_HOST', 'TOUCHPOINT_PORT', 'TOUCHPOINT_PG_URL']) {
      expect(() => parseCliConfig([], { [variable]: '' })).toThrow(`${variable} is set but empty`);
    }
    expect(() => parseCliConfig([], { TOUCHPOINT_WRITE_KEYS: ', ' })).toThrow(
      'TOUCHPOINT_WRITE_KEYS lists nothing',
    );
    // Variables the collector does not read are none of its business, nor are those a flag overrides
    // (docker-compose writes `${DATABASE_URL:-}` as an empty value), nor any for --help.
    expect(parseCliConfig([], { TOUCHPOINT_TEST_PG_URL: '' }).port).toBe(8787);
    expect(parseCliConfig(['--data', './d'], { TOUCHPOINT_PG_URL: '' }).sink).toEqual({
      kind: 'ndjson',
      dataDir: './d',
    });
    expect(parseCliConfig([], { TOUCHPOINT_SINK: 'ndjson', TOUCHPOINT_PG_URL: '' }).sink.kind).toBe('ndjson');
    expect(
      parseCliConfig(['--secret', 'k'.repeat(16)], { TOUCHPOINT_SECRET: '' }).options.redirectSecret,
    ).toBe('k'.repeat(16));
    expect(parseCliConfig(['--port', '9000'], { TOUCHPOINT_PORT: '' }).port).toBe(9000);
    expect(parseCliConfig(['--write-key', 'k'], { TOUCHPOINT_WRITE_KEYS: '' }).options.writeKeys).toEqual([
      'k',
    ]);
    expect(parseCliConfig(['--help'], { TOUCHPOINT_SECRET: '', TOUCHPOINT_PORT: 'x' }).help).toBe(true);
    expect(parseCliConfig(['--pg-url', 'postgres://x/y'], { TOUCHPOINT_DATA: '' }).sink.kind).toBe(
      'postgres',
    );
    expect(() => parseCliConfig(['--pg-url', 'postgres://x/y'], { TOUCHPOINT_PG_TABLE: ' ' })).toThrow(
      'TOUCHPOINT_PG_TABLE is set but empty',
    );
    // The two switches read empty as unset, as before.
    const switches = parseCliConfig([], { TOUCHPOINT_CLOCK_CORRECTION: '', TOUCHPOINT_TRUST_PROXY: '' });
    expect(switches.options).toEqual({});
  });
});

describe('runCli', () => {
  it('prints help', async () => {
    const lines: string[] = [];
    expect(await runCli(['--help'], {}, (l) => lines.push(l))).toBeUndefined();
    expect(lines.join('\n')).toContain('--port <n>');
  });

  it("names the flag or variable of an option the collector refuses, not only the option's API name", async () => {
    await expect(runCli(['--port', '0', '--secret', 'short'], {}, () => {})).rejects.toThrow(
      /"redirectSecret" must be .* \(set by --secret or TOUCHPOINT_SECRET\)$/,
    );
    await expect(
      runCli(['--port', '0'], { TOUCHPOINT_CORS_ORIGINS: 'shop.example' }, () => {}),
    ).rejects.toThrow(/corsOrigins.*\(set by --cors-origin or TOUCHPOINT_CORS_ORIGINS\)$/);
    const pg = ['--port', '0', '--sink', 'postgres', '--pg', 'postgres://nobody@127.0.0.1:1/none'];
    await expect(runCli([...pg, '--pg-table', 'x'.repeat(47)], {}, () => {})).rejects.toThrow(
      /at most 46 characters.* \(set by --pg-table or TOUCHPOINT_PG_TABLE\)$/,
    );
  });

  it('starts a working collector', async () => {
    const dir = await tempDir();
    const lines: string[] = [];
    const handle = await runCli(['--port', '0', '--data', dir], {}, (l) => lines.push(l));
    expect(lines[0]).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    const e = trackEvent();
    expect((await postBatch(handle!.url, { v: 1, events: [e] })).json.accepted).toBe(1);
    await handle!.collector.close();
    const ids = [];
    for await (const s of readStoredEvents(dir)) ids.push(s.id);
    expect(ids).toEqual([e.id]);
    await removeDir(dir);
  });
});

const bin = fileURLToPath(new URL('../bin/touchpoint-collector.js', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../dist/cli.js', import.meta.url)));

describe.skipIf(!built && !process.env.CI)('bin/touchpoint-collector.js (built)', () => {
  it('serves, and on SIGTERM drains and exits 0 with every acknowledged event stored', async () => {
    const dir = await tempDir();
    const child = spawn(process.execPath, [bin, '--port', '0', '--data', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const match = /listening on (http:\/\/[^\s]+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const events = Array.from({ length: 50 }, () => trackEvent());
    expect((await postBatch(url, { v: 1, events })).json.accepted).toBe(50);
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
    let n = 0;
    for await (const _ of readStoredEvents(dir)) n++;
    expect(n).toBe(50);
    await removeDir(dir);
  });

  it('exits 2 with a clear message on a bad flag', async () => {
    const child = spawn(process.execPath, [bin, '--ip', 'everything'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(2);
    expect(err).toMatch(/\[touchpoint\] touchpoint-collector: --ip must be/);
  });
});
