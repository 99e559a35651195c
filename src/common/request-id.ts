import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export type RequestWithId = Request & { id?: string };

/**
 * Registered first, so that every answer — even a body-parser error — carries X-Request-Id.
 * A caller's own id is kept when it is harmless, so a request can be followed across systems.
 */
export function requestIdMiddleware(request: RequestWithId, response: Response, next: NextFunction): void {
  const incoming = request.headers['x-request-id'];
  request.id = typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', request.id);
  next();
}
