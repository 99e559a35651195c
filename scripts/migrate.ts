/**
 * Applies pending migrations (`npm run migration:run`) to DATABASE_URL, or to the embedded
 * database in IKZ_DATA_DIR when DATABASE_URL is unset. The server does the same at start unless
 * DB_MIGRATIONS_RUN=false.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '../src/config/configuration';
import { dataSourceOptions } from '../src/database/data-source-options';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';

async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  const embedded = env.DATABASE_URL
    ? null
    : await EmbeddedPostgres.start(env.IKZ_DATA_DIR === ':memory:' ? null : env.IKZ_DATA_DIR);
  try {
    const url = embedded?.url ?? env.DATABASE_URL ?? '';
    if (env.DATABASE_SCHEMA) {
      const bootstrap = new DataSource({ type: 'postgres', url });
      await bootstrap.initialize();
      await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS "${env.DATABASE_SCHEMA}"`);
      await bootstrap.destroy();
    }
    const dataSource = new DataSource({ ...dataSourceOptions(url, embedded !== null, env), migrationsRun: false });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(
        applied.length === 0 ? 'No pending migrations.' : `Applied: ${applied.map((m) => m.name).join(', ')}`,
      );
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
