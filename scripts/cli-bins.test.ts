import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

// The root README's commands, run where a newcomer runs them: the repository root after `pnpm install && pnpm build`.
describe('the CLIs from the repository root', () => {
  it.each([
    ['touchpoint-collector', 'Usage: touchpoint-collector'],
    ['touchpoint-attribution', 'Usage: touchpoint-attribution'],
  ])('pnpm exec %s --help', (bin, usage) => {
    const run = spawnSync('pnpm', ['exec', bin, '--help'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).not.toContain('not found');
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toContain(usage);
  });
});
