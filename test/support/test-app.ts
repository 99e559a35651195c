import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { issueDevelopmentToken } from '../../src/auth/token-issuer';
import type { Principal } from '../../src/auth/principal';
import { configureApp } from '../../src/bootstrap';
import { Clock } from '../../src/common/clock';
import type { Environment } from '../../src/config/configuration';

export const TEST_JWT_SECRET = 'test-secret-of-the-e2e-suite';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  /** A bearer token for the given caller, signed with the test secret. */
  token(principal: Principal, options?: { expiresIn?: string | number }): Promise<string>;
  close(): Promise<void>;
}

type Overrides = Partial<Record<keyof Environment, string>>;

/** The database the suite runs on: PostgreSQL when DATABASE_URL is set, else the embedded PGlite. */
export const onRealPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

/**
 * A server on its own, throw-away database: an in-memory PGlite, or a fresh schema on the
 * PostgreSQL of DATABASE_URL (dropped on close), so test files never see each other's data.
 * The timer scheduler and the notification dispatcher do not poll (TIMERS_ENABLED=false,
 * NOTIFY_ENABLED=false): tests fire timers and dispatch notifications themselves.
 */
export async function createTestApp(overrides: Overrides = {}, options: { clock?: Clock } = {}): Promise<TestApp> {
  // DATABASE_URL '' in the overrides asks for the embedded database even when the suite runs on PostgreSQL.
  const databaseUrl = overrides.DATABASE_URL ?? process.env.DATABASE_URL;
  // A schema of its own on the shared PostgreSQL; an embedded database is already private.
  const schema =
    databaseUrl && onRealPostgres()
      ? (overrides.DATABASE_SCHEMA ?? `t_${process.pid}_${randomBytes(4).toString('hex')}`)
      : undefined;
  const settings: Overrides = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    IKZ_DATA_DIR: ':memory:',
    DATABASE_URL: databaseUrl ?? '',
    // Tests move the clock and call TimerScheduler.fireDueTimers() themselves.
    TIMERS_ENABLED: 'false',
    // …and run the notification dispatcher themselves (NotificationDispatcher.runOnce()).
    NOTIFY_ENABLED: 'false',
    ...(schema ? { DATABASE_SCHEMA: schema } : {}),
    ...overrides,
  };
  const builder = Test.createTestingModule({ imports: [AppModule.register(settings)] });
  // A clock of the test's own, in place before startup (the timer scheduler's first look runs then).
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureApp(app);
  await app.init();
  const ownsSchema = schema !== undefined && overrides.DATABASE_SCHEMA === undefined;
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource: app.get(DataSource),
    token: (principal, options) => issueDevelopmentToken(principal, TEST_JWT_SECRET, options),
    close: async () => {
      await app.close();
      if (ownsSchema && databaseUrl) await dropSchema(databaseUrl, schema);
    },
  };
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Principals of realistic callers, by the municipalities of the scenarios. */
export const coordinatorOf = (municipality: string, sub = `coord-${municipality}`): Principal => ({
  sub,
  role: 'coordinator',
  municipality,
});
export const ADMIN: Principal = { sub: 'admin-it-nrw', role: 'admin' };
export const AUDITOR: Principal = { sub: 'rpa-auditor', role: 'auditor' };
