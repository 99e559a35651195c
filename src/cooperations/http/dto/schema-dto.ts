import type { Type as ClassType } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AGS_PATTERN } from '../../../common/domain/identifiers';
import type { AnySchema, Doc, Spec } from '../../domain';

/*
 * Compiles a domain schema (`domain/schema.ts`) into a class-validator DTO with its OpenAPI
 * metadata, so the HTTP edge validates and documents exactly the shape the domain describes, with
 * class-validator's field paths and messages. The domain still checks the same shape itself;
 * what the edge adds is the 400 before any transaction, and the documentation.
 */

type Validator = PropertyDecorator;

/** Present but possibly absent: unlike @IsOptional, `null` is still validated (and refused). */
export const Absent = (): Validator => ValidateIf((_o, v) => v !== undefined);

const NON_BLANK = /\S/;
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
const finite = (n: number) => Number.isFinite(n);
const pascal = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+|(?=[A-Z])/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase())
    .join('');

const classes = new Map<Spec, ClassType>();

/** The DTO class of an object schema, built once per shape; nested shapes become classes `<name>Dto`. */
export function dtoOf(schema: AnySchema, fallbackName: string): ClassType {
  const spec = schema.spec;
  if (spec.kind !== 'object') throw new Error(`${fallbackName}: only object schemas become DTO classes`);
  const known = classes.get(spec);
  if (known) return known;
  const name = spec.name ? `${spec.name}Dto` : fallbackName;
  const dto = { [name]: class {} }[name];
  classes.set(spec, dto);
  if (schema.doc) ApiSchema({ description: describe(schema.doc) })(dto);
  for (const [key, field] of Object.entries(spec.shape)) {
    const decorators = [...validators(field, `${name.replace(/Dto$/, '')}${pascal(key)}`), presence(field)];
    for (const decorate of [ApiProperty(openApi(field, name, key)), ...decorators].filter((d) => d !== null)) {
      decorate(dto.prototype, key);
    }
  }
  return dto;
}

const describe = (doc: Doc): string => `${doc.de} / ${doc.en}`;

function presence(field: AnySchema): Validator | null {
  if (field.optional && field.nullable) return IsOptional();
  if (field.optional) return Absent();
  return null;
}

function validators(field: AnySchema, nestedName: string): Validator[] {
  const spec = field.spec;
  switch (spec.kind) {
    case 'string':
      return [
        IsString(),
        MaxLength(spec.max),
        ...(spec.min > 0 ? [Matches(NON_BLANK, { message: 'validation.notBlank' })] : []),
      ];
    case 'number':
      return [
        ...(finite(spec.max) ? [Max(spec.max)] : []),
        ...(finite(spec.min) ? [Min(spec.min)] : []),
        spec.integer ? IsInt() : IsNumber({ allowNaN: false, allowInfinity: false }),
      ];
    case 'boolean':
      return [IsBoolean()];
    case 'enum':
      return [IsIn([...spec.values])];
    case 'literal':
      return [Equals(spec.value, { message: 'validation.equals' })];
    case 'date':
      return [
        Matches(CALENDAR_DAY, { message: 'validation.date' }),
        IsISO8601({ strict: true }, { message: 'validation.validDate' }),
      ];
    case 'ags':
      return [Matches(AGS_PATTERN, { message: 'validation.ags' })];
    case 'email':
      return [IsEmail(), MaxLength(254)];
    case 'instant':
      return [IsISO8601({ strict: true })];
    case 'object': {
      const dto = dtoOf(field, `${nestedName}Dto`);
      return [ValidateNested(), Type(() => dto)];
    }
    case 'array':
      return [
        IsArray(),
        ...(spec.min > 0 ? [ArrayMinSize(spec.min)] : []),
        ArrayMaxSize(spec.max),
        ...eachItem(spec.item, nestedName),
      ];
  }
}

function eachItem(item: AnySchema, nestedName: string): Validator[] {
  const spec = item.spec;
  const each = true;
  switch (spec.kind) {
    case 'object': {
      const dto = dtoOf(item, `${nestedName}ItemDto`);
      return [ValidateNested({ each }), Type(() => dto)];
    }
    case 'string':
      return [
        IsString({ each }),
        MaxLength(spec.max, { each }),
        ...(spec.min > 0 ? [Matches(NON_BLANK, { each, message: 'validation.notBlank' })] : []),
      ];
    case 'ags':
      return [Matches(AGS_PATTERN, { each, message: 'validation.agsList' })];
    case 'enum':
      return [IsIn([...spec.values], { each })];
    default:
      throw new Error(`${nestedName}: arrays of ${spec.kind} have no DTO mapping yet`);
  }
}

/** The OpenAPI schema of one field: type, format, limits, enum, required, German / English description. */
function openApi(field: AnySchema, owner: string, key: string): ApiPropertyOptions {
  const doc = field.doc;
  return {
    required: !field.optional,
    ...(field.nullable ? { nullable: true } : {}),
    ...(doc ? { description: describe(doc) } : {}),
    ...(doc?.example !== undefined ? { example: doc.example } : {}),
    ...typeOf(field, `${owner.replace(/Dto$/, '')}${pascal(key)}`),
  };
}

function typeOf(field: AnySchema, nestedName: string): Record<string, unknown> {
  const spec = field.spec;
  switch (spec.kind) {
    case 'string':
      return {
        type: 'string',
        maxLength: spec.max,
        ...(spec.min > 0 ? { minLength: 1, pattern: NON_BLANK.source } : {}),
      };
    case 'number':
      return {
        type: spec.integer ? 'integer' : 'number',
        ...(finite(spec.min) ? { minimum: spec.min } : {}),
        ...(finite(spec.max) ? { maximum: spec.max } : {}),
      };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'string', enum: [...spec.values] };
    case 'literal':
      return { type: 'string', enum: [spec.value] };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'ags':
      return { type: 'string', pattern: AGS_PATTERN.source, minLength: 8, maxLength: 8 };
    case 'email':
      return { type: 'string', format: 'email', maxLength: 254 };
    case 'instant':
      return { type: 'string', format: 'date-time' };
    case 'object':
      return { type: dtoOf(field, `${nestedName}Dto`) };
    case 'array': {
      const limits = { ...(spec.min > 0 ? { minItems: spec.min } : {}), maxItems: spec.max };
      if (spec.item.spec.kind === 'object') return { type: [dtoOf(spec.item, `${nestedName}ItemDto`)], ...limits };
      return { type: 'array', items: typeOf(spec.item, `${nestedName}Item`), ...limits };
    }
  }
}
