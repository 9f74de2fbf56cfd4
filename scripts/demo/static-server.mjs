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

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Values go into attributes such as href: escape what HTML would read as markup or entities. */
function escapeHtml(value) {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A tiny static server for a site folder. `files` maps extra URL paths to files elsewhere (the built
 * `touchpoint.min.js`); `replacements` maps strings in HTML to what replaces them, e.g. a
 * `%TOUCHPOINT_ENDPOINT%` placeholder to the collector endpoint, only known once the collector listens on
 * its ephemeral port. Values are HTML-escaped.
 *
 * `spa: true` answers `index.html` for unknown paths without a file extension (client-side routes).
 *
 * @param {{ root: string, files?: Record<string, string>, replacements?: () => Record<string, string>,
 *   spa?: boolean, port?: number }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveStatic({ root, files = {}, replacements = () => ({}), spa = false, port = 0 }) {
  const base = normalize(root + sep);
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return void res.writeHead(400, { 'content-type': 'text/plain' }).end('bad path');
    }
    let file = files[path] ?? normalize(join(base, path.endsWith('/') ? path + 'index.html' : path));
    if (!files[path] && !file.startsWith(base)) return void res.writeHead(403).end();
    if (!(await isFile(file))) {
      if (!spa || extname(path))
        return void res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      file = join(base, 'index.html');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.setHeader('content-type', type);
    res.setHeader('cache-control', 'no-store');
    if (extname(file) !== '.html') return void createReadStream(file).pipe(res);
    let html = await readFile(file, 'utf8');
    for (const [from, to] of Object.entries(replacements())) html = html.replaceAll(from, escapeHtml(to));
    res.end(html);
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
