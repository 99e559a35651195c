import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Environment } from '../config/configuration';
import { type DatabaseSettings, dataSourceOptions } from './data-source-options';
import type { EmbeddedPostgres } from './embedded-postgres';
import { startEmbedded } from './migrated-template';

export const EMBEDDED_POSTGRES = Symbol('EMBEDDED_POSTGRES');

const databaseSettings = (config: ConfigService<Environment, true>): DatabaseSettings => ({
  DATABASE_SCHEMA: config.get('DATABASE_SCHEMA', { infer: true }),
  DB_MIGRATIONS_RUN: config.get('DB_MIGRATIONS_RUN', { infer: true }),
  DB_POOL_SIZE: config.get('DB_POOL_SIZE', { infer: true }),
  DB_STATEMENT_TIMEOUT_MS: config.get('DB_STATEMENT_TIMEOUT_MS', { infer: true }),
});

/**
 * Closes the database in the right order when the server stops: first the pool (after the HTTP
 * server has finished its in-flight requests), then the embedded PGlite, so that its files are
 * consistent on disk and its directory lock is released.
 */
@Injectable()
class EmbeddedPostgresShutdown implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(
    @Inject(EMBEDDED_POSTGRES) private readonly embedded: EmbeddedPostgres | null,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.embedded) return;
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource.isInitialized) await dataSource.destroy();
    await this.embedded.stop();
    this.logger.log('Embedded database closed');
  }
}

@Global()
@Module({
  providers: [
    {
      provide: EMBEDDED_POSTGRES,
      inject: [ConfigService],
      useFactory: async (config: ConfigService<Environment, true>): Promise<EmbeddedPostgres | null> => {
        if (config.get('DATABASE_URL', { infer: true })) return null;
        const directory = config.get('IKZ_DATA_DIR', { infer: true });
        const embedded = await startEmbedded(directory === ':memory:' ? null : directory, databaseSettings(config));
        const logger = new Logger('Database');
        logger.log(`Embedded PostgreSQL (PGlite) in ${embedded.dataDirectory ?? 'memory'}`);
        if (embedded.recoveredFrom) {
          logger.warn(
            `The previous server (process ${embedded.recoveredFrom.pid}) ended without closing the embedded database; ` +
              `PGlite recovered it. Stop the server with Ctrl-C or SIGTERM, never SIGKILL, and keep backups (npm run backup).`,
          );
        }
        return embedded;
      },
    },
    EmbeddedPostgresShutdown,
  ],
  exports: [EMBEDDED_POSTGRES],
})
class EmbeddedPostgresModule {}

async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}

export const DatabaseModule = TypeOrmModule.forRootAsync({
  imports: [EmbeddedPostgresModule],
  inject: [ConfigService, EMBEDDED_POSTGRES],
  useFactory: async (config: ConfigService<Environment, true>, embedded: EmbeddedPostgres | null) => {
    const url = embedded ? null : config.getOrThrow<string>('DATABASE_URL');
    const settings = databaseSettings(config);
    if (url && settings.DATABASE_SCHEMA) await ensureSchema(url, settings.DATABASE_SCHEMA);
    return {
      ...dataSourceOptions(url, embedded !== null, settings, embedded ?? undefined),
      autoLoadEntities: true,
      retryAttempts: 3,
      retryDelay: 1_000,
    };
  },
});
