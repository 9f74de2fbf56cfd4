import { describe, expect, it } from 'vitest';
import { parsePathsCsv } from './read-paths-csv.js';
import { renderReport } from './render-report.js';
import { report } from './report.js';

const golden = parsePathsCsv(
  ['A > B > C;2;20;3', 'A > C;1;5;1', 'B;0;0;4', 'C;3;30;2', 'A > A > B;1;10;1'].join('\n'),
);

describe('report', () => {
  const r = report(golden, { topPaths: 3 });
  it('top paths, lengths, roles, first vs last, flow', () => {
    expect(r.topPaths.map((p) => [p.path, p.conversions, p.conversionRate])).toEqual([
      ['C', 3, 0.6],
      ['A > B > C', 2, 0.4],
      ['A > A > B', 1, 0.5],
    ]);
    expect(r.pathLengths).toEqual({ '1': 3, '2': 1, '3': 3 });
    expect(r.roles).toEqual([
      { channel: 'A', starts: 4, assists: 1, closes: 0, solo: 0 },
      { channel: 'B', starts: 0, assists: 2, closes: 1, solo: 0 },
      { channel: 'C', starts: 0, assists: 0, closes: 3, solo: 3 },
    ]);
    expect(r.firstVsLast).toEqual([
      { channel: 'A', first: 4, last: 0 },
      { channel: 'B', first: 0, last: 1 },
      { channel: 'C', first: 3, last: 6 },
    ]);
    // Flow conserves conversions: what leaves step 0 reaches Conversion.
    const toEnd = r.flow.filter((l) => l.to === 'Conversion').reduce((a, l) => a + l.conversions, 0);
    expect(toEnd).toBe(7);
  });
  it('counts a path once when it comes on several rows (several CSV files), whatever their order', () => {
    const rows = parsePathsCsv('A > B;1;10;1\nC;2;20;0\nA>B;2;20;0\nA > B;0.1;1;0\nC;0.2;2;0').rows;
    const r2 = report({ rows });
    expect(r2.topPaths.map((p) => [p.path, p.conversions, p.nulls])).toEqual([
      ['A > B', 3.1, 1],
      ['C', 2.2, 0],
    ]);
    expect(JSON.stringify(report({ rows: [...rows].reverse() }))).toBe(JSON.stringify(r2));
    // Repeats are summed in one order: 0.1 + 0.2 + 0.3 and 0.3 + 0.2 + 0.1 differ in the last bit.
    const tenths = parsePathsCsv('A;0.1;0.1;0\nA;0.2;0.2;0\nA;0.3;0.3;0').rows;
    expect(JSON.stringify(report({ rows: [...tenths].reverse() }))).toBe(
      JSON.stringify(report({ rows: tenths })),
    );
  });
  it('renders every format; HTML escapes channel names', () => {
    const evil = report(parsePathsCsv('<b onmouseover=x & y > B;1;1;0'));
    const html = renderReport(evil, 'html');
    expect(html).not.toContain('<b onmouseover');
    expect(html).toContain('&#60;b onmouseover=x &#38; y');
    expect(JSON.parse(renderReport(r, 'json')).models).toHaveLength(10);
    expect(renderReport(r, 'table')).toMatch(/First vs last touch/);
    expect(renderReport(r, 'csv').trim().split('\n')).toHaveLength(1 + 10 * 3);
    // RFC 4180: a cell holding a carriage return is quoted too, or it ends the record for most readers.
    const cr = renderReport(report(parsePathsCsv('"Mail\rOut";1;1;0'), { models: ['linear'] }), 'csv');
    expect(cr).toBe('model,channel,conversions,value,share\nlinear,"Mail\rOut",1,1,1\n');
  });
  it('csv: a channel name that a spreadsheet would run as a formula is prefixed with a quote', () => {
    const csv = (channel: string) =>
      renderReport(report(parsePathsCsv(`${channel};1;1;0`), { models: ['linear'] }), 'csv').split('\n')[1];
    expect(csv('=HYPERLINK(http://x.example,open)')).toBe(
      `linear,"'=HYPERLINK(http://x.example,open)",1,1,1`,
    );
    for (const lead of ['+', '-', '@']) expect(csv(`${lead}1+1`)).toBe(`linear,'${lead}1+1,1,1,1`);
    expect(csv('Paid Search')).toBe('linear,Paid Search,1,1,1');
  });
});
