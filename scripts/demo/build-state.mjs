import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

/** What the demo runs from each package's build. */
const OUTPUTS = [
  'packages/protocol/dist/index.js',
  'packages/sdk/dist/touchpoint.min.js',
  'packages/collector/dist/index.js',
  'packages/attribution/dist/index.js',
];
const PACKAGES = ['protocol', 'sdk', 'collector', 'attribution'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

/**
 * True when a build output is missing or older than a source, package.json or rollup config of any package,
 * so a second `pnpm demo` starts at once while a changed checkout is rebuilt.
 */
export function buildIsStale() {
  let oldestOutput = Infinity;
  try {
    for (const output of OUTPUTS) oldestOutput = Math.min(oldestOutput, statSync(join(ROOT, output)).mtimeMs);
  } catch {
    return true;
  }
  const inputs = PACKAGES.flatMap((name) =>
    ['src', 'package.json', 'rollup.config.mjs'].map((part) => join(ROOT, 'packages', name, part)),
  );
  return inputs.some((input) => {
    try {
      return newest(input) > oldestOutput;
    } catch {
      return false;
    }
  });
}
