#!/usr/bin/env node
// Prints the size of the SDK's script-tag bundles (minified, min+gzip, min+brotli) and, with --check,
// exits 1 when one is over its budget. Budgets are min+gzip bytes.
//
// Two numbers per bundle, honestly apart:
// - `target` is what the issues ask (issue 2: core ≤ 5 KB; issue 3: full ≤ 8 KB, web-vitals included).
//   Neither is met (core ~6.3 KB, full ~13.3 KB after the second size pass); the table says so.
//   web-vitals alone is ~2.36 KB of the full script.
// - `gzipBudget` is the regression guard the test command enforces today: today's size plus a small
//   margin, so no change can grow the script unnoticed while the size work towards the target goes on.
//   Lower it whenever a change makes the bundle smaller; never raise it without a reason in the commit.
//   History: 7,200/14,200 → 7,400/14,400 (+240 B: the delivery review's fixes: open timeout, take() race,
//   request timeout, never throwing into the page, single install); → 6,400/13,450 after the second size
//   pass (queue and sender rebuilt, order dedup and link decoration moved to the full build, plugins on the
//   tracker's flush hook, classifier as a rule table).
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../packages/sdk/dist/', import.meta.url));
export const BUDGETS = [
  { file: 'touchpoint.core.min.js', gzipBudget: 6400, target: 5 * 1024, what: 'delivery core + API' },
  { file: 'touchpoint.min.js', gzipBudget: 13684, target: 8 * 1024, what: 'core + default capture plugins' },
];

const check = process.argv.includes('--check');
const rows = [];
let failed = false;
for (const { file, gzipBudget, target, what } of BUDGETS) {
  const path = dist + file;
  if (!existsSync(path)) {
    console.error(`[touchpoint] size: ${path} is missing. Run \`pnpm build\` first.`);
    process.exit(1);
  }
  const code = readFileSync(path);
  const gzip = gzipSync(code, { level: 9 }).length;
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const over = gzip > gzipBudget;
  failed ||= over;
  rows.push({
    file,
    what,
    min: code.length,
    gzip,
    brotli,
    budget: gzipBudget,
    target,
    status: over ? 'OVER' : gzip > target ? 'over target' : 'ok',
  });
}
console.table(rows);
if (check && failed) {
  for (const r of rows.filter((r) => r.status === 'OVER')) {
    console.error(
      `[touchpoint] size: ${r.file} is ${r.gzip} B min+gzip, over its budget of ${r.budget} B by ${r.gzip - r.budget} B. ` +
        'Make the change smaller, move optional weight into a plugin, or raise the budget in scripts/size.mjs with a reason.',
    );
  }
  process.exit(1);
}
