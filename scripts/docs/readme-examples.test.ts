import { describe, expect, it } from 'vitest';
import { READMES, examplesOf, typeErrors } from './readme-examples.mjs';

describe('README examples', () => {
  it('every ```ts example of every README compiles against the packages', () => {
    const blocks = READMES.flatMap(examplesOf);
    expect(new Set(blocks.map((b) => b.readme))).toEqual(
      new Set([
        'README.md',
        ...['protocol', 'sdk', 'collector', 'attribution'].map((p) => `packages/${p}/README.md`),
        'examples/spa/README.md',
      ]),
    );
    expect(typeErrors(blocks)).toEqual([]);
  }, 120_000);

  it('names the README and line of an example that does not compile', () => {
    const code =
      "import { createTracker } from '@touchpoint/sdk/core';\ncreateTracker({ endpoin: '/v1/batch' });";
    const errors = typeErrors([{ readme: 'packages/sdk/README.md', line: 40, code }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^packages\/sdk\/README\.md:41: .*'endpoin'/);
  }, 120_000);
});
