import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientError } from './client-error.js';
import { createContext } from './context.js';
import { answerPreflight, applyCors } from './cors.js';
import { replyError } from './http-reply.js';
import { createMetrics, type CollectorMetrics } from './metrics.js';
import { createNdjsonSink } from './ndjson-sink.js';
import { resolveOptions, type CollectorOptions } from './options.js';
import { routes } from './routes.js';

/** A running collector. Mount `handler` in your own server, or call `listen()`. */
export interface Collector {
  /** A Node `http` request listener: `http.createServer(collector.handler)`, `app.use(collector.handler)`. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Starts a server of its own; resolves with its base URL, e.g. `http://127.0.0.1:8787`. */
  listen(port?: number, host?: string): Promise<string>;
  /** Counters: events accepted, duplicates, rejected, sink latency… */
  metrics(): CollectorMetrics;
  /**
   * Graceful shutdown: refuses new requests (503), waits for those in flight (up to `shutdownTimeoutMs`),
   * then closes the sink. Every event acknowledged before is stored.
   */
  close(): Promise<void>;
}

/**
 * The URL of a request target. A path stays a path: resolved against a base, `//x/v1/batch` would name the
 * host `x` (and `//` or `//a:b` would throw).
 */
function requestUrl(target: string): URL | undefined {
  try {
    return new URL(target.startsWith('/') ? `http://collector.invalid${target}` : target);
  } catch {
    return undefined;
  }
}

/**
 * Creates a collector: `POST /v1/batch`, `GET /v1/p.gif`, `GET /v1/r`, `GET /healthz`, `GET /metrics`.
 *
 * @example
 * const collector = await createCollector({ dataDir: './data' });
 * console.log(await collector.listen(8787));
 * @see packages/protocol/README.md — the wire protocol this server implements
 */
export async function createCollector(options: CollectorOptions): Promise<Collector> {
  const resolved = resolveOptions(options);
  // The day files follow the collector's clock, so a simulated clock also rotates by simulated day.
  const sink = options.sink ?? (await createNdjsonSink({ dataDir: options.dataDir!, now: resolved.now }));
  const metrics = createMetrics();
  const ctx = createContext(resolved, sink, metrics);
  let servers: Server[] = [];
  let inFlight = 0;
  let idle: (() => void) | undefined;
  let closing: Promise<void> | undefined;

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req.url ?? '/');
    const originAllowed = applyCors(req, res, resolved.corsOrigins);
    if (!url) {
      req.resume();
      return replyError(res, 400, 'the request target is not a URL: use POST /v1/batch');
    }
    const route = routes[url.pathname];
    if (!route) return replyError(res, 404, `no route ${url.pathname}: use POST /v1/batch`);
    // Preflights included: their error body says why (for curl; a browser shows only the CORS failure).
    if (!originAllowed) {
      req.resume();
      ctx.metrics.counters.refusedRequests++;
      return replyError(
        res,
        403,
        `origin ${req.headers.origin} is not allowed: add it to corsOrigins (CLI: --cors-origin or TOUCHPOINT_CORS_ORIGINS)`,
      );
    }
    if (req.method === 'OPTIONS') return answerPreflight(res);
    if (!route.methods.includes(req.method ?? '')) {
      req.resume();
      return replyError(res, 405, `${url.pathname} accepts ${route.methods.join(', ')}`, {
        allow: route.methods.join(', '),
      });
    }
    await route.handle(ctx, req, res, url);
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    if (closing) {
      req.resume();
      // With CORS headers, so a page on another origin reads the 503 and its Retry-After (not a network error).
      applyCors(req, res, resolved.corsOrigins);
      return replyError(res, 503, 'the collector is shutting down; retry', {
        connection: 'close',
        'retry-after': '1',
      });
    }
    inFlight++;
    dispatch(req, res)
      .catch((error: unknown) => {
        resolved.onError('[touchpoint] collector: unexpected error while handling a request', error);
        if (!res.headersSent) replyError(res, 500, 'internal error');
        else res.destroy();
      })
      .finally(() => {
        if (--inFlight === 0) idle?.();
      });
  };

  return {
    handler,
    metrics: () => metrics.snapshot(),
    listen(port = 8787, host = '127.0.0.1') {
      const server = createServer(
        // Node checks these only every connectionsCheckingInterval; keep it short so slow clients go quickly.
        {
          requestTimeout: resolved.requestTimeoutMs,
          headersTimeout: resolved.requestTimeoutMs,
          connectionsCheckingInterval: Math.min(1000, resolved.requestTimeoutMs),
        },
        handler,
      );
      server.on('clientError', answerClientError);
      servers.push(server);
      return new Promise((resolve, reject) => {
        server.once('error', (cause) =>
          reject(
            new Error(`[touchpoint] collector: cannot listen on ${host}:${port}; pick another --port`, {
              cause,
            }),
          ),
        );
        server.listen(port, host, () => {
          const { port: actual } = server.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${actual}`);
        });
      });
    },
    close() {
      closing ??= (async () => {
        const stopped = servers.map((server) => new Promise<void>((r) => server.close(() => r())));
        for (const server of servers) server.closeIdleConnections();
        if (inFlight > 0) {
          await Promise.race([
            new Promise<void>((r) => (idle = r)),
            new Promise<void>((r) => setTimeout(r, resolved.shutdownTimeoutMs).unref()),
          ]);
        }
        for (const server of servers) server.closeAllConnections();
        await Promise.all(stopped);
        servers = [];
        // Bounded too: a sink stuck on a hung store must not keep the process from exiting. What it had
        // not stored was never acknowledged (the connections are cut), so clients send it again.
        await Promise.race([
          sink.close(),
          new Promise<void>((r) => setTimeout(r, resolved.shutdownTimeoutMs).unref()),
        ]);
      })();
      return closing;
    },
  };
}
