import { QueryFailedError } from 'typeorm';

/** SQLSTATE of the error PostgreSQL raised, if it is one. */
export function sqlState(error: unknown): string | undefined {
  const driverError =
    error instanceof QueryFailedError
      ? (error.driverError as { code?: unknown })
      : (error as { code?: unknown } | null);
  const code = driverError?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export const isUniqueViolation = (error: unknown) => sqlState(error) === '23505';
