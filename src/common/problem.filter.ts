import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '../database/postgres-errors';
import { ApplicationError, type ErrorCategory } from './errors';
import { etagOf } from './etag';
import { type Language, preferredLanguage } from './language';
import { PROBLEM_CONTENT_TYPE, ProblemException, problemType, type ProblemDetails } from './problem';

/** The one place where an application error's category becomes an HTTP status. */
const STATUS_BY_CATEGORY: Record<ErrorCategory, number> = {
  'invalid-input': 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  'unsupported-media-type': 415,
  unprocessable: 422,
  'too-many': 429,
  internal: 500,
};

const SLUG_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  412: 'precondition-failed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable-content',
  428: 'precondition-required',
  429: 'too-many-requests',
  503: 'service-unavailable',
};

/**
 * Errors raised by Express' body parsers before a route runs: they carry `status` and `type` —
 * except a decompression failure (a body that is not what its Content-Encoding says), which is
 * zlib's error with only the `status` and `expose` of http-errors.
 */
interface BodyParserError {
  status: number;
  type?: string;
  expose?: boolean;
}

const isBodyParserError = (e: unknown): e is BodyParserError =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as BodyParserError).status === 'number' &&
  (typeof (e as BodyParserError).type === 'string' || (e as BodyParserError).expose === true);

/** What a body parser's error without a `type` is: the decompression stream failed. */
const UNDECODABLE_BODY = 'The request body is not encoded as its Content-Encoding says.';

const BODY_PARSER_DETAIL: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body exceeds the size limit.',
  'encoding.unsupported': 'The request body has an unsupported content encoding.',
  'charset.unsupported': 'The request body has an unsupported charset.',
  'request.aborted': 'The request was aborted by the client.',
  'entity.utf8.invalid': 'The request body is not valid UTF-8.',
};

/**
 * Answers every error as application/problem+json (RFC 9457). Unexpected errors are logged with
 * their stack and answered with a generic 500: no stack traces or SQL reach the client.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const { problem, headers } = this.toProblem(exception, preferredLanguage(request.headers['accept-language']));
    problem.instance ??= request.originalUrl;
    if (problem.type === problemType('database-unavailable')) {
      this.logger.warn({ err: exception, requestId: request.id }, 'Database unavailable');
    } else if (problem.status >= 500 && problem.status !== 503) {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, lang: Language): { problem: ProblemDetails; headers: Record<string, string> } {
    if (exception instanceof ApplicationError) {
      const { code, title, detail, currentVersion } = exception;
      return {
        problem: {
          type: problemType(code),
          title,
          status: STATUS_BY_CATEGORY[exception.category],
          detail: typeof detail === 'string' ? detail : detail[lang],
          ...exception.extensions(lang),
        },
        headers: currentVersion === undefined ? {} : { ETag: etagOf(currentVersion) },
      };
    }
    if (exception instanceof ProblemException) {
      const { slug, title, detail, extensions, headers } = exception;
      return {
        problem: { type: problemType(slug), title, status: exception.getStatus(), detail, ...extensions },
        headers,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
      const extensions =
        status === Number(HttpStatus.SERVICE_UNAVAILABLE) && typeof body === 'object' ? this.healthDetails(body) : {};
      return {
        problem: {
          type: problemType(SLUG_BY_STATUS[status] ?? 'error'),
          title: exception.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
          status,
          detail,
          ...extensions,
        },
        headers: {},
      };
    }
    if (isBodyParserError(exception) && exception.status >= 400 && exception.status < 500) {
      const status = exception.type === 'entity.parse.failed' ? 400 : exception.status;
      return {
        problem: {
          type: problemType(SLUG_BY_STATUS[status] ?? 'bad-request'),
          title: status === 413 ? 'Payload Too Large' : status === 415 ? 'Unsupported Media Type' : 'Bad Request',
          status,
          detail:
            exception.type === undefined
              ? UNDECODABLE_BODY
              : (BODY_PARSER_DETAIL[exception.type] ?? 'The request body could not be read.'),
        },
        headers: {},
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        problem: {
          type: problemType('database-unavailable'),
          title: 'Service Unavailable',
          status: 503,
          detail:
            'The database is not reachable at the moment; retry shortly (commands with the same Idempotency-Key).',
        },
        headers: { 'Retry-After': '5' },
      };
    }
    return {
      problem: {
        type: problemType('internal-error'),
        title: 'Internal Server Error',
        status: 500,
        detail: 'An unexpected error occurred.',
      },
      headers: {},
    };
  }

  /** Terminus' 503 body lists the failing checks; keep them for operators. */
  private healthDetails(body: object): Record<string, unknown> {
    const { error, details } = body as { error?: unknown; details?: unknown };
    return details || error ? { checks: details ?? error } : {};
  }
}
