import type { Report } from './report.js';
import { csvChunks } from './render/render-csv.js';
import { jsonChunks } from './render/render-json.js';
import { renderHtml } from './render/render-html.js';
import { renderTable } from './render/render-table.js';

/** Output formats of `renderReport` and the CLI. */
export const FORMATS = ['table', 'json', 'csv', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Renders a report: `table` (plain text), `json` (`{ models: [{ model, channels: [{ channel, conversions,
 * value, share }] }], totals, topPaths, … }`), `csv` (`model,channel,conversions,value,share`) or `html`
 * (one self-contained page with inline SVG charts, no network). A report with per-conversion credit adds
 * `conversions` to the JSON (a compact line each), and its CSV lists each model × conversion × touch instead.
 */
export function renderReport(report: Report, format: Format = 'table'): string {
  return [...renderReportChunks(report, format)].join('');
}

/**
 * `renderReport` in pieces: JSON and CSV with per-conversion credit come a conversion at a time, so a long
 * list is written without being held as one string, as the CLI does. Use it when per-conversion credit may
 * be large: one string longer than V8's limit (about 512 MB) makes `renderReport` throw a RangeError.
 *
 * @example for (const chunk of renderReportChunks(result, 'csv')) out.write(chunk)
 */
export function renderReportChunks(report: Report, format: Format = 'table'): Iterable<string> {
  switch (format) {
    case 'table':
      return [renderTable(report)];
    case 'json':
      return jsonChunks(report);
    case 'csv':
      return csvChunks(report);
    case 'html':
      return [renderHtml(report)];
    default:
      throw new Error(
        `[touchpoint] attribution: unknown format "${String(format)}"; use ${FORMATS.join(', ')}.`,
      );
  }
}
