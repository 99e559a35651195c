/*
 * The shared kernel's identifier and text rules: pure (no Nest, no class-validator), so the domain
 * checks with them and the HTTP edge builds its decorators, pipes and claim checks from them.
 */

/** Amtlicher Gemeindeschlüssel (official municipality key): 8 digits, for any German body. */
export const AGS_PATTERN = /^\d{8}$/;

export const isAgs = (value: unknown): value is string => typeof value === 'string' && AGS_PATTERN.test(value);

/** A key of North Rhine-Westphalia (Land key `05`): the cooperations this engine decides. */
export const isNrwAgs = (value: unknown): value is string => isAgs(value) && value.startsWith('05');

/** A UUID in its canonical textual form, of any version, in either case. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID_PATTERN.test(value);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored or hashed faithfully (PostgreSQL text refuses NUL; UTF-8 has no lone surrogates). */
export function unstorableText(text: string): 'nul' | 'surrogate' | null {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  return null;
}

/** An ISO 8601 UTC instant as `Date#toISOString` writes it, e.g. `2027-04-01T22:00:00.000Z`. */
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An instant in INSTANT_PATTERN that is a real point in time (`Date` writes it back unchanged). */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !INSTANT_PATTERN.test(value)) return false;
  const date = new Date(value);
  return !Number.isNaN(date.getTime()) && date.toISOString() === value;
}

/** The largest value of PostgreSQL `integer` (int4): larger numbers in a query are a 500 there. */
export const INT4_MAX = 2_147_483_647;

export const isInt4 = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= -INT4_MAX - 1 && (value as number) <= INT4_MAX;

/**
 * An instant in INSTANT_PATTERN that PostgreSQL reads as the same point: `Date` has a year 0000,
 * PostgreSQL has none (1 BC), so the four-digit years it shares with JavaScript are 0001–9999.
 */
export const isStorableInstant = (value: unknown): value is string => isInstant(value) && !value.startsWith('0000-');
