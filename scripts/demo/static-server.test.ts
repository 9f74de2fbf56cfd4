import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { serveStatic } from './static-server.mjs';

let dir: string;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'touchpoint-static-'));
  await writeFile(join(dir, 'index.html'), '<a href="%LINK%">x</a>');
  await writeFile(join(dir, 'app.js'), 'console.log("%LINK%")');
  await writeFile(join(dir, '..', 'touchpoint-secret.txt'), 'outside');
  server = await serveStatic({
    root: dir,
    spa: true,
    files: { '/extra.js': join(dir, 'app.js') },
    replacements: () => ({ '%LINK%': 'http://x/?a=1&b="2"' }),
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
  await rm(join(dir, '..', 'touchpoint-secret.txt'), { force: true });
});

const get = async (path: string) => {
  const res = await fetch(server.url + path);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
};

it('fills placeholders in HTML only, escaped for attributes', async () => {
  expect(await get('/')).toMatchObject({
    status: 200,
    body: '<a href="http://x/?a=1&#38;b=&#34;2&#34;">x</a>',
  });
  expect(await get('/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
  expect((await get('/app.js')).body).toContain('%LINK%');
});

it('serves mapped files, falls back to index.html for routes, and 404s missing assets', async () => {
  expect((await get('/extra.js')).status).toBe(200);
  expect((await get('/pricing')).body).toContain('<a href=');
  expect((await get('/missing.css')).status).toBe(404);
});

it('never serves files outside its root', async () => {
  expect((await get('/..%2Ftouchpoint-secret.txt')).status).toBe(403);
  expect((await get('/%E0%A4%A')).status).toBe(400);
});
