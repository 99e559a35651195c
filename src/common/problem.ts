import { HttpException } from '@nestjs/common';
import { type FieldError, localizeFieldErrors } from './errors';
import { localize, problem, type ProblemText } from './i18n';
import type { Language } from './language';

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

export interface ProblemOptions {
  /** Field errors, listed as `errors` in the answer's language. */
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** Extension members that need no translation (flags, versions). */
  extensions?: Record<string, unknown>;
}

/**
 * An error raised by the HTTP edge itself (pipes, guards, middleware) that already knows its
 * problem document; everything below `http/` throws `ApplicationError`s instead.
 */
export class ProblemException extends HttpException {
  readonly headers: Record<string, string>;
  constructor(
    status: number,
    readonly slug: string,
    readonly texts: ProblemText,
    private readonly problemOptions: ProblemOptions = {},
  ) {
    super({ slug, detail: localize('en', texts.detail) }, status);
    this.headers = problemOptions.headers ?? {};
  }

  /** The problem document in `lang` (without `instance`). */
  toProblem(lang: Language): ProblemDetails {
    const { errors, extensions } = this.problemOptions;
    return {
      type: problemType(this.slug),
      title: localize(lang, this.texts.title),
      status: this.getStatus(),
      detail: localize(lang, this.texts.detail),
      ...(errors ? { errors: localizeFieldErrors(lang, errors) } : {}),
      ...extensions,
    };
  }
}

export const validationProblem = (errors: FieldError[]): ProblemException =>
  new ProblemException(400, 'validation-failed', problem('validation-failed'), { errors });
