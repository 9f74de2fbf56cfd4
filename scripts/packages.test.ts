// The four packages as npm users get them: packed with `pnpm pack` (the files an `npm publish` would send),
// installed into a fresh project outside the workspace, then used through their public entries only, in
// JavaScript and in strict TypeScript. The workspace tests import the sources; only this one would see a
// file missing from `files`, an `exports` path that points nowhere, a runtime import of a devDependency,
// a declaration that needs types the user does not have, a relative import without its `.js` (sources
// write `from './x.js'`: the emitted declarations keep the specifier, and TypeScript projects on Node's ESM
// resolution, `nodenext`, cannot follow `./x`), or stale build output shipped in a tarball.
// Needs the built packages (`pnpm build`, which `pnpm test` runs first) and the pnpm store that
// `pnpm install` filled: the install below is `--offline`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['protocol', 'sdk', 'collector', 'attribution'];

const run = (command: string, args: string[], cwd: string) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  return result.stdout;
};

let work: string;
let app: string;
const tarballs: Record<string, string> = {};
/** Each package's packed files, as paths relative to the package root. */
const packed: Record<string, string[]> = {};

beforeAll(() => {
  for (const name of PACKAGES)
    if (!existsSync(join(root, 'packages', name, 'dist/index.js')))
      throw new Error(`packages/${name}/dist is missing: run \`pnpm build\` first (\`pnpm test\` does).`);
  work = mkdtempSync(join(tmpdir(), 'touchpoint-packages-'));
  for (const name of PACKAGES) {
    const out = run('pnpm', ['pack', '--pack-destination', work], join(root, 'packages', name));
    tarballs[name] = out.trim().split('\n').pop()!;
    packed[name] = run('tar', ['tzf', tarballs[name]], work)
      .split('\n')
      .filter(Boolean)
      .map((path) => path.replace(/^package\//, ''));
  }
  app = join(work, 'app');
  run('mkdir', ['-p', app], work);
  const deps = Object.fromEntries(PACKAGES.map((name) => [`@touchpoint/${name}`, `file:${tarballs[name]}`]));
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'touchpoint-user',
      private: true,
      type: 'module',
      dependencies: deps,
      // A Node project's own: the collector's types name Node's http module.
      devDependencies: { '@types/node': '^20' },
      // The packed packages name `@touchpoint/protocol` by version; it comes from its tarball, not the registry.
      pnpm: { overrides: { '@touchpoint/protocol': deps['@touchpoint/protocol'] } },
    }),
  );
  run('pnpm', ['install', '--offline', '--ignore-workspace'], app);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Relative imports of an ES module: static, re-exports and dynamic. */
const relativeImports = (code: string): string[] =>
  [...code.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);

describe('the packed packages', () => {
  it.each(PACKAGES)('@touchpoint/%s ships what its package.json points to, and nothing stale', (name) => {
    const files = new Set(packed[name]);
    const pkg = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
    const targets = [
      pkg.main,
      pkg.types,
      ...Object.values(pkg.exports as Record<string, string | Record<string, string>>).flatMap((t) =>
        typeof t === 'string' ? [t] : Object.values(t),
      ),
      ...Object.values((pkg.bin ?? {}) as Record<string, string>),
    ].map((path: string) => posix.normalize(path));
    for (const target of targets) expect(files, `${name}: ${target}`).toContain(target);
    expect(files).toContain('README.md');
    expect([...files].filter((f) => /\.test\.|(^|\/)src\//.test(f))).toEqual([]);
    if (name === 'sdk')
      for (const script of ['dist/touchpoint.min.js', 'dist/touchpoint.core.min.js'])
        expect(files).toContain(script);

    // Every JavaScript file is reachable from an entry, a bin or a script-tag bundle: an unreachable one is
    // left over from an older build (a renamed module, an old hashed chunk) and only makes the download bigger.
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file) || !files.has(file)) return;
      reached.add(file);
      const code = readFileSync(join(root, 'packages', name, file), 'utf8');
      for (const spec of relativeImports(code)) visit(posix.join(posix.dirname(file), spec));
    };
    for (const entry of [...targets, ...[...files].filter((f) => f.endsWith('.min.js'))])
      if (entry.endsWith('.js')) visit(entry);
    expect([...files].filter((f) => f.endsWith('.js') && !reached.has(f))).toEqual([]);
  });

  it(
    'work from JavaScript in a fresh project: SSR no-op tracker, collector, bins, attribution',
    { timeout: 60_000 },
    () => {
      writeFileSync(
        join(app, 'use.mjs'),
        `
import { createTracker } from '@touchpoint/sdk';
import { createTracker as createCoreTracker, campaign, pages } from '@touchpoint/sdk/core';
import { validate, classifyTouch } from '@touchpoint/protocol';
import { createCollector } from '@touchpoint/collector';
import { createRequire } from 'node:module';

// Outside a browser the trackers are no-ops that still validate their options.
const tracker = createTracker({ endpoint: 'https://collector.example/v1/batch' });
const core = createCoreTracker({ endpoint: '/v1/batch', plugins: [campaign(), pages()] });
let badConfig = '';
try { createTracker({ endpoint: 'https://collector.example/v1/batch', maxBatchEvents: -1 }); } catch (e) { badConfig = e.message; }

const ids = ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52'];
const base = { v: 1, ts: Date.parse('2026-11-02T10:00:00Z'), anonymousId: 'a1', sessionId: 's1' };
const events = [
  { ...base, id: ids[0], type: 'page', page: { url: 'https://shop.example/?utm_source=google&utm_medium=cpc', path: '/' },
    touchpoint: { kind: 'ad', channel: 'Paid Search', source: 'google', medium: 'cpc' } },
  { ...base, id: ids[1], type: 'conversion', ts: base.ts + 60000, name: 'purchase', value: 49, currency: 'EUR', orderId: 'o-1' },
];
const body = { v: 1, sentAt: Date.now(), events: events.map(({ v, ...e }) => e) };
const verdicts = validate(body);

const collector = await createCollector({ dataDir: process.argv[2] });
const url = await collector.listen(0, '127.0.0.1');
const response = await fetch(url + '/v1/batch', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) });
const answer = await response.json();
await collector.close();

const schema = createRequire(import.meta.url)('@touchpoint/protocol/batch.schema.json');
const scripts = ['@touchpoint/sdk/touchpoint.min.js', '@touchpoint/sdk/touchpoint.core.min.js'].map((s) => import.meta.resolve(s).endsWith(s.slice(16)));
console.log(JSON.stringify({
  noop: [typeof tracker.track, tracker.track('signup') === undefined, typeof core.flush],
  badConfig,
  verdicts,
  channel: classifyTouch({ source: 'google', medium: 'organic' }).channel,
  status: response.status,
  answer,
  schema: typeof schema.properties,
  scripts,
}));
`,
      );
      const data = join(work, 'data');
      const out = JSON.parse(run('node', ['use.mjs', data], app));
      expect(out.noop).toEqual(['function', true, 'function']);
      expect(out.badConfig).toMatch(/^\[touchpoint\] .*maxBatchEvents/);
      expect(out.channel).toBe('Organic Search');
      expect(out.status).toBe(200);
      expect(out.answer).toMatchObject({ accepted: 2, duplicates: 0, rejected: [] });
      expect(out.schema).toBe('object');
      expect(out.scripts).toEqual([true, true]);

      expect(run('node_modules/.bin/touchpoint-collector', ['--help'], app)).toContain(
        'Usage: touchpoint-collector',
      );
      const report = JSON.parse(
        run(
          'node_modules/.bin/touchpoint-attribution',
          [data, '--model', 'last_touch', '--format', 'json'],
          app,
        ),
      );
      expect(JSON.stringify(report)).toContain('Paid Search');
    },
  );

  // Node 20.19+ and 22.12+ load ES modules through require() when the package's exports allow it (`default`).
  it.runIf(process.features.require_module)(
    'load through require() in a CommonJS project',
    { timeout: 60_000 },
    () => {
      writeFileSync(
        join(app, 'use.cjs'),
        `
const { createTracker } = require('@touchpoint/sdk');
const core = require('@touchpoint/sdk/core');
const { validate } = require('@touchpoint/protocol');
const { createCollector } = require('@touchpoint/collector');
const attribution = require('@touchpoint/attribution');
console.log(JSON.stringify([
  typeof createTracker({ endpoint: '/v1/batch' }).track,
  typeof core.createTracker,
  typeof validate,
  typeof createCollector,
  typeof attribution.attribute,
]));
`,
      );
      expect(JSON.parse(run('node', ['use.cjs'], app))).toEqual(Array(5).fill('function'));
    },
  );

  it('type-check in a strict TypeScript project (nodenext, no skipLibCheck)', { timeout: 60_000 }, () => {
    writeFileSync(
      join(app, 'use.ts'),
      `
import { createTracker, type Tracker, type TrackerOptions } from '@touchpoint/sdk';
import { createTracker as createCoreTracker, campaign, pages } from '@touchpoint/sdk/core';
import { validate, type TouchpointEvent } from '@touchpoint/protocol';
import { createCollector, type Sink } from '@touchpoint/collector';
import * as attribution from '@touchpoint/attribution';

const options: TrackerOptions = { endpoint: '/v1/batch', consent: 'pending' };
const tracker: Tracker = createTracker(options);
const id: string | undefined = tracker.conversion('purchase', { value: 49, currency: 'EUR', orderId: 'o-1' });
createCoreTracker({ endpoint: '/v1/batch', plugins: [campaign(), pages()] });
const sink: Sink | undefined = undefined;
export const used = [id, sink, validate, createCollector, attribution, [] as TouchpointEvent[]];
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          lib: ['ES2022', 'DOM'],
          types: ['node'],
          skipLibCheck: false,
        },
        files: ['use.ts'],
      }),
    );
    const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
    run('node', [tsc, '-p', 'tsconfig.json'], app);
  });
});
