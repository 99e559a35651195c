import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics';

/** Requests no API route answered (the console's files, unknown paths): one label, not one per path. */
const UNMATCHED = '(other)';

/**
 * Counts every request by the pattern of the route that answered it (`/api/v1/cooperations/:id`),
 * never the raw path: ids in labels would make one series per cooperation. Registered first, so
 * that refusals by the guard, the body checks and the rate limit count too.
 */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpRequest(req.method, typeof route === 'string' ? route : UNMATCHED, res.statusCode, seconds);
    });
    next();
  };
}
