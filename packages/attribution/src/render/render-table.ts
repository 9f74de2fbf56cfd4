import type { Report } from '../report.js';
import {
  currencySuffix,
  formatNumber,
  formatShare,
  mixedCurrencyNote,
  untrackedNote,
} from './format-number.js';

/** Plain-text tables: conversions and value per channel with models side by side, then path statistics. */
export function renderTable(report: Report): string {
  const channels = [...new Set(report.models.flatMap((m) => m.channels.map((c) => c.channel)))].sort();
  const cell = (model: Report['models'][number], channel: string, field: 'conversions' | 'value') =>
    formatNumber(model.channels.find((c) => c.channel === channel)?.[field] ?? 0);
  const header = ['channel', ...report.models.map((m) => m.model)];
  const out: string[] = [];
  for (const field of ['conversions', 'value'] as const) {
    out.push(`${field === 'conversions' ? 'Conversions' : 'Value'} by channel and model`);
    out.push(
      grid([header, ...channels.map((ch) => [ch, ...report.models.map((m) => cell(m, ch, field))])]),
      '',
    );
  }
  const t = report.totals;
  out.push(
    `Totals: ${formatNumber(t.conversions)} conversions, value ${formatNumber(t.value)}${currencySuffix(report)}, ${formatNumber(t.nulls)} null journeys, ${t.paths} distinct paths${untrackedNote(report)}${mixedCurrencyNote(report)}`,
    '',
  );
  out.push('Top paths');
  out.push(
    grid([
      ['path', 'conversions', 'value', 'nulls', 'rate'],
      ...report.topPaths.map((p) => [
        p.path,
        formatNumber(p.conversions),
        formatNumber(p.value),
        formatNumber(p.nulls),
        formatShare(p.conversionRate),
      ]),
    ]),
    '',
  );
  out.push('Channel roles (conversions)');
  out.push(
    grid([
      ['channel', 'starts', 'assists', 'closes', 'solo'],
      ...report.roles.map((r) => [
        r.channel,
        ...[r.starts, r.assists, r.closes, r.solo].map((n) => formatNumber(n)),
      ]),
    ]),
  );
  out.push('', 'First vs last touch (conversions)');
  out.push(
    grid([
      ['channel', 'first', 'last'],
      ...report.firstVsLast.map((r) => [r.channel, formatNumber(r.first), formatNumber(r.last)]),
    ]),
  );
  const self = report.journeys?.selfReported ?? {};
  if (Object.keys(self).length) {
    out.push('', 'Self-reported (survey) vs tracked last touch (conversions)');
    for (const [said, tracked] of Object.entries(self).sort()) {
      out.push(
        `  ${said}: ${Object.entries(tracked)
          .sort()
          .map(([ch, n]) => `${ch} ${formatNumber(n)}`)
          .join(', ')}`,
      );
    }
  }
  return out.join('\n') + '\n';
}

function grid(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r, ri) => {
      const line = r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
      return ri === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}
