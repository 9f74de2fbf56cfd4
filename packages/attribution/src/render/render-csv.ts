import type { ConversionCredit } from '../conversion-credit.js';
import type { Report } from '../report.js';

/**
 * One line per model and channel: `model,channel,conversions,value,share`; or, for a report with
 * per-conversion credit (`perConversion: true`), one line per model, conversion and touch instead (`anonymous`
 * is `true` or `false`). In pieces
 * (a conversion's lines at a time), so the CLI can write a long list as it comes.
 */
export function* csvChunks(report: Report): Generator<string> {
  if (report.conversions) return yield* conversionsCsv(report.conversions);
  const lines = ['model,channel,conversions,value,share'];
  for (const m of report.models) {
    for (const c of m.channels)
      lines.push([m.model, cell(c.channel), c.conversions, c.value, c.share].join(','));
  }
  yield lines.join('\n') + '\n';
}

function* conversionsCsv(conversions: readonly ConversionCredit[]): Generator<string> {
  yield (
    'model,person,anonymous,conversion_ts,conversion_name,order_id,conversion_id,currency,' +
    'touch,channel,touch_ts,kind,conversions,value\n'
  );
  for (const c of conversions) {
    // `anonymous` as the JSON has it: a device `alice` and the user `alice` are two people.
    const head = [
      c.person,
      String(c.anonymous === true),
      c.ts,
      c.name,
      c.orderId ?? '',
      c.id ?? '',
      c.currency ?? '',
    ];
    const lines: string[] = [];
    for (const m of c.models) {
      c.touches.forEach((t, i) => {
        const cells = [m.model, ...head, i + 1, t.channel, t.ts, t.kind, m.conversions[i], m.value[i]];
        lines.push(cells.map((x) => (typeof x === 'string' ? cell(x) : String(x))).join(',') + '\n');
      });
    }
    yield lines.join('');
  }
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
