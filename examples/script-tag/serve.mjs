#!/usr/bin/env node
// Runs this example locally: a collector on :8787 storing NDJSON in ./.data, and this folder on :8080 with the
// built touchpoint.min.js. Build first (`pnpm build` at the repository root).
import { join } from 'node:path';
import { createCollector } from '../../packages/collector/dist/index.js';
import { serveStatic } from '../../scripts/demo/static-server.mjs';

const here = import.meta.dirname;
const collector = await createCollector({ dataDir: join(here, '.data') });
console.log(`collector  ${await collector.listen(8787, '127.0.0.1')}  (events in ${join(here, '.data')})`);
const site = await serveStatic({
  root: here,
  port: 8080,
  files: { '/touchpoint.min.js': join(here, '../../packages/sdk/dist/touchpoint.min.js') },
});
console.log(`page       ${site.url}/`);
