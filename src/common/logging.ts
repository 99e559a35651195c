import type { LoggerService } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import pretty from 'pino-pretty';

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
