#!/usr/bin/env node
// Truth benchmark of @touchpoint/attribution: a seeded generator of users, exposures and conversions where each
// channel's true incremental effect is known, by re-simulating every user without that channel (same random
// draws). Reports, per scenario, how far each model's channel shares are from the true shares of incremental
// conversions: error = ½ Σ |model share − true share| (0% = perfect, 100% = disjoint).
// Uses the built package: run `pnpm --filter @touchpoint/attribution build` first.
//
//   node bench/attribution-truth.mjs [--users 200000] [--seed 1]
import { parseArgs } from 'node:util';
import { aggregatePaths, attribute, MODEL_NAMES } from '../packages/attribution/dist/index.js';
import { createRandom } from '../scripts/demo/random.mjs';

const { values } = parseArgs({
  options: { users: { type: 'string', default: '200000' }, seed: { type: 'string', default: '1' } },
});
const USERS = Number(values.users);
const HOUR = 3_600_000;

/** The demo's seeded random source (mulberry32), so every run generates the same data. */
const rng = (seed) => createRandom(seed).next;

/**
 * A scenario: channels with an exposure probability, and `p(path)` the conversion probability of an ordered
 * exposure list. `harvest` (optional) adds a channel after the conversion decision, so it takes credit
 * without causing anything.
 */
const SCENARIOS = {
  additive: {
    reach: { Search: 0.3, Social: 0.4, Email: 0.25, Display: 0.3 },
    p: (path) => 0.01 + lift(path, { Search: 0.08, Social: 0.02, Email: 0.05, Display: 0.01 }),
  },
  synergy: {
    reach: { Search: 0.3, Social: 0.4, Email: 0.25, Display: 0.3 },
    p: (path) =>
      0.01 +
      lift(path, { Search: 0.03, Social: 0.01, Email: 0.03, Display: 0.01 }) +
      (path.includes('Social') && path.includes('Search') ? 0.1 : 0),
  },
  order: {
    reach: { Search: 0.3, Social: 0.4, Email: 0.25, Display: 0.3 },
    // Social only works when it comes before Search (awareness, then intent).
    p: (path) =>
      0.01 +
      lift(path, { Search: 0.04, Email: 0.03, Display: 0.01 }) +
      (before(path, 'Social', 'Search') ? 0.1 : 0),
  },
  harvester: {
    reach: { Search: 0.3, Social: 0.4, Email: 0.25, Display: 0.3 },
    p: (path) => 0.01 + lift(path, { Search: 0.05, Social: 0.04, Email: 0.04, Display: 0.01 }),
    // Brand search: converters look the brand up right before buying; it causes nothing.
    harvest: { channel: 'Brand Search', converters: 0.8, others: 0.05 },
  },
  ineffective_impressions: {
    reach: { Search: 0.3, Social: 0.3, Email: 0.25, Display: 0.9 },
    p: (path) => 0.01 + lift(path, { Search: 0.08, Social: 0.04, Email: 0.05, Display: 0 }),
  },
};

function lift(path, lifts) {
  let sum = 0;
  for (const channel of new Set(path)) sum += lifts[channel] ?? 0;
  return sum;
}
function before(path, a, b) {
  const i = path.indexOf(a);
  const j = path.indexOf(b);
  return i >= 0 && j >= 0 && i < j;
}

function simulate(name, scenario, seed) {
  const random = rng(seed);
  const channels = Object.keys(scenario.reach);
  const journeys = [];
  const effect = Object.fromEntries(
    [...channels, ...(scenario.harvest ? [scenario.harvest.channel] : [])].map((c) => [c, 0]),
  );
  for (let u = 0; u < USERS; u++) {
    const touches = [];
    for (const channel of channels) {
      if (random() < scenario.reach[channel]) touches.push({ channel, order: random() });
    }
    touches.sort((a, b) => a.order - b.order);
    const path = touches.map((t) => t.channel);
    const draw = random();
    const converts = draw < scenario.p(path);
    // Counterfactuals with the same draw: the user's conversion without each channel.
    for (const channel of channels) {
      if (path.includes(channel))
        effect[channel] += Number(converts) - Number(draw < scenario.p(path.filter((c) => c !== channel)));
    }
    const h = scenario.harvest;
    if (h && random() < (converts ? h.converters : h.others)) path.push(h.channel);
    if (!path.length) continue;
    const convTs = (path.length + 1) * 24 * HOUR;
    journeys.push({
      person: `u${u}`,
      touches: path.map((channel, i) => ({
        channel,
        ts: (i + 1) * 24 * HOUR - (i === path.length - 1 && h ? 23 * HOUR : 0),
        kind: 'visit',
      })),
      ...(converts ? { conversion: { ts: convTs, name: 'buy', value: 1, count: 1 } } : {}),
    });
  }
  const totalEffect = Object.values(effect).reduce((a, b) => a + b, 0);
  const truth = Object.fromEntries(Object.entries(effect).map(([c, e]) => [c, e / totalEffect]));
  return { name, journeys, truth };
}

const results = [];
let seed = Number(values.seed);
for (const [name, scenario] of Object.entries(SCENARIOS)) {
  const { journeys, truth } = simulate(name, scenario, seed++);
  const paths = aggregatePaths(journeys);
  const result = attribute(paths, { models: 'all' });
  const row = { scenario: name };
  for (const m of result.models) {
    const total = m.channels.reduce((a, c) => a + c.conversions, 0);
    const share = Object.fromEntries(m.channels.map((c) => [c.channel, c.conversions / total]));
    const names = new Set([...Object.keys(truth), ...Object.keys(share)]);
    row[m.model] = [...names].reduce((a, c) => a + Math.abs((share[c] ?? 0) - (truth[c] ?? 0)), 0) / 2;
  }
  results.push(row);
  console.log(
    `\n${name}: true shares of incremental conversions ${Object.entries(truth)
      .map(([c, s]) => `${c} ${(s * 100).toFixed(1)}%`)
      .join(', ')}`,
  );
}

console.log(`\nError per model and scenario (½ Σ |share − true share|), ${USERS} users each:\n`);
const head = ['model', ...results.map((r) => r.scenario)];
console.log(head.map((h, i) => (i ? h.padStart(24) : h.padEnd(16))).join(''));
for (const model of MODEL_NAMES) {
  console.log(
    [model.padEnd(16), ...results.map((r) => `${(r[model] * 100).toFixed(1)}%`.padStart(24))].join(''),
  );
}
