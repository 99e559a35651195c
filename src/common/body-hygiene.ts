import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { unstorableText } from './domain/identifiers';
import type { FieldError } from './errors';
import { text } from './i18n';
import { validationProblem } from './problem';

const KEY_REASON = { nul: 'validation.keyNul', surrogate: 'validation.keySurrogate' } as const;

/** Deeper than any request body of this API; deeper ones would only strain the validators' recursion. */
export const MAX_BODY_DEPTH = 32;

/**
 * Keys no request of this API has and that JavaScript gives a meaning to: class-transformer drops
 * them without a word, so they are refused as unknown fields instead (as forbidNonWhitelisted words it).
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The first reason `value` (a parsed body, multipart fields or a query) cannot be taken as it is:
 * nested deeper than MAX_BODY_DEPTH, a string or key with NUL or an unpaired surrogate, or a
 * prototype key — wherever it is. Iterative, so a hostile depth cannot overflow the stack here.
 */
export function hostileInput(value: unknown): FieldError | null {
  if (value === null || typeof value !== 'object') return null;
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 1, path: '' }];
  while (stack.length > 0) {
    const { value: item, depth, path } = stack.pop()!;
    if (typeof item === 'string') {
      const reason = unstorableText(item);
      if (reason) return { path: path || '(body)', message: text(`validation.${reason}`, { field: path || '(body)' }) };
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    if (depth > MAX_BODY_DEPTH) {
      return { path: path || '(body)', message: text('validation.tooDeep', { max: MAX_BODY_DEPTH }) };
    }
    for (const [key, child] of Object.entries(item)) {
      const childPath = Array.isArray(item) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      const reason = unstorableText(key);
      if (reason) return { path: childPath, message: text(KEY_REASON[reason], { field: childPath }) };
      if (!Array.isArray(item) && PROTOTYPE_KEYS.has(key)) {
        return { path: childPath, message: text('validation.unknown', { field: childPath }) };
      }
      stack.push({ value: child, depth: depth + 1, path: childPath });
    }
  }
  return null;
}

/**
 * Runs after the JSON body parser, before any pipe: refuses a hostile body (see hostileInput) as
 * 400 validation-failed, before class-transformer recurses or a driver sees it.
 */
export function refuseHostileJson(request: Request, _response: Response, next: NextFunction): void {
  const error = hostileInput(request.body);
  next(error ? validationProblem([error]) : undefined);
}

/**
 * The JSON body parser's `verify`: a body that is not valid UTF-8 is refused (400) instead of
 * being decoded with U+FFFD in place of the bytes the client sent — which would then be stored
 * and hashed as if the client had said it.
 */
export function requireUtf8(_request: IncomingMessage, _response: unknown, body: Buffer, encoding: string): void {
  if (encoding.toLowerCase() === 'utf-8' && !isUtf8(body)) {
    throw Object.assign(new Error('invalid UTF-8'), {
      status: 400,
      type: 'entity.utf8.invalid',
    });
  }
}
