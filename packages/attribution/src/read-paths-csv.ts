import { readFile } from 'node:fs/promises';
import type { PathRow, PathSet } from './types.js';

/** Separator between channels in a ChannelAttribution path. */
export const PATH_SEPARATOR = ' > ';

const COLUMN_NAMES = {
  path: ['path'],
  conversions: ['total_conversions', 'conversions', 'total_conv'],
  value: ['total_conversion_value', 'value', 'total_conv_value', 'conversion_value'],
  nulls: ['total_null', 'nulls', 'total_nulls', 'null'],
} as const;

/**
 * Parses paths in ChannelAttribution's aggregated CSV form: `path;total_conversions;total_conversion_value;
 * total_null`, channels joined by ` > `, `;` or `,` separated (whichever the first line uses; `;` wins a tie),
 * header optional (columns are then in that order; value and nulls may be left out). Fractional counts are
 * valid. A malformed line throws naming the line and what to fix.
 *
 * @example parsePathsCsv('path;total_conversions;total_conversion_value;total_null\nA > B;1;10;2')
 */
export function parsePathsCsv(text: string, source = 'CSV'): PathSet {
  const lines = text.split(/\r?\n/);
  const firstLine = lines.find((l) => l.trim()) ?? '';
  const sep = count(firstLine, ';') >= count(firstLine, ',') && firstLine.includes(';') ? ';' : ',';
  let columns = { path: 0, conversions: 1, value: 2, nulls: 3 } as Record<keyof typeof COLUMN_NAMES, number>;
  const rows: PathRow[] = [];
  let header = true;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const cells = splitLine(line, sep);
    if (header) {
      header = false;
      const lower = cells.map((c) => c.trim().toLowerCase());
      if (lower.includes('path')) {
        columns = Object.fromEntries(
          Object.entries(COLUMN_NAMES).map(([key, names]) => [
            key,
            lower.findIndex((c) => (names as readonly string[]).includes(c)),
          ]),
        ) as typeof columns;
        if (columns.conversions < 0) {
          throw new Error(
            `[touchpoint] attribution: ${source} line ${i + 1}: no total_conversions column; name one total_conversions.`,
          );
        }
        return;
      }
    }
    const number = (key: 'conversions' | 'value' | 'nulls'): number => {
      const cell = columns[key] >= 0 ? cells[columns[key]]?.trim() : undefined;
      if (cell === undefined || cell === '') return 0;
      const n = Number(cell);
      if (!Number.isFinite(n) || n < 0) {
        throw new Error(
          `[touchpoint] attribution: ${source} line ${i + 1}: ${key} "${cell}" is not a number ≥ 0; ` +
            `write lines as path${sep}total_conversions${sep}total_conversion_value${sep}total_null.`,
        );
      }
      return n;
    };
    const rawPath = (cells[columns.path] ?? '').trim();
    const path = rawPath
      ? rawPath
          .split('>')
          .map((c) => c.trim())
          .filter(Boolean)
      : [];
    rows.push({ path, conversions: number('conversions'), value: number('value'), nulls: number('nulls') });
  });
  return { rows };
}

/**
 * Reads a ChannelAttribution CSV file (see `parsePathsCsv`). Asynchronous: await it before `attribute`.
 *
 * @example const { models } = attribute(await readPathsCsv('paths.csv'), { models: ['markov'] });
 */
export async function readPathsCsv(file: string): Promise<PathSet> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new Error(`[touchpoint] attribution: cannot read ${file}; check the path.`, { cause });
  }
  return parsePathsCsv(text, file);
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** Splits one CSV line; double-quoted cells may contain the separator (`""` is a quote). */
function splitLine(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) (cells.push(cell), (cell = ''));
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}
