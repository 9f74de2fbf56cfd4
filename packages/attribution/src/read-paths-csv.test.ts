import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePathsCsv, readPathsCsv } from './read-paths-csv.js';

describe('ChannelAttribution CSV input', () => {
  it('reads ; with a header', () => {
    const set = parsePathsCsv(
      'path;total_conversions;total_conversion_value;total_null\nA > B;1.5;10;2\nC;0;0;3\n',
    );
    expect(set.rows).toEqual([
      { path: ['A', 'B'], conversions: 1.5, value: 10, nulls: 2 },
      { path: ['C'], conversions: 0, value: 0, nulls: 3 },
    ]);
  });
  it('reads , without a header, and columns in any order by name', () => {
    expect(parsePathsCsv('A > B,1,10,2').rows).toEqual([
      { path: ['A', 'B'], conversions: 1, value: 10, nulls: 2 },
    ]);
    expect(parsePathsCsv('total_null,path,total_conversions\r\n4,"X, Inc > Y",2').rows).toEqual([
      { path: ['X, Inc', 'Y'], conversions: 2, value: 0, nulls: 4 },
    ]);
  });
  it('rejects a bad number naming the line', () => {
    expect(() => parsePathsCsv('A;1;10;0\nB;x;0;0')).toThrow(/\[touchpoint\].*line 2: conversions "x"/);
  });
  it('reads a file, and says when it cannot', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tp-csv-'));
    await writeFile(join(dir, 'p.csv'), 'A > B;1;2;3');
    expect((await readPathsCsv(join(dir, 'p.csv'))).rows).toHaveLength(1);
    await expect(readPathsCsv(join(dir, 'missing.csv'))).rejects.toThrow(/cannot read/);
  });
});
