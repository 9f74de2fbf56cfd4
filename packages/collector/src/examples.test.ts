// Runs the examples' own tests (node --test), so the gate proves the documented examples work.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const built = ['packages/protocol/dist/index.js', 'packages/collector/dist/index.js'].every((f) =>
  existsSync(root + f),
);

function nodeTest(dir: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--test'], { cwd: root + dir, timeout: 50_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

describe.skipIf(!built && !process.env.CI)('examples (built packages)', () => {
  for (const dir of ['examples/own-backend', 'examples/collector-express']) {
    it(`${dir} passes its own HTTP test`, { timeout: 60_000 }, async () => {
      const { code, output } = await nodeTest(dir);
      expect(code, output).toBe(0);
      expect(output).toMatch(/# pass [1-9]/);
    });
  }
});
