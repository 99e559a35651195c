import type { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { configModule } from '../../src/config/config.module';
import { DatabaseModule } from '../../src/database/database.module';
import { MetricsModule } from '../../src/metrics';
import { type Overrides, testDatabase } from './test-database';

type Import = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference;

/** A clock the test sets; it stays where it was put until set again. */
export class TestClock extends Clock {
  private current = new Date('2026-01-12T08:00:00Z');

  now(): Date {
    return this.current;
  }

  set(at: Date | string): this {
    this.current = new Date(at);
    return this;
  }
}

export interface TestModule {
  moduleRef: TestingModule;
  /** A provider of the modules under test, e.g. `m.get(SendEventUseCase)`. */
  get<T>(type: Type<T> | (abstract new (...args: never[]) => T)): T;
  dataSource: DataSource;
  /** The one Clock of every module under test. */
  clock: TestClock;
  close(): Promise<void>;
}

/**
 * The middle test tier (test/medium/*.medium-spec.ts): `imports` (a context's module, e.g.
 * CooperationsModule) with real infrastructure — the settings and the throw-away database of
 * the e2e suite (`testDatabase`: an in-memory PGlite, or a schema of its own on DATABASE_URL),
 * migrations applied — and no HTTP server. Tests call use cases and repositories directly; the
 * timer scheduler does not poll.
 */
export async function createTestModule(imports: Import[], overrides: Overrides = {}): Promise<TestModule> {
  const database = testDatabase(overrides);
  const clock = new TestClock();
  const moduleRef = await Test.createTestingModule({
    imports: [configModule(database.settings), DatabaseModule, MetricsModule, ...imports],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  // Nest's logger would print the scheduler's and erasure's lines; the tests assert on outcomes.
  moduleRef.useLogger(false);
  await moduleRef.init();
  return {
    moduleRef,
    get: (type) => moduleRef.get(type, { strict: false }),
    dataSource: moduleRef.get(DataSource),
    clock,
    close: async () => {
      await moduleRef.close();
      await database.release();
    },
  };
}
