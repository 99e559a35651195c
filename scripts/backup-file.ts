/**
 * The backup file (`npm run backup` / `npm run restore`, README "Backups"): plain SQL, one statement
 * per line, written and read as a stream so that neither side ever holds more than a few MiB of it.
 *
 * Rows go out as multi-row INSERTs of at most about STATEMENT_TARGET characters. A value too large
 * for one statement (an evidence document) goes out in pieces: each piece is a row of a temporary
 * table, and the row's INSERT takes the value as the pieces' `string_agg` — linear in the value's
 * size (appending with `UPDATE … SET content = content || piece` would rewrite the value per piece),
 * and still plain SQL that psql, PostgreSQL and PGlite restore alike.
 */
import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';

export const FORMAT = 1;
export const HEADER = '-- ikz-backup: ';
/** A bytea value longer than this many bytes is written in pieces of this size (twice as many hex digits). */
export const PIECE_BYTES = 256 * 1024;
/** Characters of a text value per piece: at most 4 bytes each in UTF-8, doubled at worst by escaping. */
export const PIECE_CHARS = 64 * 1024;
/** Rows are collected into one INSERT up to about this many characters (or ROWS_PER_INSERT rows). */
export const STATEMENT_TARGET = 1024 * 1024;
const ROWS_PER_INSERT = 200;
/**
 * The reader refuses longer lines. A backup of this version has lines of a few MiB at most; the
 * bound leaves room for older backups, whose INSERTs carried up to 200 whole rows.
 */
export const MAX_LINE_BYTES = 256 * 1024 * 1024;
const PARTS = 'pg_temp.ikz_restore_part';

export interface BackupHeader {
  format: number;
  createdAt: string;
  source: 'embedded' | 'postgres';
  migrations: string[];
  tables: Record<string, number>;
  /**
   * The public half of the key the source's server signs audit checkpoints with (docs/audit.md);
   * absent when none was configured or generated yet, and in backups made before it was added.
   */
  signingKey?: { algorithm: 'Ed25519'; keyId: string; publicKey: string } | null;
}

export interface Column {
  name: string;
  /** As `format_type` spells it: the cast that turns the pieces' text back into the value. */
  type: string;
}

/** A value too large for one statement: its text form (bytea as `\x…` hex) in pieces, fetched lazily. */
export interface LargeValue {
  readonly bytea: boolean;
  pieces(): AsyncIterable<string> | Iterable<string>;
}

/** A row as PostgreSQL's text: every value its text form, NULL, or a large value. */
export type Value = string | null | LargeValue;

const isLarge = (value: Value): value is LargeValue => value !== null && typeof value !== 'string';

