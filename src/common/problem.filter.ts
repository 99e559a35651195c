import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '../database/postgres-errors';
import { ApplicationError, type ErrorCategory } from './errors';
import { etagOf } from './etag';
import { localize, problem, type PlainProblemKey, type ProblemText } from './i18n';
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

/** The texts of body parsers' errors by their `type`; one without a `type` failed to decompress. */
const BODY_PARSER_PROBLEM: Record<string, PlainProblemKey> = {
  'entity.parse.failed': 'invalid-json',
  'entity.too.large': 'body-too-large',
  'encoding.unsupported': 'unsupported-encoding',
  'charset.unsupported': 'unsupported-charset',
  'request.aborted': 'request-aborted',
  'entity.utf8.invalid': 'invalid-utf8',
};

/** Nest's own HttpExceptions (router, multer, terminus) by status. */
const HTTP_PROBLEM: Record<number, PlainProblemKey> = {
  400: 'bad-request',
  413: 'body-too-large',
  415: 'json-required',
  503: 'service-unavailable',
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
    const { problem: answer, headers } = this.toProblem(
      exception,
      preferredLanguage(request.headers['accept-language']),
      request,
    );
    answer.instance ??= request.originalUrl;
    if (answer.type === problemType('database-unavailable')) {
      this.logger.warn({ err: exception, requestId: request.id }, 'Database unavailable');
    } else if (answer.status >= 500 && answer.status !== 503) {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(answer.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(answer));
  }

  private toProblem(
    exception: unknown,
    lang: Language,
    request: Request,
  ): { problem: ProblemDetails; headers: Record<string, string> } {
    if (exception instanceof ApplicationError) {
      const { code, currentVersion } = exception;
      return {
        problem: {
          type: problemType(code),
          title: exception.title(lang),
          status: STATUS_BY_CATEGORY[exception.category],
          detail: exception.detail(lang),
          ...exception.extensions(lang),
        },
        headers: currentVersion === undefined ? {} : { ETag: etagOf(currentVersion) },
      };
    }
    if (exception instanceof ProblemException) {
      return { problem: exception.toProblem(lang), headers: exception.headers };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const extensions =
        status === Number(HttpStatus.SERVICE_UNAVAILABLE) && typeof body === 'object' ? this.healthDetails(body) : {};
      return {
        problem: {
          ...this.localized(lang, SLUG_BY_STATUS[status] ?? 'error', status, this.httpTexts(exception, request)),
          ...extensions,
        },
        headers: {},
      };
    }
    if (isBodyParserError(exception) && exception.status >= 400 && exception.status < 500) {
      const status = exception.type === 'entity.parse.failed' ? 400 : exception.status;
      const key =
        exception.type === undefined ? 'undecodable-body' : (BODY_PARSER_PROBLEM[exception.type] ?? 'unreadable-body');
      return {
        problem: this.localized(lang, SLUG_BY_STATUS[status] ?? 'bad-request', status, problem(key)),
        headers: {},
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        problem: this.localized(lang, 'database-unavailable', 503, problem('database-unavailable')),
        headers: { 'Retry-After': '5' },
      };
    }
    return { problem: this.localized(lang, 'internal-error', 500, problem('internal-error')), headers: {} };
  }

  private localized(lang: Language, slug: string, status: number, texts: ProblemText): ProblemDetails {
    return {
      type: problemType(slug),
      title: localize(lang, texts.title),
      status,
      detail: localize(lang, texts.detail),
    };
  }

  /** Nest's own exceptions carry English texts; the answer names what the client can do instead. */
  private httpTexts(exception: HttpException, request: Request): ProblemText {
    const status = exception.getStatus();
    // Nest's router turns body-parser's SyntaxError (invalid JSON) into a BadRequestException with its message.
    if (status === 400 && /JSON/.test(exception.message)) return problem('invalid-json');
    if (status === 404) return problem('route-not-found', { method: request.method });
    if (status === 405) return problem('method-not-allowed', { method: request.method });
    const key = HTTP_PROBLEM[status];
    return key ? problem(key) : problem('http-error', { status });
  }

  /** Terminus' 503 body lists the failing checks; keep them for operators. */
  private healthDetails(body: object): Record<string, unknown> {
    const { error, details } = body as { error?: unknown; details?: unknown };
    return details || error ? { checks: details ?? error } : {};
  }
}
