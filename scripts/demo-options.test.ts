import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const demo = (args: string[]) =>
  spawnSync(process.execPath, ['scripts/demo.mjs', '--no-build', '--no-serve', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('pnpm demo options', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('refuses --days 7 before it wipes the data folder or starts a server', () => {
    dir = mkdtempSync(join(tmpdir(), 'tp-demo-'));
    writeFileSync(join(dir, 'keep.txt'), 'previous run');
    const run = demo(['--days', '7', '--data', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--days must be more than 7, got 7');
    expect(run.stderr).not.toContain('collector http');
    expect(existsSync(join(dir, 'keep.txt'))).toBe(true);
  });
});

describe('the demo points at its stored events', () => {
  it('tells `pnpm report --data DIR` when the events are not in the default folder', async () => {
    // @ts-expect-error plain ESM script without types
    const { DEFAULT_DATA_DIR, reportCommand } = await import('./demo/paths.mjs');
    expect(reportCommand(DEFAULT_DATA_DIR)).toBe('pnpm report');
    expect(reportCommand('/tmp/my-demo')).toBe('pnpm report --data /tmp/my-demo');
  });
});

describe('pnpm report options', () => {
  const report = (args: string[]) =>
    spawnSync(process.execPath, ['scripts/report.mjs', ...args], { encoding: 'utf8', timeout: 30_000 });

  it('--help prints the usage', () => {
    const run = report(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: pnpm report');
    expect(run.stdout).toContain('--data DIR');
  });

  it('an unknown option is a one-line message, not a stack trace', () => {
    const run = report(['--bogus']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe("[touchpoint] report: Unknown option '--bogus' (see pnpm report --help)");
  });
});
