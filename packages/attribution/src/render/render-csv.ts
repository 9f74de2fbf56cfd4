import type { Report } from '../report.js';

/** One line per model and channel: `model,channel,conversions,value,share`. */
export function renderCsv(report: Report): string {
  const lines = ['model,channel,conversions,value,share'];
  for (const m of report.models) {
    for (const c of m.channels)
      lines.push([m.model, cell(c.channel), c.conversions, c.value, c.share].join(','));
  }
  return lines.join('\n') + '\n';
}

/**
 * A text cell. Channel names come from the events, which any visitor can send to a public collector, and a
 * cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return runs as a formula when the file is opened
 * in a spreadsheet (`=HYPERLINK(…)`): such a cell gets a leading `'`, as OWASP advises. Then RFC 4180
 * quoting.
 *
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
function cell(text: string): string {
  const s = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
