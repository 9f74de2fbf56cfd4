import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStoredEvents } from '@touchpoint/collector';
// @ts-expect-error plain ESM helpers without types
import { EXPECTED_TYPES } from './demo/event-summary.mjs';

const VISITORS = 40;
const DEMO_TIMEOUT_MS = 150_000;

interface ModelReport {
  model: string;
  channels: { channel: string; conversions: number; value: number }[];
}

let dataDir: string;
let output = '';
let exitCode: number | null = null;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'touchpoint-demo-'));
  const root = join(import.meta.dirname, '..');
  // The gate has built the packages already; the demo is run exactly as a user runs it, minus the build.
  const args = [
    'scripts/demo.mjs',
    '--no-serve',
    '--no-build',
    '--visitors',
    String(VISITORS),
    '--data',
    dataDir,
  ];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
}, DEMO_TIMEOUT_MS);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('pnpm demo --no-serve', () => {
  it('exits 0, reports where the reports are, and does not leave servers running', () => {
    expect(exitCode, output).toBe(0);
    expect(output).toContain(`visitors ${VISITORS}/${VISITORS}`);
    expect(output).toContain(join(dataDir, 'report.html'));
    expect(output).not.toContain('Still running');
  });

  it('made the collector store every touchpoint kind', async () => {
    const counts: Record<string, number> = {};
    const browsers = new Set<string>();
    for await (const event of readStoredEvents(join(dataDir, 'events'))) {
      counts[event.type] = (counts[event.type] ?? 0) + 1;
      if (event.type === 'page') browsers.add(event.anonymousId);
    }
    for (const kind of EXPECTED_TYPES as string[])
      expect(counts[kind] ?? 0, `stored ${kind} events`).toBeGreaterThan(0);
    // Every simulated person has at least one browser; second devices add more.
    expect(browsers.size).toBeGreaterThanOrEqual(VISITORS);
  });

  it('wrote a report that credits more than one channel, in every model', async () => {
    const report = JSON.parse(await readFile(join(dataDir, 'report.json'), 'utf8')) as {
      models: ModelReport[];
    };
    expect(report.models.length).toBeGreaterThan(1);
    const total = (m: ModelReport) => m.channels.reduce((sum, c) => sum + c.conversions, 0);
    const conversions = total(report.models[0]!);
    expect(conversions).toBeGreaterThan(0);
    // Every model is efficient: each hands out exactly the conversions there were.
    for (const model of report.models) expect(total(model), model.model).toBeCloseTo(conversions, 6);
    const linear = report.models.find((m) => m.model === 'linear')!;
    expect(linear.channels.filter((c) => c.conversions > 0).length).toBeGreaterThan(1);
    const html = await readFile(join(dataDir, 'report.html'), 'utf8');
    expect(html).toMatch(/<html/i);
  });
});
