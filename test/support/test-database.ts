import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Environment } from '../../src/config/configuration';

export type Overrides = Partial<Record<keyof Environment, string>>;

/** The database the suite runs on: PostgreSQL when DATABASE_URL is set, else the embedded PGlite. */
export const onRealPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

export interface TestDatabase {
  /** The test settings with `overrides` applied: what a server or a module under test starts with. */
  settings: Overrides;
  /** Drops the schema this database made for itself (nothing for the embedded one or a given schema). */
  release(): Promise<void>;
}

/**
 * Settings for a throw-away database: an in-memory PGlite, or a fresh schema on the PostgreSQL of
 * DATABASE_URL, so test files never see each other's data. The timer scheduler does not poll
 * (TIMERS_ENABLED=false): tests move the clock and fire timers themselves. `DATABASE_URL: ''` in
 * the overrides asks for the embedded database even when the suite runs on PostgreSQL; a given
 * `DATABASE_SCHEMA` is shared (several servers on one database) and left for its owner to drop.
 */
export function testDatabase(overrides: Overrides = {}, secret?: string): TestDatabase {
  const databaseUrl = overrides.DATABASE_URL ?? process.env.DATABASE_URL;
  // A schema of its own on the shared PostgreSQL; an embedded database is already private.
  const schema =
    databaseUrl && onRealPostgres()
      ? (overrides.DATABASE_SCHEMA ?? `t_${process.pid}_${randomBytes(4).toString('hex')}`)
      : undefined;
  const ownsSchema = schema !== undefined && overrides.DATABASE_SCHEMA === undefined;
  return {
    settings: {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      ...(secret ? { JWT_SECRET: secret } : {}),
      IKZ_DATA_DIR: ':memory:',
      DATABASE_URL: databaseUrl ?? '',
      TIMERS_ENABLED: 'false',
      // …and run the notification dispatcher themselves (NotificationDispatcher.runOnce()).
      NOTIFY_ENABLED: 'false',
      ...(schema ? { DATABASE_SCHEMA: schema } : {}),
      ...overrides,
    },
    release: async () => {
      if (ownsSchema && databaseUrl) await dropSchema(databaseUrl, schema);
    },
  };
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
