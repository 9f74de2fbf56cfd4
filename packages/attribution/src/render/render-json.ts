import type { Report } from '../report.js';

/**
 * The report as JSON, in pieces: without per-conversion credit one piece, `JSON.stringify(report, null, 2)`;
 * with it, the rest of the report, then one compact line per conversion. One string for a million
 * conversions would pass V8's string length limit, so the CLI writes these pieces as they come.
 */
export function* jsonChunks(report: Report): Generator<string> {
  const { conversions, ...rest } = report;
  const head = JSON.stringify(rest, null, 2);
  if (!conversions) return yield head + '\n';
  if (!conversions.length) return yield `${head.slice(0, -2)},\n  "conversions": []\n}\n`;
  yield `${head.slice(0, -2)},\n  "conversions": [\n`;
  for (let i = 0; i < conversions.length; i++) {
    yield `    ${JSON.stringify(conversions[i])}${i + 1 < conversions.length ? ',' : ''}\n`;
  }
  yield '  ]\n}\n';
}