/** A string literal on one line: E'…' with backslash escapes for the backslash, quote and line breaks. */
export function literal(value: string | null): string {
  if (value === null) return 'NULL';
  const escaped = value.replace(/\\/g, '\\\\').replace(/'/g, "''").replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return /[\\\n\r]/.test(value) ? `E'${escaped}'` : `'${escaped}'`;
}

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes a backup's statements to `out`, waiting whenever `out` asks it to (backpressure). */
export class BackupWriter {
  /** Characters written so far (bytes for ASCII; the file is UTF-8). */
  written = 0;

  constructor(private readonly out: Writable) {}

  async line(text: string): Promise<void> {
    this.written += text.length + 1;
    if (!this.out.write(`${text}\n`)) await new Promise((r) => this.out.once('drain', r));
  }

  /** The header, then the opening of the one transaction; `tables` parents before children. */
  async begin(header: BackupHeader, tables: string[]): Promise<void> {
    await this.line(`${HEADER}${JSON.stringify(header)}`);
    await this.line(`-- A backup of the IKZ lifecycle engine's data. Restore: npm run restore -- --in <this file>`);
    await this.line(`-- (or by hand: apply the migrations named above to an empty database, then psql -f <this file>)`);
    await this.line(`SET standard_conforming_strings = on;`);
    await this.line(`BEGIN;`);
    await this.line(`CREATE TEMPORARY TABLE ikz_restore_part (col int, seq int, b bytea, t text) ON COMMIT DROP;`);
    // Rows the migrations seeded (the municipality registry) are replaced by the backup's. On a
    // target that is not empty the append-only history refuses the DELETE and nothing changes.
    for (const table of [...tables].reverse()) await this.line(`DELETE FROM ${ident(table)};`);
  }

  /** Every row of `table`, in statements of bounded size; `onRow` after each row written. */
  async table(
    table: string,
    columns: Column[],
    rows: AsyncIterable<Value[]> | Iterable<Value[]>,
    onRow = () => {},
  ): Promise<void> {
    const into = `INSERT INTO ${ident(table)} (${columns.map((c) => ident(c.name)).join(', ')}) VALUES `;
    let pending: string[] = [];
    let size = 0;
    const flush = async () => {
      if (pending.length > 0) await this.line(`${into}${pending.join(', ')};`);
      pending = [];
      size = 0;
    };
    for await (const row of rows) {
      if (row.some(isLarge)) {
        await flush();
        await this.line(`${into}${await this.tuple(row, columns)};`);
        await this.line(`TRUNCATE ${PARTS};`);
      } else {
        const tuple = await this.tuple(row, columns);
        if (size + tuple.length > STATEMENT_TARGET || pending.length >= ROWS_PER_INSERT) await flush();
        pending.push(tuple);
        size += tuple.length + 2;
      }
      onRow();
    }
    await flush();
  }

  async end(): Promise<void> {
    await this.line(`COMMIT;`);
    await new Promise<void>((resolve, reject) =>
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }

  /** `(v1, v2, …)`; a large value's pieces are written first, and the tuple assembles them. */
  private async tuple(row: Value[], columns: Column[]): Promise<string> {
    const values: string[] = [];
    for (const [col, value] of row.entries()) {
      if (!isLarge(value)) {
        values.push(literal(value));
        continue;
      }
      let seq = 0;
      for await (const piece of value.pieces()) {
        const [b, t] = value.bytea ? [literal(piece), 'NULL'] : ['NULL', literal(piece)];
        await this.line(`INSERT INTO ${PARTS} VALUES (${col}, ${seq++}, ${b}, ${t});`);
      }
      const whole = value.bytea ? `string_agg(b, ''::bytea ORDER BY seq)` : `string_agg(t, '' ORDER BY seq)`;
      values.push(`(SELECT ${whole} FROM ${PARTS} WHERE col = ${col})::${columns[col].type}`);
    }
    return `(${values.join(', ')})`;
  }
}

/**
 * The lines of `file`, one at a time, as UTF-8 text; `onRead` gets the bytes read so far. Lines are
 * split on the byte `\n` (which no multi-byte UTF-8 character contains) before they are decoded.
 */
export async function* lines(
  file: string,
  onRead: (bytes: number) => void = () => {},
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<string> {
  const input = createReadStream(file, { highWaterMark: 1024 * 1024 });
  let parts: Buffer[] = [];
  let length = 0;
  let read = 0;
  let number = 0;
  const take = (last: Buffer) => {
    number++;
    const line = Buffer.concat([...parts, last]).toString('utf8');
    parts = [];
    length = 0;
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  };
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      read += chunk.length;
      let start = 0;
      for (let end = chunk.indexOf(10); end >= 0; end = chunk.indexOf(10, start)) {
        if (length + end - start > maxLineBytes) break;
        yield take(chunk.subarray(start, end));
        start = end + 1;
      }
      length += chunk.length - start;
      if (length > maxLineBytes) {
        throw new Error(
          `${file}: line ${number + 1} is longer than ${maxLineBytes} bytes — not a backup of this engine`,
        );
      }
      if (start < chunk.length) parts.push(chunk.subarray(start));
      onRead(read);
    }
    if (length > 0) yield take(Buffer.alloc(0));
  } finally {
    input.destroy();
  }
}

/** The statements of a backup: every line that is neither blank nor a comment. */
export async function* statements(file: string, onRead?: (bytes: number) => void): AsyncGenerator<string> {
  for await (const line of lines(file, onRead)) if (line.trim() !== '' && !line.startsWith('--')) yield line;
}

export async function readHeader(file: string): Promise<BackupHeader> {
  let first: string | undefined;
  // The header is one short line: a file without one is refused before much of it is read.
  for await (const line of lines(file, undefined, 64 * 1024)) {
    first = line;
    break;
  }
  if (first?.startsWith(HEADER)) {
    const header = JSON.parse(first.slice(HEADER.length)) as BackupHeader;
    if (header.format !== FORMAT) {
      throw new Error(`${file}: backup format ${header.format}, this version reads ${FORMAT}`);
    }
    return header;
  }
  throw new Error(`${file} is not a backup of the IKZ lifecycle engine (its first line is not "${HEADER}…")`);
}
