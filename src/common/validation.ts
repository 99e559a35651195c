import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage, type MetadataStorage } from 'class-validator';
import { hostileInput } from './body-hygiene';
import type { FieldError } from './errors';
import { type MessageKey, type Params, text, type Text } from './i18n';
import { validationProblem } from './problem';

type Metadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;

/**
 * class-validator looks up a class's constraints afresh for every object it validates — a filter
 * over the class's metadata, an `instanceof` against every registered class (every DTO of the API)
 * and a grouping by property — for each body and each nested object in it. The metadata is fixed
 * once the classes are defined, so each lookup is made once: the answers are kept until a
 * decorator registers more.
 */
export function memoizeConstraintLookups(storage: MetadataStorage): void {
  const marked = storage as MetadataStorage & { ikzMemoized?: true };
  if (marked.ikzMemoized) return;
  marked.ikzMemoized = true;
  const register = storage.addValidationMetadata.bind(storage);
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  type Target = Parameters<MetadataStorage['getTargetValidationMetadatas']>[0];
  let lookups = new Map<Target, Map<string, Metadata>>();
  let groups = new WeakMap<Metadata, ReturnType<MetadataStorage['groupByPropertyName']>>();
  storage.addValidationMetadata = (metadata) => {
    lookups = new Map();
    groups = new WeakMap();
    register(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, names) => {
    const key = JSON.stringify([schema, always, strictGroups, names ?? null]);
    let byOptions = lookups.get(target);
    if (!byOptions) lookups.set(target, (byOptions = new Map<string, Metadata>()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(target, schema, always, strictGroups, names)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let grouped = groups.get(metadata);
    if (!grouped) groups.set(metadata, (grouped = group(metadata)));
    return grouped;
  };
}

memoizeConstraintLookups(getMetadataStorage());

/**
 * class-validator's constraints in the order their message is chosen: the one message of a field
 * names its first failed constraint — an unknown field, then the type, then the format, then the
 * bounds (a number sent as `title` is "must be text", not also "at most 300 characters").
 */
const RULES: ReadonlyArray<[constraint: string, key: MessageKey]> = [
  ['whitelistValidation', 'validation.unknown'],
  ['unknownValue', 'validation.object'],
  ['isDefined', 'validation.missing'],
  ['nestedValidation', 'validation.object'],
  ['isString', 'validation.string'],
  ['isInt', 'validation.integer'],
  ['isNumber', 'validation.number'],
  ['isBoolean', 'validation.boolean'],
  ['isArray', 'validation.array'],
  ['isIn', 'validation.oneOf'],
  ['equals', 'validation.equals'],
  ['isEmail', 'validation.email'],
  ['isUuid', 'validation.uuid'],
  ['isUrl', 'validation.url'],
  ['matches', 'validation.invalid'],
  ['isIso8601', 'validation.instant'],
  ['isNotEmpty', 'validation.notBlank'],
  ['minLength', 'validation.minLength'],
  ['maxLength', 'validation.maxLength'],
  ['min', 'validation.min'],
  ['max', 'validation.max'],
  ['arrayMinSize', 'validation.arrayMin'],
  ['arrayMaxSize', 'validation.arrayMax'],
];
const RANK = new Map(RULES.map(([constraint], i) => [constraint, i]));
const KEY = new Map(RULES);

/** The placeholders of a rule's text, from the decorator's arguments (`@MaxLength(300)` → max 300). */
function paramsOf(constraint: string, args: readonly unknown[]): Params {
  const [first] = args;
  switch (constraint) {
    case 'maxLength':
    case 'max':
    case 'arrayMaxSize':
      return { max: Number(first) };
    case 'minLength':
    case 'min':
    case 'arrayMinSize':
      return { min: Number(first) };
    case 'isIn':
      return { values: (first as unknown[]).join(', ') };
    case 'equals':
      return { value: String(first) };
    default:
      return {};
  }
}

const isMessageKey = (message: string | undefined): message is MessageKey =>
  message !== undefined && /^validation\.[A-Za-z]+$/.test(message);

/** The decorator arguments of `constraint` on the property an error is about. */
function constraintArgs(error: ValidationError, constraint: string): readonly unknown[] {
  const target = error.target?.constructor;
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name ?? m.type) === constraint);
  return (metadata?.constraints as unknown[] | undefined) ?? [];
}

/** The one message of a field: missing, or its first failed constraint (RULES), with a key a decorator named. */
function messageOf(error: ValidationError, field: string): Text {
  const failed = Object.keys(error.constraints ?? {}).sort((a, b) => (RANK.get(a) ?? 99) - (RANK.get(b) ?? 99));
  const [first] = failed;
  if (
    first !== 'whitelistValidation' &&
    first !== 'unknownValue' &&
    (error.value === undefined || error.value === null)
  ) {
    return text('validation.missing', { field });
  }
  const custom = error.constraints?.[first];
  const key = isMessageKey(custom) ? custom : (KEY.get(first) ?? 'validation.invalid');
  return { key, params: { ...paramsOf(first, constraintArgs(error, first)), field } };
}

/** Flattens class-validator's tree into field paths such as `resources[0].moneyCents`, one message each. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const index = /^\d+$/.test(error.property);
    const segment = index ? `[${error.property}]` : error.property;
    const path = parent === '' ? segment : segment.startsWith('[') ? `${parent}${segment}` : `${parent}.${segment}`;
    const field = index || error.property === '' ? path || '(body)' : error.property;
    const own: FieldError[] =
      error.constraints && Object.keys(error.constraints).length > 0
        ? [{ path, message: messageOf(error, field) }]
        : [];
    return [...own, ...toFieldErrors(error.children ?? [], path)];
  });
}

/**
 * class-validator's pipe, with the hygiene of JSON bodies (NUL, unpaired surrogates, prototype
 * keys, depth) applied first to what reaches it by other ways: query parameters and multipart
 * text fields. Each is validated like a body.
 */
class HygienicValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'query' || metadata.type === 'body') {
      const error = hostileInput(value);
      if (error) throw validationProblem([error]);
    }
    return super.transform(value, metadata);
  }
}

export const createValidationPipe = (): ValidationPipe =>
  new HygienicValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // Target and value stay inside the pipe: they choose the message (missing, the decorator's
    // arguments) and never reach the answer.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => validationProblem(toFieldErrors(errors)),
  });
