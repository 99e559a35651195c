import type { NextFunction, Request, Response } from 'express';
import { problem } from './i18n';
import { ProblemException } from './problem';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
/** The one route that takes multipart/form-data: evidence uploads (multer parses them there). */
const MULTIPART_ROUTE = /^\/api\/v1\/cooperations\/[^/]+\/documents\/?$/;

/**
 * A request body that is not JSON is refused (415) before it is parsed — except multipart uploads
 * to `POST …/cooperations/{id}/documents`. Registered as plain
 * Express middleware: errors passed to `next` reach the problem+json filter like body-parser's.
 */
export function requireJsonBody(request: Request, _response: Response, next: NextFunction): void {
  const length = Number(request.headers['content-length'] ?? 0);
  const hasBody = length > 0 || request.headers['transfer-encoding'] !== undefined;
  if (request.method === 'POST' && MULTIPART_ROUTE.test(request.path)) {
    if (hasBody && !request.is('multipart/form-data')) {
      return next(new ProblemException(415, 'unsupported-media-type', problem('multipart-required')));
    }
    return next();
  }
  if (WITH_BODY.has(request.method) && hasBody && !request.is(['application/json', 'application/*+json'])) {
    return next(new ProblemException(415, 'unsupported-media-type', problem('json-required')));
  }
  next();
}
