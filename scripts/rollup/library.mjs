// Shared rollup setup for the Node-side packages (protocol, collector, attribution):
// ESM output, declarations emitted beside it, dependencies kept external.
import typescript from '@rollup/plugin-typescript';
import json from '@rollup/plugin-json';
import { cleanDist } from './clean-dist.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} packageDir absolute path of the package
 * @param {Record<string, string>} inputs entry name -> source file, relative to the package
 */
export function libraryConfig(packageDir, inputs) {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
  return {
    input: inputs,
    external: (id) =>
      id.startsWith('node:') || external.some((dep) => id === dep || id.startsWith(dep + '/')),
    output: {
      dir: join(packageDir, 'dist'),
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunk-[hash].js',
    },
    plugins: [
      cleanDist(join(packageDir, 'dist')),
      json(),
      typescript({
        tsconfig: join(packageDir, 'tsconfig.build.json'),
        outDir: join(packageDir, 'dist'),
        declaration: true,
        declarationDir: join(packageDir, 'dist'),
      }),
    ],
  };
}
