import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from './problem';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** A request body that is not JSON is refused (415) before any route sees it. */
@Injectable()
export class JsonContentTypeMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const length = Number(request.headers['content-length'] ?? 0);
    const hasBody = length > 0 || request.headers['transfer-encoding'] !== undefined;
    if (WITH_BODY.has(request.method) && hasBody && !request.is(['application/json', 'application/*+json'])) {
      throw new ProblemException(
        415,
        'unsupported-media-type',
        'Unsupported Media Type',
        'Send the request body as application/json.',
      );
    }
    next();
  }
}
