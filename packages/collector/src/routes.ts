import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleBatch } from './batch-route';
import type { Context } from './context';
import { handleHealth, handleMetrics } from './status-routes';

/** One endpoint: the methods it answers and its handler. */
export interface Route {
  methods: string[];
  handle(ctx: Context, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void;
}

/** Every endpoint, by path. */
export const routes: Record<string, Route> = {
  '/v1/batch': { methods: ['POST'], handle: handleBatch },
  '/healthz': { methods: ['GET', 'HEAD'], handle: handleHealth },
  '/metrics': { methods: ['GET'], handle: handleMetrics },
};
