import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  // A database that outlives a restart: a schema of the suite's PostgreSQL, or an embedded folder.
  const schema = `t_timers_v2_${process.pid}_${randomBytes(4).toString('hex')}`;
  const directory = mkdtempSync(join(tmpdir(), 'ikz-timers-v2-'));
  const database = onRealPostgres() ? { DATABASE_SCHEMA: schema } : { DATABASE_URL: '', IKZ_DATA_DIR: directory };
  const BEFORE_DUE: Clock = { now: () => new Date('2026-10-01T08:00:00Z') };

  afterAll(async () => {
    rmSync(directory, { recursive: true, force: true });
    if (onRealPostgres()) await dropSchema(process.env.DATABASE_URL!, schema);
  });

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
