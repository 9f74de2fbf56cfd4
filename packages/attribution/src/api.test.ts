import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as api from './index.js';
import {
  attribute,
  parsePathsCsv,
  readPathsCsv,
  renderReport,
  renderReportChunks,
  report,
  type ConversionCredit,
  type Journey,
  type ModelName,
  type Report,
} from './index.js';

describe('public API', () => {
  it('exports exactly the documented names', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'analyze',
        'readEvents',
        'PROGRESS_BYTES',
        'buildJourneys',
        'DEFAULT_SESSION_TIMEOUT_MS',
        'DEFAULT_LOOKBACK_MS',
        'parseDuration',
        'aggregatePaths',
        'TIME_TO_CONVERSION_BUCKETS',
        'parsePathsCsv',
        'readPathsCsv',
        'PATH_SEPARATOR',
        'exposure',
        'first',
        'frequency',
        'removeIfNotAll',
        'removeIfLastAndNotAll',
        'trimLongPath',
        'applyTransforms',
        'touchLabel',
        'parseTransform',
        'attribute',
        'MODEL_NAMES',
        'DAY_MS',
        'DEFAULT_HALF_LIFE_MS',
        'DEFAULT_POSITION_WEIGHTS',
        'DEFAULT_DIRECT_CHANNEL',
        'DEFAULT_MARKOV_ORDER',
        'markovChain',
        'markovStates',
        'MAX_MARKOV_ORDER',
        'report',
        'DEFAULT_TOP_PATHS',
        'renderReport',
        'renderReportChunks',
        'FORMATS',
      ].sort(),
    );
  });

  it('is typed', () => {
    const paths = parsePathsCsv('A > B;1;2;0');
    expectTypeOf(attribute(paths).models[0]!.model).toEqualTypeOf<ModelName>();
    expectTypeOf(report(paths)).toEqualTypeOf<Report>();
    expectTypeOf<ReturnType<typeof attribute>['conversions']>().toEqualTypeOf<
      ConversionCredit[] | undefined
    >();
    expectTypeOf<Journey['person']>().toEqualTypeOf<string>();
    expectTypeOf<Journey['anonymous']>().toEqualTypeOf<true | undefined>();
    expectTypeOf(renderReport).parameter(1).toEqualTypeOf<'table' | 'json' | 'csv' | 'html' | undefined>();
    // @ts-expect-error an unknown model name is a type error
    expect(() => attribute(paths, { models: ['shapely'] })).toThrow(/unknown model/);
    // @ts-expect-error the format is checked too
    expect(() => renderReport(report(paths), 'pdf')).toThrow(/unknown format/);
  });

  it('renders in pieces what renderReport renders whole', () => {
    const r = report(parsePathsCsv('A > B;1;2;0\nB;2;3;1'));
    expectTypeOf(renderReportChunks(r, 'json')).toEqualTypeOf<Iterable<string>>();
    for (const format of ['table', 'json', 'csv', 'html'] as const)
      expect([...renderReportChunks(r, format)].join('')).toBe(renderReport(r, format));
  });

  it('says to await readPathsCsv when attribute() is given its Promise', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'tp-api-')), 'paths.csv');
    await writeFile(file, 'A > B;1;10;0\n');
    const pending = readPathsCsv(file);
    // @ts-expect-error a Promise is not paths; it failed with ".filter is not a function"
    expect(() => attribute(pending)).toThrow(/\[touchpoint\] attribution: .*Promise.*await readPathsCsv/);
    expect(attribute(await pending, { models: ['linear'] }).totals.conversions).toBe(1);
  });
});
