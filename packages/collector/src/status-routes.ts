import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from './context.js';
import { replyJson } from './http-reply.js';

/** `GET /healthz`: 200 `{ ok: true }` when the sink answers its probe, 503 otherwise. */
export async function handleHealth(ctx: Context, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    await ctx.sink.ping?.();
    replyJson(res, 200, { ok: true, sink: ctx.sink.name });
  } catch {
    replyJson(res, 503, {
      ok: false,
      sink: ctx.sink.name,
      error: `[touchpoint] the ${ctx.sink.name} sink is unreachable`,
    });
  }
}

/** `GET /metrics`: Prometheus text, or JSON with `?format=json` or `Accept: application/json`. */
export function handleMetrics(ctx: Context, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const json =
    url.searchParams.get('format') === 'json' ||
    String(req.headers.accept ?? '').includes('application/json');
  if (json) return replyJson(res, 200, ctx.metrics.snapshot());
  const text = ctx.metrics.prometheus(ctx.sink.name);
  res.writeHead(200, {
    'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(text);
}
