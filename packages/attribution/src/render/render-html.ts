import type { Report } from '../report.js';
import { TIME_TO_CONVERSION_BUCKETS } from '../aggregate-paths.js';
import {
  currencySuffix,
  formatNumber,
  formatShare,
  mixedCurrencyNote,
  untrackedNote,
} from './format-number.js';
import { escapeHtml, groupedBars, histogram, sankey } from './svg-charts.js';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1000px;color:#222;padding:0 1rem}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;display:block;overflow-x:auto}td,th{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:right}
td:first-child,th:first-child{text-align:left}svg text{font:12px system-ui,sans-serif}svg .small{font-size:10px}
svg .label{font-size:11px;fill:#fff;paint-order:stroke;stroke:#0006;stroke-width:2px}h2{margin-top:2.5rem}`;

/** One self-contained HTML page (no network): credit by model, a journey flow, path statistics. */
export function renderHtml(report: Report, title = 'Touchpoint attribution report'): string {
  const channels = [...new Set(report.models.flatMap((m) => m.channels.map((c) => c.channel)))].sort();
  const series = report.models.map((m) => ({
    name: m.model,
    values: channels.map((ch) => m.channels.find((c) => c.channel === ch)?.conversions ?? 0),
  }));
  const table = (head: string[], rows: string[][]) =>
    `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const t = report.totals;
  const sections = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${formatNumber(t.conversions)} conversions, value ${formatNumber(t.value)}${currencySuffix(report)}, ${formatNumber(t.nulls)} null journeys, ${t.paths} distinct paths${untrackedNote(report)}${mixedCurrencyNote(report)}.</p>`,
    '<h2>Credit by model (conversions)</h2>',
    groupedBars(channels, series),
    table(
      ['channel', ...report.models.map((m) => m.model)],
      channels.map((ch) => [
        ch,
        ...report.models.map((m) => {
          const c = m.channels.find((x) => x.channel === ch);
          return c
            ? `${formatNumber(c.conversions)} (${formatShare(c.share)}) · ${formatNumber(c.value)}`
            : '0';
        }),
      ]),
    ),
    '<h2>Journey flow</h2>',
    sankey(report.flow),
    '<h2>Path statistics</h2>',
    '<h3>Path length (conversions)</h3>',
    histogram(Object.entries(report.pathLengths).sort((a, b) => Number(a[0]) - Number(b[0]))),
  ];
  const ttc = report.journeys?.timeToConversion;
  if (ttc && Object.keys(ttc).length) {
    sections.push(
      '<h3>Time to conversion (first touch → conversion)</h3>',
      histogram(TIME_TO_CONVERSION_BUCKETS.map(([, label]) => [label, ttc[label] ?? 0])),
    );
  }
  sections.push(
    '<h3>Top paths</h3>',
    table(
      ['path', 'conversions', 'value', 'nulls', 'conversion rate'],
      report.topPaths.map((p) => [
        p.path,
        formatNumber(p.conversions),
        formatNumber(p.value),
        formatNumber(p.nulls),
        formatShare(p.conversionRate),
      ]),
    ),
    '<h3>Channel roles (conversions)</h3>',
    table(
      ['channel', 'starts', 'assists', 'closes', 'solo'],
      report.roles.map((r) => [
        r.channel,
        ...[r.starts, r.assists, r.closes, r.solo].map((n) => formatNumber(n)),
      ]),
    ),
  );
  sections.push(
    '<h3>First vs last touch (conversions)</h3>',
    table(
      ['channel', 'first', 'last'],
      report.firstVsLast.map((r) => [r.channel, formatNumber(r.first), formatNumber(r.last)]),
    ),
  );
  const markov = report.models.find((m) => m.markov)?.markov;
  if (markov) {
    sections.push(
      `<h3>Markov chain (order ${markov.order}${markov.nulls ? '' : ', no null state'}): P(conversion) = ${formatNumber(markov.conversionProbability, 4)}</h3>`,
      table(
        ['channel', 'removal effect'],
        Object.entries(markov.removalEffects).map(([ch, re]) => [ch, formatNumber(re, 4)]),
      ),
    );
  }
  const self = report.journeys?.selfReported ?? {};
  if (Object.keys(self).length) {
    const tracked = [...new Set(Object.values(self).flatMap((r) => Object.keys(r)))].sort();
    sections.push(
      '<h3>Self-reported (survey) vs tracked last touch</h3>',
      table(
        ['said \\ tracked', ...tracked],
        Object.entries(self)
          .sort()
          .map(([said, r]) => [said, ...tracked.map((ch) => formatNumber(r[ch] ?? 0))]),
      ),
    );
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${sections.join('\n')}</body></html>\n`;
}
