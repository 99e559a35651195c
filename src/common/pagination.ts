import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { isInt4, isStorableInstant, isUuid, unstorableText } from './domain/identifiers';
import { InvalidCursor } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Query parameters of every list: lists are cursor-paginated, never unbounded. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'The `next` cursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'validation.cursor' })
  cursor?: string;
}

export class Page<T> {
  @ApiProperty({ isArray: true })
  items!: T[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` to get the next page; null on the last page',
  })
  next!: string | null;
}

/** Cursors are opaque to clients: the sort key of the last item, base64url-encoded JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What one component of a cursor's key must be. Decoded cursors are client input like any body:
 * each component is checked before it reaches SQL, so a forged cursor is a 400, never a 500.
 * `instant`: as `Date#toISOString` writes it, in the years PostgreSQL reads (0001–9999);
 * `uuid`; `int4`: an integer 0…2³¹−1 (PostgreSQL `integer`); `text`: storable text (no NUL, no
 * unpaired surrogate).
 */
export type CursorPart = 'instant' | 'uuid' | 'int4' | 'text';

type PartValue<P extends CursorPart> = P extends 'int4' ? number : string;
type CursorKey<S extends readonly CursorPart[]> = { -readonly [K in keyof S]: PartValue<S[K]> };

const PART_CHECKS: Record<CursorPart, (value: unknown) => boolean> = {
  instant: (v) => isStorableInstant(v),
  uuid: (v) => isUuid(v),
  int4: (v) => isInt4(v) && v >= 0,
  text: (v) => typeof v === 'string' && unstorableText(v) === null,
};

/** The key of a cursor this list issued, each component checked against `shape`; else InvalidCursor. */
export function decodeCursor<const S extends readonly CursorPart[]>(cursor: string, shape: S): CursorKey<S> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor();
  }
  if (Array.isArray(key) && key.length === shape.length && shape.every((part, i) => PART_CHECKS[part](key[i]))) {
    return key as CursorKey<S>;
  }
  throw new InvalidCursor();
}

/** Fetch `limit + 1` rows; this trims the extra row and derives the next cursor from the last item. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => (string | number)[],
  map: (row: R) => T,
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return { items: pageRows.map(map), next: hasMore ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null };
}
