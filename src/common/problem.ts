import { HttpException } from '@nestjs/common';

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
 * An error that already knows its problem document. Services throw it with a stable `slug`
 * (the machine-readable reason clients switch on) and optional extension members.
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

export interface FieldError {
  path: string;
  messages: string[];
}

export const validationProblem = (errors: FieldError[]): ProblemException =>
  new ProblemException(400, 'validation-failed', 'The request is invalid', 'One or more fields are invalid.', {
    errors,
  });
