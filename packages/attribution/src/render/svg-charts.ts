import { FLOW_END, type FlowLink } from '../report.js';
import { formatNumber } from './format-number.js';
import { pathKey } from '../path-key.js';

/** Colours for series (models, channels); cycles when there are more. */
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Horizontal grouped bars: one group per category, one bar per series. */
export function groupedBars(categories: string[], series: Array<{ name: string; values: number[] }>): string {
  const bar = 12;
  const group = series.length * bar + 14;
  const left = 160;
  const width = 720;
  const max = Math.max(1e-12, ...series.flatMap((s) => s.values));
  const height = categories.length * group + 30 + Math.ceil(series.length / 4) * 18;
  const parts: string[] = [];
  categories.forEach((cat, ci) => {
    const y0 = ci * group + 10;
    parts.push(
      `<text x="${left - 8}" y="${y0 + (series.length * bar) / 2 + 4}" text-anchor="end">${escapeHtml(cat)}</text>`,
    );
    series.forEach((s, si) => {
      const v = s.values[ci] ?? 0;
      const w = ((width - left - 80) * v) / max;
      const y = y0 + si * bar;
      parts.push(
        `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${bar - 2}" fill="${PALETTE[si % PALETTE.length]}"><title>${escapeHtml(`${s.name} · ${cat}: ${formatNumber(v)}`)}</title></rect>`,
      );
      parts.push(
        `<text x="${(left + w + 4).toFixed(1)}" y="${y + bar - 3}" class="small">${formatNumber(v)}</text>`,
      );
    });
  });
  const legendY = categories.length * group + 20;
  series.forEach((s, si) => {
    const x = 10 + (si % 4) * 180;
    const y = legendY + Math.floor(si / 4) * 18;
    parts.push(
      `<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${PALETTE[si % PALETTE.length]}"/><text x="${x + 16}" y="${y}">${escapeHtml(s.name)}</text>`,
    );
  });
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">${parts.join('')}</svg>`;
}

/** Vertical bars for a distribution (label → count). */
export function histogram(entries: Array<[string, number]>): string {
  const width = Math.max(240, entries.length * 70 + 20);
  const height = 180;
  const max = Math.max(1e-12, ...entries.map((e) => e[1]));
  const bars = entries.map(([label, n], i) => {
    const h = (120 * n) / max;
    const x = 20 + i * 70;
    return `<rect x="${x}" y="${140 - h}" width="50" height="${h.toFixed(1)}" fill="${PALETTE[0]}"><title>${escapeHtml(`${label}: ${formatNumber(n)}`)}</title></rect><text x="${x + 25}" y="${135 - h}" text-anchor="middle" class="small">${formatNumber(n)}</text><text x="${x + 25}" y="158" text-anchor="middle" class="small">${escapeHtml(label)}</text>`;
  });
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">${bars.join('')}</svg>`;
}

/** Sankey-style journey flow: a column per step, bands as wide as the conversions that take them. */
export function sankey(links: readonly FlowLink[]): string {
  if (!links.length) return '<p>No converting journeys.</p>';
  const steps = Math.max(...links.map((l) => l.step)) + 2;
  const nodes = new Map<
    string,
    { step: number; name: string; value: number; y: number; inY: number; outY: number }
  >();
  const node = (step: number, name: string) => {
    const key = name === FLOW_END ? FLOW_END : pathKey([String(step), name]);
    let n = nodes.get(key);
    if (!n)
      nodes.set(
        key,
        (n = { step: name === FLOW_END ? steps - 1 : step, name, value: 0, y: 0, inY: 0, outY: 0 }),
      );
    return n;
  };
  for (const l of links) node(l.step, l.from).value += l.conversions;
  const total = links.filter((l) => l.step === 0).reduce((a, l) => a + l.conversions, 0);
  node(0, FLOW_END).value = total;
  const width = 180 * steps;
  const height = 420;
  const gap = 8;
  const scale = (height - 40) / Math.max(1e-12, total);
  for (let s = 0; s < steps; s++) {
    let y = 20;
    for (const n of [...nodes.values()]
      .filter((n) => n.step === s)
      .sort((a, b) => b.value - a.value || (a.name < b.name ? -1 : 1))) {
      n.y = n.inY = n.outY = y;
      y += n.value * scale + gap;
    }
  }
  const parts: string[] = [];
  for (const l of [...links].sort((a, b) => b.conversions - a.conversions)) {
    const from = node(l.step, l.from);
    const to = node(l.step + 1, l.to);
    const w = l.conversions * scale;
    const x1 = from.step * 180 + 110;
    const x2 = to.step * 180 + 10;
    const y1 = from.outY + w / 2;
    const y2 = to.inY + w / 2;
    from.outY += w;
    to.inY += w;
    const mid = (x1 + x2) / 2;
    parts.push(
      `<path d="M${x1},${y1.toFixed(1)} C${mid},${y1.toFixed(1)} ${mid},${y2.toFixed(1)} ${x2},${y2.toFixed(1)}" stroke="${PALETTE[colorIndex(l.from)]}" stroke-opacity="0.35" stroke-width="${Math.max(1, w).toFixed(1)}" fill="none"><title>${escapeHtml(`${l.from} → ${l.to}: ${formatNumber(l.conversions)}`)}</title></path>`,
    );
  }
  for (const n of nodes.values()) {
    const x = n.step * 180 + 10;
    const h = Math.max(2, n.value * scale);
    parts.push(
      `<rect x="${x}" y="${n.y.toFixed(1)}" width="100" height="${h.toFixed(1)}" fill="${n.name === FLOW_END ? '#333' : PALETTE[colorIndex(n.name)]}"/><text x="${x + 50}" y="${(n.y + h / 2 + 4).toFixed(1)}" text-anchor="middle" class="label">${escapeHtml(n.name)}</text>`,
    );
  }
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">${parts.join('')}</svg>`;
}

function colorIndex(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return h % PALETTE.length;
}
