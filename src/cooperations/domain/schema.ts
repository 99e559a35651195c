import { INSTANT_PATTERN } from '../../common/domain/identifiers';
import type { MessageKey, Text } from '../../common/domain/messages';
import { isCalendarDate } from './calendar';
import { isNrwAgs } from './municipality';

/*
 * A small schema language for event payloads, and the ONE description of each event's shape
 * (`events/*.events.ts`). A schema is data: the domain checks with it (a malformed event is
 * answered `invalid`, never thrown — the domain never trusts its caller, and timer events are
 * built by code), TypeScript infers the event types from it (`Infer`), and the HTTP edge compiles
 * it into class-validator DTOs and OpenAPI schemas (`dto/schema-dto.ts`). So a field, limit or
 * description is written once.
 */

/** One message per field, by key of the texts' catalogue (translated at the HTTP edge). */
export interface FieldError {
  path: string;
  message: Text;
}

/** The keys of the lifecycle rules' messages (`rules.*` of the catalogue). */
export type RuleKey = Extract<MessageKey, `rules.${string}`>;

/**
 * The property a path ends in, as messages name fields: `resources[0].moneyCents` → `moneyCents`,
 * and an item of a list by the list (`leaving[1]` → `leaving`).
 */
export const fieldOf = (path: string): string => /([^.[\]]+)(?:\[\d+\])*$/.exec(path)?.[1] ?? path;
/** A field error whose text names the field (`{{field}}`: its label, else its name). */
export const fieldError = (
  path: string,
  key: MessageKey,
  params: Record<string, string | number> = {},
): FieldError => ({
  path,
  message: { key, params: { ...params, field: fieldOf(path) } },
});

/** What a field means, German first (the users are German civil servants), for the API's documentation. */
export interface Doc {
  de: string;
  en: string;
  example?: unknown;
}

export type Spec =
  /** `min: 1` requires non-blank text. */
  | { kind: 'string'; min: 0 | 1; max: number }
  | { kind: 'number'; min: number; max: number; integer: boolean }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'literal'; value: string }
  | { kind: 'date' }
  | { kind: 'ags' }
  | { kind: 'email' }
  | { kind: 'instant' }
  | { kind: 'array'; item: AnySchema; min: number; max: number }
  /** `name` names the shape where it is reused or documented on its own (e.g. `ResourcePledge`). */
  | { kind: 'object'; shape: Shape; name?: string };

/** A schema for values of type `T`; `O` marks a field that may be absent. */
export interface Schema<T, O extends boolean = false> {
  readonly spec: Spec;
  readonly optional: O;
  readonly nullable: boolean;
  readonly doc?: Doc;
  check(value: unknown, path: string, errors: FieldError[]): void;
  /** Phantom: never set; carries `T` for `Infer`. */
  readonly _type?: T;
}
export type AnySchema = Schema<unknown, boolean>;
export type Shape = Readonly<Record<string, AnySchema>>;

export type Infer<S> = S extends Schema<infer T, boolean> ? T : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ObjectOf<S extends Shape> = Simplify<
  { -readonly [K in keyof S as S[K] extends Schema<unknown, true> ? never : K]: Infer<S[K]> } & {
    -readonly [K in keyof S as S[K] extends Schema<unknown, true> ? K : never]?: Infer<S[K]>;
  }
>;

const MAX_TEXT = 20_000;
const MAX_ITEMS = 500;
/**
 * Lists with an entry per municipality, task or criterion: a cooperation has far fewer. With the
 * text caps it bounds what one event adds to a snapshot (`snapshot-growth.spec.ts`), independent of
 * BODY_LIMIT.
 */
export const PER_COOPERATION_ITEMS = 50;

const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

const schema = <T>(spec: Spec, check: Schema<T>['check']): Schema<T> => ({
  spec,
  optional: false,
  nullable: false,
  check,
});

export function validate(s: AnySchema, value: unknown): FieldError[] {
  const errors: FieldError[] = [];
  s.check(value, '', errors);
  return errors;
}

/** Documents a field (German / English, optionally an example). */
export const about = <T, O extends boolean>(
  s: Schema<T, O>,
  de: string,
  en: string,
  example?: unknown,
): Schema<T, O> => ({
  ...s,
  doc: example === undefined ? { de, en } : { de, en, example },
});

/** A string; `min: 1` (the default is 0) requires non-blank text. */
export const str = ({ min = 0, max = MAX_TEXT }: { min?: 0 | 1; max?: number } = {}): Schema<string> =>
  schema({ kind: 'string', min, max }, (v, path, errors) => {
    if (typeof v !== 'string') errors.push(fieldError(path, 'validation.string'));
    else if (v.trim().length < min) errors.push(fieldError(path, 'validation.notBlank'));
    else if (v.length > max) errors.push(fieldError(path, 'validation.maxLength', { max }));
  });

/** Non-blank text. */
export const text = (max = MAX_TEXT): Schema<string> => str({ min: 1, max });

