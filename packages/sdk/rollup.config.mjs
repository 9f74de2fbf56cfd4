// Three builds: the npm ESM (entries `.` and `./core`, with .d.ts, dependencies external) and two script-tag IIFEs that carry
// everything: touchpoint.min.js (with the default capture plugins) and touchpoint.core.min.js (delivery
// core and API only). scripts/size.mjs holds both IIFEs to their budgets.
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanDist } from '../../scripts/rollup/clean-dist.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies);

const protocolSource = fileURLToPath(new URL('../protocol/src/index.ts', import.meta.url));

// The IIFEs compile @touchpoint/protocol from source, one module per file, so rollup can leave out whole
// files the bundle does not use (the built protocol is a single file whose source-list tables would stay).
// One name per line, so changes to the list merge cleanly.
const INTERNAL_PROPERTIES = new RegExp(
  `^(${[
    'json',
    'take',
    'local',
    'settle',
    'commitNow',
    'available',
    'reserve',
    'release',
    'unload',
    'peek',
    'adopt',
    'forget',
    'retryAfter',
    'response',
    'beacon',
    'fresh',
    'last',
    'maxEvents',
    'maxBytes',
    'use',
    'transport',
    'lock',
    'held',
    'adInfo',
    'inView',
    'counted',
    'timer',
    'impression',
  ].join('|')})$`,
);

const iife = (input, file, deliveryOnly = false) => ({
  input,
  output: { file, format: 'iife', sourcemap: false },
  treeshake: { moduleSideEffects: (id) => !id.includes('/packages/protocol/src/') },
  plugins: [
    {
      // src/build-flags.ts, as this bundle sets it.
      name: 'build-flags',
      load: (id) =>
        id.endsWith('/src/build-flags.ts') ? `export const DELIVERY_ONLY = ${deliveryOnly};` : null,
    },
    {
      name: 'protocol-from-source',
      resolveId: (id) => (id === '@touchpoint/protocol' ? protocolSource : null),
    },
    resolve({ browser: true }),
    typescript({ tsconfig: './tsconfig.bundle.json', outDir: 'dist', noEmitOnError: true }),
    terser({
      ecma: 2020,
      toplevel: true,
      compress: { passes: 3, unsafe_arrows: true, pure_getters: true },
      // Internal names only: never stored, sent, or part of the public or plugin API.
      mangle: { properties: { regex: INTERNAL_PROPERTIES } },
      format: { comments: false },
    }),
  ],
});

export default [
  {
    // Two entries sharing chunks: `@touchpoint/sdk` and the lean `@touchpoint/sdk/core`.
    input: { index: 'src/index.ts', core: 'src/core.ts' },
    external: (id) => external.some((dep) => id === dep || id.startsWith(dep + '/')),
    // One file per module, so an app's bundler keeps only the modules it uses (`sideEffects: false`).
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
    },
    plugins: [
      cleanDist(fileURLToPath(new URL('./dist', import.meta.url))),
      typescript({
        tsconfig: './tsconfig.build.json',
        declaration: true,
        declarationDir: 'dist',
        outDir: 'dist',
        noEmitOnError: true,
      }),
    ],
  },
  iife('src/iife.ts', 'dist/touchpoint.min.js'),
  iife('src/iife-core.ts', 'dist/touchpoint.core.min.js', true),
];
