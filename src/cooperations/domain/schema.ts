import { isCalendarDate } from './calendar';
import { isAgs } from './municipality';

/*
 * A deliberately small validator for event payloads. The HTTP adapter validates DTOs too, but the
 * domain must never trust its caller: a malformed event is answered `invalid`, never thrown.
 */

export interface FieldError {
  path: string;
  message: string;
}

export type Check = (value: unknown, path: string, errors: FieldError[]) => void;

const OPTIONAL = Symbol('optional');
type OptionalCheck = Check & { [OPTIONAL]: true };

const MAX_TEXT = 20_000;
const MAX_ITEMS = 500;

const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

export function validate(check: Check, value: unknown): FieldError[] {
  const errors: FieldError[] = [];
  check(value, '', errors);
  return errors;
}

/** A string; `min: 1` (the default is 0) requires non-blank text. */
export const str =
  ({ min = 0, max = MAX_TEXT }: { min?: number; max?: number } = {}): Check =>
  (v, path, errors) => {
    if (typeof v !== 'string') errors.push({ path, message: 'must be a string' });
    else if (v.trim().length < min) errors.push({ path, message: 'must not be empty' });
    else if (v.length > max) errors.push({ path, message: `must be at most ${max} characters` });
  };

export const text = (max = MAX_TEXT): Check => str({ min: 1, max });

export const num =
  ({ min = -Infinity, max = Infinity, integer = false } = {}): Check =>
  (v, path, errors) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) errors.push({ path, message: 'must be a finite number' });
    else if (integer && !Number.isInteger(v)) errors.push({ path, message: 'must be an integer' });
    else if (v < min || v > max) errors.push({ path, message: `must be between ${min} and ${max}` });
  };

export const int = (opts: { min?: number; max?: number } = {}): Check => num({ ...opts, integer: true });

export const bool: Check = (v, path, errors) => {
  if (typeof v !== 'boolean') errors.push({ path, message: 'must be a boolean' });
};

export const oneOf =
  (values: readonly string[]): Check =>
  (v, path, errors) => {
    if (typeof v !== 'string' || !values.includes(v))
      errors.push({ path, message: `must be one of: ${values.join(', ')}` });
  };

export const literal =
  (value: string): Check =>
  (v, path, errors) => {
    if (v !== value) errors.push({ path, message: `must be '${value}'` });
  };

export const date: Check = (v, path, errors) => {
  if (!isCalendarDate(v)) errors.push({ path, message: 'must be a date YYYY-MM-DD' });
};

export const ags: Check = (v, path, errors) => {
  if (!isAgs(v)) errors.push({ path, message: 'must be an 8-digit NRW AGS (05……)' });
};

export const email: Check = (v, path, errors) => {
  if (typeof v !== 'string' || v.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v))
    errors.push({ path, message: 'must be an e-mail address' });
};

export const array =
  (item: Check, { min = 0, max = MAX_ITEMS } = {}): Check =>
  (v, path, errors) => {
    if (!Array.isArray(v)) return void errors.push({ path, message: 'must be an array' });
    if (v.length < min) errors.push({ path, message: `must have at least ${min} item(s)` });
    if (v.length > max) return void errors.push({ path, message: `must have at most ${max} items` });
    v.forEach((x, i) => item(x, at(path, i), errors));
  };

export const optional = (check: Check): OptionalCheck =>
  Object.assign(
    (v: unknown, path: string, errors: FieldError[]) => {
      if (v !== undefined) check(v, path, errors);
    },
    { [OPTIONAL]: true as const },
  );

export const nullable =
  (check: Check): Check =>
  (v, path, errors) => {
    if (v !== null) check(v, path, errors);
  };

/** A plain object with exactly these keys; unknown keys are errors, as the API's whitelisting. */
export const object =
  (shape: Record<string, Check>): Check =>
  (v, path, errors) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return void errors.push({ path, message: 'must be an object' });
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record))
      if (!Object.hasOwn(shape, key)) errors.push({ path: at(path, key), message: 'is not a known field' });
    for (const [key, check] of Object.entries(shape)) {
      if (record[key] === undefined && !(OPTIONAL in check))
        errors.push({ path: at(path, key), message: 'is required' });
      else check(record[key], at(path, key), errors);
    }
  };

/** An ISO 8601 UTC instant as `Date#toISOString` writes it, e.g. `2027-04-01T22:00:00.000Z`. */
export const instant: Check = (v, path, errors) => {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v)) {
    errors.push({ path, message: 'must be an ISO 8601 UTC instant (YYYY-MM-DDTHH:mm:ss.sssZ)' });
    return;
  }
  const d = new Date(v);
  if (Number.isNaN(d.getTime()) || d.toISOString() !== v) errors.push({ path, message: 'is not a valid instant' });
};
