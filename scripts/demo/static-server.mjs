import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** Values go into attributes such as href: escape what HTML would read as markup or entities. */
function escapeHtml(value) {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A tiny static server for a site folder. `files` maps extra URL paths to files elsewhere (the built
 * `touchpoint.min.js`); `replacements` fills `%NAME%` placeholders in HTML, e.g. the collector endpoint,
 * which is only known once the collector listens on its ephemeral port.
 *
 * @param {{ root: string, files?: Record<string, string>, replacements?: () => Record<string, string> }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveStatic({ root, files = {}, replacements = () => ({}) }) {
  const base = normalize(root + sep);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = files[path] ?? normalize(join(base, path.endsWith('/') ? path + 'index.html' : path));
    if (!files[path] && !file.startsWith(base)) return void res.writeHead(403).end();
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.setHeader('content-type', type);
    res.setHeader('cache-control', 'no-store');
    if (extname(file) !== '.html') return void createReadStream(file).pipe(res);
    let html = await readFile(file, 'utf8');
    for (const [name, value] of Object.entries(replacements()))
      html = html.replaceAll(`%${name}%`, escapeHtml(value));
    res.end(html);
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
