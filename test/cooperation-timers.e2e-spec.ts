import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { Clock } from '../src/common/clock';
import { LIFECYCLE_DEFINITION_VERSION, pendingTimers } from '../src/cooperations/domain';
import { COORD_HEEK, HEEK } from './fixtures/building-yard.scenario';
import { TimerScheduler } from '../src/cooperations';
import { BuildingYard } from './support/building-yard';
import {
  AFTER_FIRST,
  downgradeToDefinitionVersion2,
  entries,
  FIRST_DUE,
  FIRST_KEY,
  timerRows,
} from './support/timer-rows';
import { dropSchema } from './support/test-database';
import { createTestApp, onRealPostgres, type TestApp } from './support/test-app';

/**
 * A database that outlives a restart — a schema of the suite's PostgreSQL, or an embedded folder —
 * as settings for createTestApp; removed after the describe block that asks for it.
 */
function durableDatabase(name: string): Record<string, string> {
  const schema = `t_timers_${name}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const directory = mkdtempSync(join(tmpdir(), `ikz-timers-${name}-`));
  afterAll(async () => {
    rmSync(directory, { recursive: true, force: true });
    if (onRealPostgres()) await dropSchema(process.env.DATABASE_URL!, schema);
  });
  return onRealPostgres() ? { DATABASE_SCHEMA: schema } : { DATABASE_URL: '', IKZ_DATA_DIR: directory };
}

describe('durable timers: rows beside the state, fired once through the command path', () => {
  let t: TestApp;
  let yard: BuildingYard;
  let scheduler: TimerScheduler;

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
    await yard.runUntil();
    scheduler = t.app.get(TimerScheduler);
  });
  afterAll(() => t.close());

  it('writes the timers the state expects in the transaction of the transition (PUT_INTO_FORCE)', async () => {
    const cooperation = (await yard.get(COORD_HEEK)).body;
    expect(cooperation.state).toBe('active.reporting.onTrack,active.escalation.calm,active.membership.stable');
    expect(await timerRows(t.dataSource, yard.id)).toEqual(pendingTimers(cooperation.context));
    expect((await timerRows(t.dataSource, yard.id)).map((r) => [r.key, r.dueAt])).toEqual([[FIRST_KEY, FIRST_DUE]]);
  });

  it('fires nothing before the due instant, then the timer once, as the system actor', async () => {
    yard.at(new Date(Date.parse(FIRST_DUE) - 1));
    expect(await scheduler.fireDueTimers()).toEqual([]);
    yard.at(new Date(FIRST_DUE));
    const fired = await scheduler.fireDueTimers();
    expect(fired.map((f) => [f.key, f.outcome])).toEqual([[FIRST_KEY, 'fired']]);
    const [entry] = await entries(t.dataSource, yard.id, 'REPORT_DUE');
    expect(entry).toMatchObject({
      payload: { reporter: HEEK.ags, period: '2027-Q1', dueAt: FIRST_DUE },
      actor: { sub: 'system', role: 'system', municipality: null },
    });
    expect(entry.idempotency_key).toMatch(/^[0-9a-f-]{36}$/);
    // The firing deleted its own row and scheduled the grace period and the next period's due date.
    expect((await timerRows(t.dataSource, yard.id)).map((r) => r.key)).toEqual(AFTER_FIRST);
    expect(await scheduler.fireDueTimers()).toEqual([]);
  });
});

describe('cooperations that were active under definition version 2 (no timer rows)', () => {
  const database = durableDatabase('v2');
  const BEFORE_DUE: Clock = { now: () => new Date('2026-10-01T08:00:00Z') };

  it("get their first report timer at the scheduler's start; it fires; a second start writes nothing", async () => {
    let id = '';
    const first = await createTestApp(database);
    try {
      const yard = new BuildingYard(first);
      await yard.runUntil();
      id = yard.id;
      await downgradeToDefinitionVersion2(first.dataSource, id);
    } finally {
      await first.close();
    }

    const second = await createTestApp(
      { ...database, TIMERS_ENABLED: 'true', TIMER_POLL_MS: '3600000' },
      { clock: BEFORE_DUE },
    );
    try {
      await second.app.get(TimerScheduler).idle();
      expect((await timerRows(second.dataSource, id)).map((r) => [r.key, r.dueAt])).toEqual([[FIRST_KEY, FIRST_DUE]]);
      const [{ definition_version }] = await second.dataSource.query<Array<{ definition_version: number }>>(
        `SELECT definition_version FROM cooperations WHERE id = $1`,
        [id],
      );
      expect(definition_version).toBe(2);
      // Idempotent: a second reconciliation (another instance, another start) finds nothing to do.
      expect(await second.app.get(TimerScheduler).reconcileTimers()).toBe(0);

      const yard = new BuildingYard(second);
      yard.id = id;
      yard.at(new Date(FIRST_DUE));
      expect((await second.app.get(TimerScheduler).fireDueTimers()).map((f) => [f.key, f.outcome])).toEqual([
        [FIRST_KEY, 'fired'],
      ]);
      expect(await entries(second.dataSource, id, 'REPORT_DUE')).toHaveLength(1);
      expect((await timerRows(second.dataSource, id)).map((r) => r.key)).toEqual(AFTER_FIRST);
      expect((await yard.get(COORD_HEEK)).body).toMatchObject({
        definitionVersion: LIFECYCLE_DEFINITION_VERSION,
        state: expect.stringMatching(/^active\./),
      });
      expect((await yard.get(COORD_HEEK, '/history/verify')).body).toMatchObject({ valid: true });
    } finally {
      await second.close();
    }

    const third = await createTestApp(
      { ...database, TIMERS_ENABLED: 'true', TIMER_POLL_MS: '3600000' },
      { clock: BEFORE_DUE },
    );
    try {
      await third.app.get(TimerScheduler).idle();
      expect((await timerRows(third.dataSource, id)).map((r) => r.key)).toEqual(AFTER_FIRST);
      expect(await entries(third.dataSource, id, 'REPORT_DUE')).toHaveLength(1);
    } finally {
      await third.close();
    }
  });
});

// Several instances firing concurrently: test/medium/timers.medium-spec.ts.
(onRealPostgres() ? describe : describe.skip)('durable timers across restarts on one PostgreSQL', () => {
  const schema = `t_timers_${process.pid}_${randomBytes(4).toString('hex')}`;

  afterAll(() => dropSchema(process.env.DATABASE_URL!, schema));

  it('a deadline that passed while every instance was down fires once at the next start', async () => {
    let cooperationId = '';
    const first = await createTestApp({ DATABASE_SCHEMA: schema });
    try {
      const yard = new BuildingYard(first);
      await yard.runUntil();
      cooperationId = yard.id;
    } finally {
      await first.close();
    }
    const after: Clock = { now: () => new Date('2027-04-02T08:00:00Z') };
    for (let restart = 0; restart < 2; restart++) {
      const app = await createTestApp({ DATABASE_SCHEMA: schema, TIMERS_ENABLED: 'true' }, { clock: after });
      try {
        await app.app.get(TimerScheduler).idle();
        const fired = (await entries(app.dataSource, cooperationId, 'REPORT_DUE')).filter(
          (e) => e.payload.period === '2027-Q1',
        );
        expect({ restart, fired: fired.length }).toEqual({ restart, fired: 1 });
        expect((await timerRows(app.dataSource, cooperationId)).map((r) => r.key)).toEqual(AFTER_FIRST);
      } finally {
        await app.close();
      }
    }
  });
});

describe('a timer whose firing throws (issue 12, item 3)', () => {
  // The backoff is on the row, not in one instance's memory: it must outlive a restart.
  const database = durableDatabase('fail');
  const NOW = new Date('2026-10-01T08:00:00.000Z');
  const at = (ms: number) => new Date(NOW.getTime() + ms);

  const failures = async (ds: DataSource, cooperationId: string) =>
    (
      await ds.query<Array<{ key: string; attempts: number; last_error: string | null; retry_at: Date | null }>>(
        `SELECT key, attempts, last_error, retry_at FROM cooperation_timers WHERE cooperation_id = $1 AND key LIKE '%probe%'`,
        [cooperationId],
      )
    ).map((r) => ({
      key: r.key,
      attempts: r.attempts,
      error: typeof r.last_error === 'string' && r.last_error.length > 0,
      retryAt: r.retry_at && new Date(r.retry_at).toISOString(),
    }));

  it('is recorded on its row, backed off and skipped while the others fire; a restart keeps the backoff', async () => {
    const probe = (i: number) => `report-due:${HEEK.ags}:probe-${i}`;
    let broken = '';
    let fine = '';
    const first = await createTestApp(database);
    try {
      const a = new BuildingYard(first);
      await a.runUntil();
      broken = a.id;
      const b = new BuildingYard(first);
      await b.runUntil();
      fine = b.id;
      // The broken cooperation's timer is the earliest: before the fix every look failed on it.
      const base = Date.parse('2026-09-01T00:00:00.000Z');
      for (const [i, id] of [broken, fine, fine].entries()) {
        const dueAt = new Date(base + i * 1000).toISOString();
        await first.dataSource.query(
          `INSERT INTO cooperation_timers (cooperation_id, key, due_at, event) VALUES ($1, $2, $3, $4)`,
          [
            id,
            probe(i),
            dueAt,
            JSON.stringify({ type: 'REPORT_DUE', reporter: HEEK.ags, period: `probe-${i}`, dueAt }),
          ],
        );
      }
      // A snapshot without its context: deciding on it throws.
      await first.dataSource.query(
        `UPDATE cooperations SET state = jsonb_build_object('definitionVersion', 3, 'value', state->'value') WHERE id = $1`,
        [broken],
      );
      b.at(NOW);
      const scheduler = first.app.get(TimerScheduler);
      const fired = await scheduler.fireDueTimers();
      expect(fired.map((f) => [f.cooperationId === broken ? 'broken' : 'fine', f.key, f.outcome])).toEqual([
        ['broken', probe(0), 'failed'],
        ['fine', probe(1), 'noop'],
        ['fine', probe(2), 'noop'],
      ]);
      expect(await failures(first.dataSource, broken)).toEqual([
        { key: probe(0), attempts: 1, error: true, retryAt: at(60_000).toISOString() },
      ]);
      expect(await entries(first.dataSource, fine, 'REPORT_DUE')).toHaveLength(2);
      // Skipped until its retry, by every look.
      expect(await scheduler.fireDueTimers()).toEqual([]);
    } finally {
      await first.close();
    }

    const second = await createTestApp(database);
    try {
      const yard = new BuildingYard(second);
      yard.at(at(60_000 - 1));
      const scheduler = second.app.get(TimerScheduler);
      expect(await scheduler.fireDueTimers()).toEqual([]);
      yard.at(at(60_000));
      expect((await scheduler.fireDueTimers()).map((f) => [f.key, f.outcome])).toEqual([[probe(0), 'failed']]);
      expect(await failures(second.dataSource, broken)).toEqual([
        { key: probe(0), attempts: 2, error: true, retryAt: at(60_000 + 120_000).toISOString() },
      ]);
    } finally {
      await second.close();
    }
  });
});
