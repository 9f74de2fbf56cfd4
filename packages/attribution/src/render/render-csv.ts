import type { Report } from '../report';

/** One line per model and channel: `model,channel,conversions,value,share`. */
export function renderCsv(report: Report): string {
  const lines = ['model,channel,conversions,value,share'];
  for (const m of report.models) {
    for (const c of m.channels)
      lines.push([m.model, quote(c.channel), c.conversions, c.value, c.share].join(','));
  }
  return lines.join('\n') + '\n';
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
