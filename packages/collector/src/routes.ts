import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleBatch } from './batch-route.js';
import type { Context } from './context.js';
import { handlePixel } from './pixel-route.js';
import { handleRedirect } from './redirect-route.js';
import { handleHealth, handleMetrics } from './status-routes.js';

/** One endpoint: the methods it answers and its handler. */
export interface Route {
  methods: string[];
  handle(ctx: Context, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void;
}

/** Every endpoint, by path. */
export const routes: Record<string, Route> = {
  '/v1/batch': { methods: ['POST'], handle: handleBatch },
  '/v1/p.gif': { methods: ['GET', 'HEAD'], handle: handlePixel },
  '/v1/r': { methods: ['GET'], handle: handleRedirect },
  '/healthz': { methods: ['GET', 'HEAD'], handle: handleHealth },
  '/metrics': { methods: ['GET'], handle: handleMetrics },
};
