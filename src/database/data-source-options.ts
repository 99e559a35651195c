import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import type { Environment } from '../config/configuration';
import { EmbeddedPostgres } from './embedded-postgres';

export type DatabaseSettings = Pick<
  Environment,
  'DATABASE_SCHEMA' | 'DB_MIGRATIONS_RUN' | 'DB_POOL_SIZE' | 'DB_STATEMENT_TIMEOUT_MS'
>;

/**
 * One definition of how the server, the migration command and the tests reach the database:
 * `url` is DATABASE_URL or the embedded database's loopback URL; `inProcess`, the embedded database
 * itself, which the pool then reaches without a socket (`EmbeddedPostgres.pgConnection`).
 */
export function dataSourceOptions(
  url: string | null,
  embedded: boolean,
  settings: DatabaseSettings,
  inProcess?: EmbeddedPostgres,
): DataSourceOptions {
  const schema = settings.DATABASE_SCHEMA;
  return {
    type: 'postgres',
    // pg takes no address when it is handed a connection; TypeORM wants one to describe it.
    ...(inProcess ? { host: 'localhost', username: 'postgres', database: 'postgres' } : { url: url ?? undefined }),
    schema,
    migrations: MIGRATIONS,
    migrationsRun: settings.DB_MIGRATIONS_RUN,
    migrationsTransactionMode: 'each',
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    entities: [],
    // Entities are registered by their feature modules (autoLoadEntities in the Nest module).
    // Nothing waits forever on a database that is down or hangs: connecting gives up after 5 s,
    // PostgreSQL cancels long statements, and the driver itself gives up on a query a little
    // later (a frozen server or a silent network cannot cancel anything). The request then fails
    // with 503 database-unavailable, and the pool replaces broken connections on its own.
    extra: {
      max: embedded ? EmbeddedPostgres.poolSize : settings.DB_POOL_SIZE,
      connectionTimeoutMillis: 5_000,
      statement_timeout: settings.DB_STATEMENT_TIMEOUT_MS,
      query_timeout: settings.DB_STATEMENT_TIMEOUT_MS + 5_000,
      keepAlive: true,
      application_name: 'ikz-lifecycle-engine',
      // A session that vanished mid-transaction (partition, frozen client) must not hold its row locks for long.
      ...(embedded ? {} : { idle_in_transaction_session_timeout: 60_000 }),
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
      ...inProcess?.pgConnection(),
    },
  };
}
