import { DataSource, EntityManager, QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/*
 * Named (prepared) statements for the hot paths: PostgreSQL parses and plans each distinct text
 * once per connection instead of per request, and the repositories hand over their own SQL with
 * only the columns they need — no query building and no entity hydration. The rest of the code
 * uses TypeORM. Works on PostgreSQL and on the embedded default alike (both speak the extended
 * protocol through `pg`).
 */

export interface PreparedResult<R> {
  rows: R[];
  rowCount: number;
}

/** A `pg` Client, PoolClient or Pool. */
export interface PgQueryable {
  query(config: {
    name?: string;
    text: string;
    values: unknown[];
    rowMode?: 'array';
    types?: typeof RAW_TEXT;
  }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/** Every column as the text PostgreSQL sent: no parsing in the driver. */
const RAW_TEXT = { getTypeParser: () => (text: string) => text };

/** A row as PostgreSQL sent it: one text (or null) per column, in the statement's order. */
export type RawRow = (string | null)[];

/** Rows as arrays of unparsed text: for readers that parse elsewhere (e.g. in worker threads). */
export async function rawRows(
  on: EntityManager | DataSource | PgQueryable,
  text: string,
  values: unknown[],
): Promise<RawRow[]> {
  const connection = isPgQueryable(on) ? on : await connectionOf(on);
  try {
    const { rows } = await connection.query({ name: nameOf(text), text, values, rowMode: 'array', types: RAW_TEXT });
    return rows as RawRow[];
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  }
}

const names = new Map<string, string>();

/** One name per distinct text for the life of the process: `pg` prepares it once per connection. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `ikz_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

const isPgQueryable = (on: object): on is PgQueryable => !(on instanceof DataSource) && !(on instanceof EntityManager);

/** The connection of the caller's transaction, or the pool for a read of its own. */
async function connectionOf(on: EntityManager | DataSource): Promise<PgQueryable> {
  const runner = on instanceof EntityManager ? on.queryRunner : undefined;
  if (runner) {
    if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
    return (await runner.connect()) as PgQueryable;
  }
  const driver = (on instanceof DataSource ? on.driver : on.dataSource.driver) as PostgresDriver;
  return driver.master as PgQueryable;
}

/**
 * Runs `text` as a named statement. Errors are wrapped as TypeORM wraps its own (QueryFailedError
 * with the driver's error), so their classification (unique violation, database unavailable) holds.
 */
export async function prepared<R>(
  on: EntityManager | DataSource,
  text: string,
  values: unknown[],
): Promise<PreparedResult<R>> {
  const connection = await connectionOf(on);
  try {
    const { rows, rowCount } = await connection.query({ name: nameOf(text), text, values });
    return { rows: rows as R[], rowCount: rowCount ?? 0 };
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  }
}

/** Parameters of a statement assembled from several repositories' fragments: each binds its own. */
export class Bindings {
  readonly values: unknown[] = [];

  /** The placeholder of `value`. */
  readonly bind = (value: unknown): string => {
    this.values.push(value);
    return `$${this.values.length}`;
  };
}

export type Bind = Bindings['bind'];

/**
 * One data-modifying statement a repository contributes to a command's write: the cooperations'
 * `update` takes it in as a CTE, so that a command's writes across tables are one round trip.
 */
export type WriteFragment = (bind: Bind) => string;

/** Runs `fragment` as a statement of its own, where no write takes it in (e.g. an opening). */
export async function runFragment(tx: EntityManager, fragment: WriteFragment): Promise<void> {
  const { values, bind } = new Bindings();
  await prepared(tx, fragment(bind), values);
}
