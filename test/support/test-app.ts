import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { issueDevelopmentToken } from '../../src/auth/token-issuer';
import type { Principal } from '../../src/auth/principal';
import { configureApp } from '../../src/bootstrap';
import { Clock } from '../../src/common/clock';
import { onRealPostgres, type Overrides, testDatabase } from './test-database';

export { onRealPostgres };

export const TEST_JWT_SECRET = 'test-secret-of-the-e2e-suite';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  /** A bearer token for the given caller, signed with the test secret. */
  token(principal: Principal, options?: { expiresIn?: string | number }): Promise<string>;
  close(): Promise<void>;
}

/**
 * A server on its own, throw-away database (`testDatabase`): an in-memory PGlite, or a fresh
 * schema on the PostgreSQL of DATABASE_URL (dropped on close). The timer scheduler does not poll:
 * tests fire timers themselves.
 */
export async function createTestApp(overrides: Overrides = {}, options: { clock?: Clock } = {}): Promise<TestApp> {
  const database = testDatabase(overrides, TEST_JWT_SECRET);
  const builder = Test.createTestingModule({ imports: [AppModule.register(database.settings)] });
  // A clock of the test's own, in place before startup (the timer scheduler's first look runs then).
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureApp(app);
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource: app.get(DataSource),
    token: (principal, options) => issueDevelopmentToken(principal, TEST_JWT_SECRET, options),
    close: async () => {
      await app.close();
      await database.release();
    },
  };
}

/** Principals of realistic callers, by the municipalities of the scenarios. */
export const coordinatorOf = (municipality: string, sub = `coord-${municipality}`): Principal => ({
  sub,
  role: 'coordinator',
  municipality,
});
export const ADMIN: Principal = { sub: 'admin-it-nrw', role: 'admin' };
export const AUDITOR: Principal = { sub: 'rpa-auditor', role: 'auditor' };
