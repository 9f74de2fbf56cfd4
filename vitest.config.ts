import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Tests import workspace packages from source, so unit tests need no build.
// The browser project is the exception: it loads the built bundles into real Chromium.
const alias = {
  '@touchpoint/protocol': fileURLToPath(new URL('./packages/protocol/src/index.ts', import.meta.url)),
  '@touchpoint/collector': fileURLToPath(new URL('./packages/collector/src/index.ts', import.meta.url)),
  '@touchpoint/attribution': fileURLToPath(new URL('./packages/attribution/src/index.ts', import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit-node',
          environment: 'node',
          include: ['packages/{protocol,collector,attribution}/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.browser.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'unit-dom',
          environment: 'happy-dom',
          include: ['packages/sdk/src/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.browser.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser',
          environment: 'node',
          include: ['**/*.browser.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machine has two cores and these tests measure delivery, not speed.
          fileParallelism: false,
        },
      },
    ],
  },
});
