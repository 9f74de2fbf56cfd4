// The smallest correct Touchpoint backend: validate each event, store each id once (across restarts),
// answer { accepted, duplicates, rejected }, speak CORS and accept text/plain. Built from
// packages/protocol/README.md alone. For production use @touchpoint/collector.
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { validate } from '@touchpoint/protocol';

const MAX_BODY_BYTES = 512 * 1024;
const MAX_EVENTS = 1000;

/** Returns a node:http request listener storing events as NDJSON lines in `file`. */
export function createBackend(file) {
  // Rebuild the set of stored ids so dedup survives restarts.
  const ids = new Set();
  try {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      try {
        ids.add(JSON.parse(line).id);
      } catch {} // a torn last line from a crash: never acknowledged, skip it
    }
  } catch {} // no file yet
  const fd = openSync(file, 'a');

  function reply(res, status, body) {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
  // Error bodies as the protocol describes them: { "error": "[touchpoint] what is wrong and how to fix it" }.
  const fail = (res, status, message) => reply(res, status, { error: `[touchpoint] ${message}` });

  const handler = (req, res) => {
    // CORS: any origin, echoed; no credentials.
    if (req.headers.origin) {
      res.setHeader('access-control-allow-origin', req.headers.origin);
      // Not CORS-safelisted: a page on another origin could not read a Retry-After this server adds later.
      res.setHeader('access-control-expose-headers', 'Retry-After');
    }
    res.setHeader('vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': 'content-type',
      });
      return res.end();
    }
    if (req.method !== 'POST' || new URL(req.url, 'http://x').pathname !== '/v1/batch') {
      return fail(res, 404, 'no such route: use POST /v1/batch');
    }
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return fail(res, 413, 'body too large: send smaller batches');
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')); // text/plain or application/json alike
      } catch {
        return fail(res, 400, 'the body is not JSON: send {"v":1,"events":[...]}');
      }
      const result = validate(body, { maxEvents: MAX_EVENTS });
      if (!result.ok) {
        // Too many events is a 413: the SDK splits the batch. Any other unusable body is a 400: it drops it.
        const tooMany = body?.events?.length > MAX_EVENTS;
        return fail(res, tooMany ? 413 : 400, result.error);
      }
      const fresh = result.accepted.filter((event) => !ids.has(event.id));
      if (fresh.length > 0) {
        const receivedAt = Date.now();
        writeSync(fd, fresh.map((event) => JSON.stringify({ ...event, receivedAt }) + '\n').join(''));
        fsyncSync(fd); // durable before we acknowledge: the browser deletes its copy on our 2xx
        for (const event of fresh) ids.add(event.id);
      }
      const valid = result.results.filter((r) => r.ok).length;
      reply(res, 200, {
        accepted: fresh.length,
        duplicates: valid - fresh.length,
        rejected: result.rejected,
      });
    });
  };
  handler.close = () => closeSync(fd);
  return handler;
}
