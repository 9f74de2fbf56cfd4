// The ```ts examples of the READMEs, type-checked against the packages' sources: a README example that no
// longer compiles (a renamed option, a changed signature) fails the test command instead of misleading a user.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The repo's READMEs: the top one, and each package's and example's. */
export const READMES = [
  'README.md',
  ...['packages', 'examples'].flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .map((name) => `${dir}/${name}/README.md`)
      .filter((path) => existsSync(join(ROOT, path))),
  ),
];

/** Every ```ts block of `readme` (a path from the repo root), with the line it starts on. */
export function examplesOf(readme) {
  const blocks = [];
  const lines = readFileSync(join(ROOT, readme), 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```ts') continue;
    const start = i + 1;
    while (++i < lines.length && lines[i].trim() !== '```');
    blocks.push({ readme, line: start + 1, code: lines.slice(start, i).join('\n') });
  }
  return blocks;
}

/** Type-checks `blocks` as separate modules; returns one message per error, naming README and line. */
export function typeErrors(blocks) {
  // In the README's folder (in memory only), so types resolve from there (`vite/client` in examples/spa).
  const files = new Map(blocks.map((b, i) => [join(ROOT, dirname(b.readme), `readme-example-${i}.ts`), b]));
  const options = {
    ...ts.parseJsonConfigFileContent(
      JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8')),
      ts.sys,
      ROOT,
    ).options,
    noEmit: true,
    types: ['node'],
    // Examples are snippets: what they declare and leave unused is for the reader.
    noUnusedLocals: false,
  };
  // The packages' other exports, as their package.json maps them.
  options.paths = {
    ...options.paths,
    '@touchpoint/sdk/core': ['./packages/sdk/src/core.ts'],
    '@touchpoint/protocol/batch.schema.json': ['./packages/protocol/schema/batch.schema.json'],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile;
  host.readFile = (name) => files.get(name)?.code ?? readFile(name);
  const exists = host.fileExists;
  host.fileExists = (name) => files.has(name) || exists(name);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.has(d.file.fileName))
    .map((d) => {
      const block = files.get(d.file.fileName);
      const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${block.readme}:${block.line + line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}
