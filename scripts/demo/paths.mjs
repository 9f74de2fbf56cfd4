import { join, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** Where the demo keeps everything it makes (gitignored). */
export const DEFAULT_DATA_DIR = join(ROOT, '.data/demo');

/** Files of a demo run under its data folder. */
export function demoPaths(dataDir = DEFAULT_DATA_DIR) {
  return {
    dataDir,
    /** The collector's NDJSON store. */
    events: join(dataDir, 'events'),
    reportHtml: join(dataDir, 'report.html'),
    reportJson: join(dataDir, 'report.json'),
    reportText: join(dataDir, 'report.txt'),
  };
}

/** The command that re-runs the report on a demo's stored events. */
export function reportCommand(dataDir = DEFAULT_DATA_DIR) {
  return resolve(dataDir) === DEFAULT_DATA_DIR ? 'pnpm report' : `pnpm report --data ${dataDir}`;
}
