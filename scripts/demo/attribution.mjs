import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

/**
 * Runs every attribution model over what the collector stored, with the `@touchpoint/attribution` API
 * (`analyze` + `renderReport`, the same code as the `touchpoint-attribution` CLI), and writes the terminal
 * table, the JSON and the self-contained HTML report.
 * @param {ReturnType<typeof import('./paths.mjs').demoPaths>} paths
 * @returns {Promise<{ table: string, report: any }>}
 */
export async function runAttribution(paths) {
  const dist = join(ROOT, 'packages/attribution/dist/index.js');
  if (!existsSync(dist)) {
    throw new Error('[touchpoint] report: @touchpoint/attribution is not built; run `pnpm build` first');
  }
  if (!existsSync(paths.events)) {
    throw new Error(`[touchpoint] report: no stored events in ${paths.events}; run \`pnpm demo\` first`);
  }
  const { analyze, renderReport, MODEL_NAMES } = await import(dist);
  const report = await analyze(paths.events, { models: MODEL_NAMES });
  const table = renderReport(report, 'table');
  await Promise.all([
    writeFile(paths.reportText, table),
    writeFile(paths.reportJson, renderReport(report, 'json')),
    writeFile(paths.reportHtml, renderReport(report, 'html')),
  ]);
  return { table, report };
}
