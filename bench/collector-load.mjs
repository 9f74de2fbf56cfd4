// Load benchmark for the reference collector (not part of the tests).
//   pnpm build && node bench/collector-load.mjs [--seconds 10] [--concurrency 32] [--batch 20]
// Starts the real CLI (bin/touchpoint-collector.js) as a child process for each sink — NDJSON files, then
// PostgreSQL (TOUCHPOINT_TEST_PG_URL, or a throwaway cluster from scripts/postgres-test-cluster.sh) — and
// drives POST /v1/batch with keep-alive clients. Prints events/s and request latency percentiles.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { uuidv7 } from '../packages/protocol/dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '32' },
    batch: { type: 'string', default: '20' },
    sink: { type: 'string', default: 'all' },
  },
});
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const BATCH = Number(values.batch);

function startCollector(args) {
  const child = spawn(
    process.execPath,
    [join(root, 'packages/collector/bin/touchpoint-collector.js'), '--port', '0', ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ url: match[1], child });
    });
    child.once('exit', (code) => reject(new Error(`collector exited ${code}`)));
  });
}

function body() {
  const now = Date.now();
  const events = [];
  for (let i = 0; i < BATCH; i++) {
    events.push({
      id: uuidv7(),
      type: i === 0 ? 'page' : 'track',
      name: 'bench',
      ts: now,
      anonymousId: 'bench-anon',
      sessionId: 'bench-session',
      page: {
        url: 'https://shop.example/products/42?utm_source=bench',
        path: '/products/42',
        title: 'Product 42',
      },
      props: { plan: 'pro', i },
    });
  }
  return JSON.stringify({ v: 1, sentAt: now, events });
}

async function drive(url) {
  const latencies = [];
  let events = 0;
  let errors = 0;
  const deadline = performance.now() + SECONDS * 1000;
  async function client() {
    while (performance.now() < deadline) {
      const payload = body();
      const start = performance.now();
      const res = await fetch(`${url}/v1/batch`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: payload,
      });
      const answer = await res.json();
      latencies.push(performance.now() - start);
      if (res.status === 200) events += answer.accepted;
      else errors++;
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  return {
    eventsPerSecond: Math.round(events / elapsed),
    requests: latencies.length,
    errors,
    p50: pct(50),
    p99: pct(99),
    max: latencies.at(-1).toFixed(1),
  };
}

async function run(name, args) {
  const { url, child } = await startCollector(args);
  await drive(url); // warm-up (JIT, connection pools, page cache), not reported
  const result = await drive(url);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  console.log(
    `${name.padEnd(10)} ${String(result.eventsPerSecond).padStart(7)} events/s  ${String(result.requests).padStart(6)} requests  ` +
      `p50 ${result.p50} ms  p99 ${result.p99} ms  max ${result.max} ms  errors ${result.errors}`,
  );
}

console.log(
  `collector load: ${CONCURRENCY} keep-alive clients, ${BATCH} events per batch, ${SECONDS} s per sink (after a warm-up of the same length)`,
);
if (values.sink === 'all' || values.sink === 'ndjson') {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-bench-'));
  await run('ndjson', ['--data', dir]);
  rmSync(dir, { recursive: true, force: true });
}
if (values.sink === 'all' || values.sink === 'postgres') {
  let pgUrl = process.env.TOUCHPOINT_TEST_PG_URL;
  let pgDir;
  if (!pgUrl) {
    const env = execFileSync('bash', [join(root, 'scripts/postgres-test-cluster.sh'), 'start'], {
      encoding: 'utf8',
    });
    pgUrl = /TOUCHPOINT_TEST_PG_URL=(\S+)/.exec(env)[1];
    pgDir = /TOUCHPOINT_TEST_PG_DIR=(\S+)/.exec(env)[1];
  }
  try {
    await run('postgres', ['--pg-url', pgUrl, '--pg-schema', `bench_${process.pid}`]);
  } finally {
    if (pgDir) execFileSync('bash', [join(root, 'scripts/postgres-test-cluster.sh'), 'stop', pgDir]);
  }
}
