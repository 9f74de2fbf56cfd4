/** NDJSON files are rotated by UTC day of receipt: `events-2026-01-31.ndjson`. */
export const FILE_PREFIX = 'events-';
export const FILE_SUFFIX = '.ndjson';

/** The file name holding events received at `time` (epoch ms). */
export function dayFile(time: number): string {
  return `${FILE_PREFIX}${new Date(time).toISOString().slice(0, 10)}${FILE_SUFFIX}`;
}

/** True for names written by {@link dayFile}. */
export function isDayFile(name: string): boolean {
  return /^events-\d{4}-\d{2}-\d{2}\.ndjson$/.test(name);
}