export const num = ({ min = -Infinity, max = Infinity, integer = false } = {}): Schema<number> =>
  schema({ kind: 'number', min, max, integer }, (v, path, errors) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) errors.push(fieldError(path, 'validation.number'));
    else if (integer && !Number.isInteger(v)) errors.push(fieldError(path, 'validation.integer'));
    else if (v < min || v > max) errors.push(fieldError(path, 'validation.range', { min, max }));
  });

export const int = (opts: { min?: number; max?: number } = {}): Schema<number> => num({ ...opts, integer: true });

export const bool: Schema<boolean> = schema({ kind: 'boolean' }, (v, path, errors) => {
  if (typeof v !== 'boolean') errors.push(fieldError(path, 'validation.boolean'));
});

export const oneOf = <const V extends readonly string[]>(values: V): Schema<V[number]> =>
  schema({ kind: 'enum', values }, (v, path, errors) => {
    if (typeof v !== 'string' || !values.includes(v)) {
      errors.push(fieldError(path, 'validation.oneOf', { values: values.join(', ') }));
    }
  });

export const literal = <const V extends string>(value: V): Schema<V> =>
  schema({ kind: 'literal', value }, (v, path, errors) => {
    if (v !== value) errors.push(fieldError(path, 'validation.equals', { value }));
  });

/** A calendar date `YYYY-MM-DD` (German civil date; see `calendar.ts`). */
export const date: Schema<string> = schema({ kind: 'date' }, (v, path, errors) => {
  if (!isCalendarDate(v)) errors.push(fieldError(path, 'validation.date'));
});

/** The AGS of a North Rhine-Westphalian body. */
export const ags: Schema<string> = schema({ kind: 'ags' }, (v, path, errors) => {
  if (!isNrwAgs(v)) errors.push(fieldError(path, 'validation.nrwAgs'));
});

export const email: Schema<string> = schema({ kind: 'email' }, (v, path, errors) => {
  if (typeof v !== 'string' || v.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) {
    errors.push(fieldError(path, 'validation.email'));
  }
});

/** An ISO 8601 UTC instant as `Date#toISOString` writes it, e.g. `2027-04-01T22:00:00.000Z`. */
export const instant: Schema<string> = schema({ kind: 'instant' }, (v, path, errors) => {
  if (typeof v !== 'string' || !INSTANT_PATTERN.test(v)) {
    errors.push(fieldError(path, 'validation.instant'));
    return;
  }
  const d = new Date(v);
  if (Number.isNaN(d.getTime()) || d.toISOString() !== v) errors.push(fieldError(path, 'validation.instant'));
});

export const array = <T>(item: Schema<T>, { min = 0, max = MAX_ITEMS } = {}): Schema<T[]> =>
  schema({ kind: 'array', item, min, max }, (v, path, errors) => {
    if (!Array.isArray(v)) return void errors.push(fieldError(path, 'validation.array'));
    if (v.length < min) errors.push(fieldError(path, 'validation.arrayMin', { min }));
    if (v.length > max) return void errors.push(fieldError(path, 'validation.arrayMax', { max }));
    v.forEach((x, i) => item.check(x, at(path, i), errors));
  });

/** A field that may be absent (`undefined`); `null` is still checked (and refused unless nullable). */
export const optional = <T>(s: Schema<T>): Schema<T, true> => ({
  ...s,
  optional: true,
  check: (v, path, errors) => {
    if (v !== undefined) s.check(v, path, errors);
  },
});

export const nullable = <T>(s: Schema<T>): Schema<T | null> => ({
  ...s,
  nullable: true,
  check: (v, path, errors) => {
    if (v !== null) s.check(v, path, errors);
  },
});

/** A plain object with exactly these keys; unknown keys are errors, as the API's whitelisting. */
export const object = <S extends Shape>(shape: S, name?: string): Schema<ObjectOf<S>> =>
  schema({ kind: 'object', shape, ...(name ? { name } : {}) }, (v, path, errors) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      return void errors.push(fieldError(path, 'validation.object'));
    }
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!Object.hasOwn(shape, key)) errors.push(fieldError(at(path, key), 'validation.unknown'));
    }
    for (const [key, s] of Object.entries(shape)) {
      if (record[key] === undefined && !s.optional) errors.push(fieldError(at(path, key), 'validation.missing'));
      else s.check(record[key], at(path, key), errors);
    }
  });

/** An event: its `type` literal beside the payload's fields, documented as a whole. */
export function event<const T extends string, S extends Shape>(
  type: T,
  shape: S,
  de: string,
  en: string,
): EventSchema<T, S> {
  // While T and S are open TypeScript cannot relate the spread's type to EventSchema's.
  const s: AnySchema = object({ type: literal(type), ...shape });
  return about(s, de, en) as unknown as EventSchema<T, S>;
}
type EventSchema<T extends string, S extends Shape> = Schema<ObjectOf<{ type: Schema<T> } & S>>;
