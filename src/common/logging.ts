import type { LoggerService } from '@nestjs/common';
import { hostname } from 'node:os';
import type { DestinationStream } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import pretty from 'pino-pretty';
import type { RequestWithId } from './request-id';

/**
 * Readable lines for a person at a terminal (pino-pretty), JSON lines for everything else (log
 * collectors, files, pipes). `LOG_FORMAT` overrides the guess. Null: pino's own JSON to stdout.
 */
export function logDestination(format: 'auto' | 'json' | 'pretty'): DestinationStream | null {
  const readable = format === 'pretty' || (format === 'auto' && process.stdout.isTTY === true);
  if (!readable) return null;
  // Synchronous, in this thread: the last lines before an exit are not lost in a worker's queue.
  return pretty({
    sync: true,
    colorize: process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service,context,startup,req,res,responseTime',
    messageFormat:
      '{if context}[{context}] {end}{msg}{if req} {req.method} {req.url} → {res.statusCode} ({responseTime} ms){end}',
  });
}

/**
 * The logger's options: one line per request with its id, method, URL and status — headers stay
 * out (they carry tokens), and so does the body. Every line names the service, request or not.
 */
export function requestLogOptions(level: string): PinoHttpOptions {
  return {
    level,
    genReqId: (request) => (request as RequestWithId).id ?? 'unknown',
    // In the base bindings rather than pino-http's per-request custom properties: nothing to build per request.
    base: { pid: process.pid, hostname: hostname(), service: 'ikz-lifecycle-engine' },
    // The serializers read the raw request and response: pino-http's wrapping would first copy
    // every header into a standard object for each request, only for these to drop them.
    wrapSerializers: false,
    serializers: {
      req: (req: { id: string; method: string; originalUrl?: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.originalUrl ?? req.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/** Nest's own start-up chatter: one line per module and per route, useful only when debugging. */
const CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** The application's logger with Nest's chatter (route mapping, module wiring) moved to debug. */
export function withQuietStartup(logger: LoggerService): LoggerService {
  const isChatter = (params: unknown[]) => CHATTER.has(params[params.length - 1] as string);
  return {
    log(message: unknown, ...params: unknown[]) {
      if (isChatter(params) && logger.debug) logger.debug(message, ...params);
      else logger.log(message, ...params);
    },
    error(message: unknown, ...params: unknown[]) {
      logger.error(message, ...params);
    },
    warn(message: unknown, ...params: unknown[]) {
      logger.warn(message, ...params);
    },
    debug(message: unknown, ...params: unknown[]) {
      logger.debug?.(message, ...params);
    },
    verbose(message: unknown, ...params: unknown[]) {
      logger.verbose?.(message, ...params);
    },
    fatal(message: unknown, ...params: unknown[]) {
      (logger.fatal ?? logger.error).call(logger, message, ...params);
    },
  };
}
