import type { Report } from './report.js';
import { renderCsv } from './render/render-csv.js';
import { renderHtml } from './render/render-html.js';
import { renderTable } from './render/render-table.js';

/** Output formats of `renderReport` and the CLI. */
export const FORMATS = ['table', 'json', 'csv', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Renders a report: `table` (plain text), `json` (`{ models: [{ model, channels: [{ channel, conversions,
 * value, share }] }], totals, topPaths, … }`), `csv` (`model,channel,conversions,value,share`) or `html`
 * (one self-contained page with inline SVG charts, no network).
 */
export function renderReport(report: Report, format: Format = 'table'): string {
  switch (format) {
    case 'table':
      return renderTable(report);
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'csv':
      return renderCsv(report);
    case 'html':
      return renderHtml(report);
    default:
      throw new Error(
        `[touchpoint] attribution: unknown format "${String(format)}"; use ${FORMATS.join(', ')}.`,
      );
  }
}
