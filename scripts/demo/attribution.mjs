import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

const CLI = join(ROOT, 'packages/attribution/bin/touchpoint-attribution.js');

function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(
            new Error(`[touchpoint] report: touchpoint-attribution ${args.join(' ')} exited with ${code}`),
          ),
    );
  });
}

/**
 * Runs the attribution CLI (`touchpoint-attribution`, every model) over what the collector stored and writes
 * the terminal table, the JSON and the self-contained HTML report.
 * @param {ReturnType<typeof import('./paths.mjs').demoPaths>} paths
 * @returns {Promise<{ table: string, json: any }>}
 */
export async function runAttribution(paths) {
  if (!existsSync(join(ROOT, 'packages/attribution/dist/cli.js'))) {
    throw new Error('[touchpoint] report: @touchpoint/attribution is not built; run `pnpm build` first');
  }
  if (!existsSync(paths.events)) {
    throw new Error(`[touchpoint] report: no stored events in ${paths.events}; run \`pnpm demo\` first`);
  }
  const [table, json] = await Promise.all([
    run([paths.events, '--model', 'all', '--format', 'table']),
    run([paths.events, '--model', 'all', '--format', 'json']),
    run([paths.events, '--model', 'all', '--format', 'html', '--out', paths.reportHtml]),
  ]);
  await writeFile(paths.reportText, table);
  await writeFile(paths.reportJson, json);
  return { table, json: JSON.parse(json) };
}
