import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import type { Environment } from '../config/configuration';
import { EmbeddedPostgres } from './embedded-postgres';

type DatabaseSettings = Pick<
  Environment,
  'DATABASE_SCHEMA' | 'DB_MIGRATIONS_RUN' | 'DB_POOL_SIZE' | 'DB_STATEMENT_TIMEOUT_MS'
>;

/**
 * One definition of how the server, the migration command and the tests reach the database:
 * `url` is DATABASE_URL or the embedded server's loopback URL.
 */
export function dataSourceOptions(url: string, embedded: boolean, settings: DatabaseSettings): DataSourceOptions {
  const schema = settings.DATABASE_SCHEMA;
  return {
    type: 'postgres',
    url,
    schema,
    migrations: MIGRATIONS,
    migrationsRun: settings.DB_MIGRATIONS_RUN,
    migrationsTransactionMode: 'each',
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    entities: [],
    // Entities are registered by their feature modules (autoLoadEntities in the Nest module).
    extra: {
      max: embedded ? EmbeddedPostgres.poolSize : settings.DB_POOL_SIZE,
      connectionTimeoutMillis: 5_000,
      statement_timeout: settings.DB_STATEMENT_TIMEOUT_MS,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    },
  };
}
