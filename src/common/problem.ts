import { HttpException } from '@nestjs/common';
import type { FieldError } from './errors';

/** RFC 9457 problem details, as every error of this API is answered. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem type URIs are relative references under /problems/, documented in docs/api.md. */
export const problemType = (slug: string): string => `/problems/${slug}`;

/**
 * An error raised by the HTTP edge itself (pipes, guards, middleware) that already knows its
 * problem document; everything below `http/` throws `ApplicationError`s instead.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super({ slug, title, detail, ...extensions }, status);
  }
}

export const validationProblem = (errors: FieldError[]): ProblemException =>
  new ProblemException(400, 'validation-failed', 'The request is invalid', 'One or more fields are invalid.', {
    errors,
  });
