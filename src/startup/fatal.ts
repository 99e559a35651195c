import { EmbeddedPostgres } from '../database/embedded-postgres';

/** One line, whatever the error: operators read the last line, and log collectors keep lines apart. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return `Cannot start: ${text.replace(/\s*\n\s*/g, ' ').trim()}`;
}

/**
 * Ends a start that failed: closes what was opened (the application if there is one, and any
 * embedded database the failed start had already opened, so its folder is left closed and
 * unlocked), prints the one line and exits with 1. LOG_LEVEL=debug adds the stack trace.
 */
export async function failStart(error: unknown, close?: () => Promise<void>): Promise<never> {
  await close?.().catch(() => undefined);
  await EmbeddedPostgres.stopAll();
  if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') console.error(error);
  console.error(oneLine(error));
  process.exit(1);
}
