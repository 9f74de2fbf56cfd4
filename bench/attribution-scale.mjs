#!/usr/bin/env node
// Scale benchmark of @touchpoint/attribution (not part of the tests): generates synthetic NDJSON events as the
// collector stores them, then measures NDJSON → journeys (events/s), path aggregation, and every model on the
// aggregate, with peak memory. Uses the built package: run `pnpm --filter @touchpoint/attribution build` first.
//
//   node bench/attribution-scale.mjs [--events 1000000] [--journeys 1000000] [--keep]
//
// --events: size of the end-to-end run; --journeys: also time every model on that many synthetic journeys
// (generated in memory, skipping the NDJSON stage).
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  aggregatePaths,
  attribute,
  buildJourneys,
  MODEL_NAMES,
  readEvents,
} from '../packages/attribution/dist/index.js';
import { createRandom } from '../scripts/demo/random.mjs';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    journeys: { type: 'string', default: '0' },
    keep: { type: 'boolean' },
  },
});
const EVENTS = Number(values.events);
const JOURNEYS = Number(values.journeys);
const CHANNELS = [
  'Paid Search',
  'Organic Search',
  'Email',
  'Organic Social',
  'Paid Social',
  'Referral',
  'Display',
  'Direct',
];
const T0 = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

/** The demo's seeded random source (mulberry32), so every run generates the same data. */
const rng = (seed) => createRandom(seed).next;

/** CPU seconds (user + system) since `from`: on a shared machine the honest measure next to wall time. */
const cpu = (from) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
};
/** Peak resident memory of this process so far. */
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const mib = (b) => `${(b / 1048576).toFixed(0)} MiB`;

async function generate(file, events) {
  const random = rng(42);
  const out = createWriteStream(file);
  let written = 0;
  let person = 0;
  let buffer = '';
  let id = 0;
  const line = (type, anon, session, ts, extra) => {
    buffer += `{"id":"e${(id++).toString(36)}","type":"${type}","ts":${ts},"anonymousId":"${anon}","sessionId":"${session}",${extra}"receivedAt":${ts + 40}}\n`;
    written++;
  };
  while (written < events) {
    const anon = `a${(person++).toString(36)}`;
    let ts = T0 + Math.floor(random() * 60 * DAY);
    const sessions = 1 + Math.floor(random() * 4);
    for (let s = 0; s < sessions && written < events; s++) {
      const session = `${anon}s${s}`;
      const channel = CHANNELS[Math.floor(random() * CHANNELS.length)];
      if (random() < 0.2) line('ad_impression', anon, session, ts - 60_000, `"ad":{"id":"ad${s}"},`);
      line(
        'page',
        anon,
        session,
        ts,
        `"page":{"url":"https://shop.example/","path":"/"},"touchpoint":{"kind":"other","channel":"${channel}"},`,
      );
      const pages = 2 + Math.floor(random() * 5);
      for (let p = 0; p < pages; p++) {
        ts += 20_000 + Math.floor(random() * 120_000);
        line('page', anon, session, ts, `"page":{"url":"https://shop.example/p${p}","path":"/p${p}"},`);
      }
      if (random() < 0.08)
        line(
          'conversion',
          anon,
          session,
          ts + 1000,
          `"name":"purchase","value":${(10 + random() * 90).toFixed(2)},"orderId":"${anon}-${s}",`,
        );
      ts += DAY * random() * 5;
    }
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((r) => out.once('drain', r));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise((r) => out.on('finish', r));
  return person;
}

function timeModels(paths, label) {
  const rows = [];
  for (const model of MODEL_NAMES) {
    const start = performance.now();
    attribute(paths, { models: [model] });
    rows.push([model, performance.now() - start]);
  }
  const markov2 = performance.now();
  attribute(paths, { models: ['markov'], order: 2 });
  rows.push(['markov (order 2)', performance.now() - markov2]);
  console.log(`\nmodels on ${label} (${paths.rows.length} distinct paths):`);
  for (const [model, ms] of rows) console.log(`  ${model.padEnd(18)} ${ms.toFixed(1)} ms`);
  return rows.reduce((a, [, ms]) => a + ms, 0);
}

const dir = await mkdtemp(join(tmpdir(), 'tp-attr-bench-'));
try {
  if (EVENTS > 0) {
    const file = join(dir, 'events.ndjson');
    let start = performance.now();
    const people = await generate(file, EVENTS);
    console.log(
      `generated ${EVENTS} events for ${people} people (${mib((await stat(file)).size)}) in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
    start = performance.now();
    const cpu0 = process.cpuUsage();
    const journeys = await buildJourneys(readEvents(file));
    const readCpu = cpu(cpu0);
    const readMs = performance.now() - start;
    const t1 = performance.now();
    const cpu1 = process.cpuUsage();
    const paths = aggregatePaths(journeys);
    const aggMs = performance.now() - t1;
    const aggCpu = cpu(cpu1);
    const rate = (n, seconds) => Math.round(n / seconds).toLocaleString('en-US');
    console.log(
      `read NDJSON (parse, sessions, touches): ${readMs.toFixed(0)} ms wall, ${readCpu.toFixed(1)} s CPU ` +
        `(${rate(EVENTS, readMs / 1000)} events/s wall, ${rate(EVENTS, readCpu)} per CPU second)`,
    );
    console.log(
      `journeys (stitching, lookback) → paths: ${aggMs.toFixed(0)} ms wall, ${aggCpu.toFixed(1)} s CPU ` +
        `(${paths.stats.journeys} journeys, ${paths.stats.converting} conversions)`,
    );
    const cpu2 = process.cpuUsage();
    const modelMs = timeModels(paths, `${EVENTS} events`);
    const modelCpu = cpu(cpu2);
    console.log(
      `\nTOTAL ${EVENTS} events → every model: ${((readMs + aggMs + modelMs) / 1000).toFixed(1)} s wall, ` +
        `${(readCpu + aggCpu + modelCpu).toFixed(1)} s CPU, peak RSS ${mib(peakRss())}`,
    );
  }
  if (JOURNEYS > 0) {
    const random = rng(7);
    const start = performance.now();
    function* synthetic() {
      for (let j = 0; j < JOURNEYS; j++) {
        const n = 1 + Math.floor(random() * random() * 8);
        const touches = Array.from({ length: n }, (_, i) => ({
          channel: CHANNELS[Math.floor(random() * CHANNELS.length)],
          ts: T0 + i * DAY,
          kind: 'visit',
        }));
        yield random() < 0.1
          ? { person: `p${j}`, touches, conversion: { ts: T0 + n * DAY, name: 'x', value: 50, count: 1 } }
          : { person: `p${j}`, touches };
      }
    }
    const paths = aggregatePaths(synthetic());
    console.log(`\n${JOURNEYS} journeys aggregated in ${(performance.now() - start).toFixed(0)} ms`);
    timeModels(paths, `${JOURNEYS} journeys`);
    console.log(`peak RSS ${mib(peakRss())}`);
  }
} finally {
  if (!values.keep) await rm(dir, { recursive: true, force: true });
}
