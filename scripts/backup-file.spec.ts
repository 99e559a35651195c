import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BackupWriter,
  type Column,
  type LargeValue,
  lines,
  PIECE_BYTES,
  PIECE_CHARS,
  readHeader,
  statements,
  STATEMENT_TARGET,
  type Value,
} from './backup-file';

const MiB = 1024 * 1024;
/** The longest line the writer may produce: a piece of hex, or a statement of small rows. */
const LINE_BOUND = 1.5 * MiB;

/** A document of `size` bytes that exists only as pieces made on demand (deterministic content). */
function fakeDocument(size: number, requested: number[]): { value: LargeValue; sha256: string } {
  const piece = (from: number) => {
    const bytes = Buffer.alloc(Math.min(PIECE_BYTES, size - from));
    for (let i = 0; i < bytes.length; i++) bytes[i] = ((from + i) * 2654435761) >>> 24;
    return bytes;
  };
  const hash = createHash('sha256');
  for (let from = 0; from < size; from += PIECE_BYTES) hash.update(piece(from));
  return {
    sha256: hash.digest('hex'),
    value: {
      bytea: true,
      *pieces() {
        for (let from = 0; from < size; from += PIECE_BYTES) {
          const bytes = piece(from);
          requested.push(bytes.length);
          yield `\\x${bytes.toString('hex')}`;
        }
      },
    },
  };
}

describe('backup file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ikz-backup-file-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const columns: Column[] = [
    { name: 'id', type: 'uuid' },
    { name: 'note', type: 'jsonb' },
    { name: 'content', type: 'bytea' },
  ];

  it('writes a document larger than any string it builds in pieces, and reads it back a statement at a time', async () => {
    const requested: number[] = [];
    // Larger than what one INSERT (or one JS string, at this scale) should hold, and not a whole number of pieces.
    const document = fakeDocument(40 * MiB + 123, requested);
    const note = JSON.stringify({ text: "Zeile 1\nZeile 2 mit 'Zitat' und \\ Backslash – ä".repeat(20_000) });
    const small = Array.from({ length: 5_000 }, (_, i): Value[] => [`id-${i}`, `{"i": ${i}}`, '\\x00ff']);
    const file = join(folder, 'large.sql');
    let longestWrite = 0;
    const out = createWriteStream(file);
    const write = out.write.bind(out);
    out.write = ((chunk: string, ...rest: never[]) => {
      longestWrite = Math.max(longestWrite, chunk.length);
      return write(chunk, ...rest);
    }) as typeof out.write;
    const writer = new BackupWriter(out);
    const header = {
      format: 1,
      createdAt: 'now',
      source: 'postgres' as const,
      migrations: ['M1'],
      tables: { t: 5002 },
    };
    await writer.begin(header, ['t']);
    const large = { bytea: false, pieces: () => piecesOfText(note) } satisfies LargeValue;
    await writer.table('t', columns, [...small.slice(0, 2500), ['doc', large, document.value], ...small.slice(2500)]);
    await writer.end();

    expect(longestWrite).toBeLessThanOrEqual(LINE_BOUND);
    // The source was asked for one piece at a time, never more than a piece.
    expect(Math.max(...requested)).toBe(PIECE_BYTES);
    expect(await readHeader(file)).toEqual(header);

    const hash = createHash('sha256');
    let text = '';
    let rows = 0;
    let longest = 0;
    const order: string[] = [];
    for await (const statement of statements(file)) {
      longest = Math.max(longest, statement.length);
      const part = /^INSERT INTO pg_temp\.ikz_restore_part VALUES \((\d), (\d+), (.*), (.*)\);$/.exec(statement);
      if (part?.[1] === '2') hash.update(Buffer.from(/^E'\\\\x([0-9a-f]*)'$/.exec(part[3])![1], 'hex'));
      if (part?.[1] === '1') text += unescape(part[4]);
      if (statement.startsWith('INSERT INTO "t"')) rows += statement.split("'id-").length - 1;
      const kind = part ? 'part' : /^[A-Z]+/.exec(statement)![0];
      if (order.at(-1) !== kind) order.push(kind);
    }
    expect(longest).toBeLessThanOrEqual(LINE_BOUND);
    expect(hash.digest('hex')).toBe(document.sha256);
    expect(text).toBe(note);
    expect(rows).toBe(5_000);
    // Small rows share statements of bounded size; the pieces come right before the row that assembles them.
    expect(order).toEqual([
      'SET',
      'BEGIN',
      'CREATE',
      'DELETE',
      'INSERT',
      'part',
      'INSERT',
      'TRUNCATE',
      'INSERT',
      'COMMIT',
    ]);
  });

  it('splits lines on the byte, so a character across two reads stays whole, and refuses an endless line', async () => {
    const file = join(folder, 'utf8.sql');
    // The reader reads 1 MiB at a time: put a three-byte character across that boundary.
    const line = `${'a'.repeat(MiB - 1)}–b`;
    writeFileSync(file, `${line}\r\nzwei\n\n-- Kommentar\ndrei`);
    const read: string[] = [];
    for await (const l of lines(file)) read.push(l);
    expect(read).toEqual([line, 'zwei', '', '-- Kommentar', 'drei']);
    const kept: string[] = [];
    for await (const s of statements(file)) kept.push(s.slice(0, 4));
    expect(kept).toEqual(['aaaa', 'zwei', 'drei']);

    writeFileSync(file, 'x'.repeat(3 * MiB));
    await expect(async () => {
      for await (const _ of lines(file, undefined, 2 * MiB)) void _;
    }).rejects.toThrow(/line 1 is longer than 2097152 bytes/);
  });

  it('keeps statements of small rows near the target size', async () => {
    const file = join(folder, 'rows.sql');
    const writer = new BackupWriter(createWriteStream(file));
    const row = (i: number): Value[] => [`id-${i}`, JSON.stringify({ pad: 'x'.repeat(10_000) }), null];
    await writer.table(
      't',
      columns,
      Array.from({ length: 500 }, (_, i) => row(i)),
    );
    await writer.end();
    for await (const statement of statements(file)) {
      if (statement.startsWith('INSERT')) expect(statement.length).toBeLessThanOrEqual(STATEMENT_TARGET + 20_000);
    }
  });
});

function* piecesOfText(text: string): Generator<string> {
  for (let at = 0; at < text.length; at += PIECE_CHARS) yield text.slice(at, at + PIECE_CHARS);
}

/** The value of a literal as literal() writes it. */
function unescape(literal: string): string {
  const escaped = literal.startsWith("E'");
  const body = literal.slice(escaped ? 2 : 1, -1).replace(/''/g, "'");
  return escaped ? body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r' })[c] ?? c) : body;
}
