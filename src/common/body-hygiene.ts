import type { NextFunction, Request, Response } from 'express';
import { unstorableText } from './domain/identifiers';
import { validationProblem } from './problem';

/** Deeper than any request body of this API; deeper ones would only strain the validators' recursion. */
export const MAX_BODY_DEPTH = 32;

/**
 * Runs after the JSON body parser, before any pipe: refuses bodies nested deeper than
 * MAX_BODY_DEPTH and strings or keys with NUL characters or unpaired surrogates, wherever they
 * are — as 400 validation-failed, before class-transformer recurses or a driver sees them.
 * Iterative, so a hostile depth cannot overflow the stack here either.
 */
export function refuseHostileJson(request: Request, _response: Response, next: NextFunction): void {
  const body: unknown = request.body;
  if (body === null || typeof body !== 'object') return next();
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: body, depth: 1, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value === 'string') {
      const reason = unstorableText(value);
      if (reason) return next(validationProblem([{ path: path || '(body)', messages: [`text ${reason}`] }]));
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_BODY_DEPTH) {
      return next(
        validationProblem([{ path: path || '(body)', messages: [`nested deeper than ${MAX_BODY_DEPTH} levels`] }]),
      );
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      const reason = unstorableText(key);
      if (reason) return next(validationProblem([{ path: childPath, messages: [`field name ${reason}`] }]));
      stack.push({ value: child, depth: depth + 1, path: childPath });
    }
  }
  next();
}
