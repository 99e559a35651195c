import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/cooperations/clock';
import { pendingTimers, type ScheduledTimer } from '../src/cooperations/domain';
import { COORD_HEEK, HEEK } from '../src/cooperations/domain/testing/building-yard.scenario';
import { TimerScheduler } from '../src/cooperations/timer-scheduler';
import { BuildingYard } from './support/building-yard';
import { createTestApp, onRealPostgres, type TestApp } from './support/test-app';

const FIRST_DUE = '2027-03-31T22:00:00.000Z'; // 00:00 in Germany after 2027-Q1's last day
const FIRST_KEY = `report-due:${HEEK.ags}:2027-Q1`;
const AFTER_FIRST = [`report-grace:${HEEK.ags}:2027-Q1`, `report-due:${HEEK.ags}:2027-Q2`];

async function timerRows(ds: DataSource, cooperationId: string) {
  const rows = await ds.query<Array<{ key: string; due_at: Date; event: ScheduledTimer['event'] }>>(
    `SELECT key, due_at, event FROM cooperation_timers WHERE cooperation_id = $1 ORDER BY due_at, key`,
    [cooperationId],
  );
  return rows.map((r) => ({ key: r.key, dueAt: new Date(r.due_at).toISOString(), event: r.event }));
}

async function entries(ds: DataSource, cooperationId: string, eventType: string) {
  return await ds.query<
    Array<{ sequence: number; payload: Record<string, unknown>; actor: object; idempotency_key: string | null }>
  >(
    `SELECT sequence, payload, actor, idempotency_key FROM cooperation_history
      WHERE cooperation_id = $1 AND event_type = $2 ORDER BY sequence`,
    [cooperationId, eventType],
  );
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

  it('a second firing of the same timer instance writes nothing (idempotency key of cooperation, key, dueAt)', async () => {
    const before = (await yard.get(COORD_HEEK, '/history', { query: { limit: 100 } })).body.items.length;
    const event = { type: 'REPORT_DUE', reporter: HEEK.ags, period: '2027-Q1', dueAt: FIRST_DUE };
    await t.dataSource.query(
      `INSERT INTO cooperation_timers (cooperation_id, key, due_at, event) VALUES ($1, $2, $3, $4)`,
      [yard.id, FIRST_KEY, FIRST_DUE, JSON.stringify(event)],
    );
    expect((await scheduler.fireDueTimers()).map((f) => f.outcome)).toEqual(['duplicate']);
    expect((await yard.get(COORD_HEEK, '/history', { query: { limit: 100 } })).body.items.length).toBe(before);
    expect(await entries(t.dataSource, yard.id, 'REPORT_DUE')).toHaveLength(1);
    expect((await timerRows(t.dataSource, yard.id)).map((r) => r.key)).toEqual(AFTER_FIRST);
    expect((await yard.get(COORD_HEEK, '/history/verify')).body.valid).toBe(true);
  });

  it('keeps a timer whose event is refused as early, and fires it when due', async () => {
    const q2 = `report-due:${HEEK.ags}:2027-Q2`;
    yard.at(new Date('2027-04-02T08:00:00Z'));
    // A row whose due_at says "due" but whose event says otherwise (clock skew, a bug): kept, logged.
    await t.dataSource.query(`UPDATE cooperation_timers SET due_at = $3 WHERE cooperation_id = $1 AND key = $2`, [
      yard.id,
      q2,
      '2027-04-01T00:00:00Z',
    ]);
    expect((await scheduler.fireDueTimers()).map((f) => [f.key, f.outcome])).toEqual([[q2, 'rejected']]);
    expect((await timerRows(t.dataSource, yard.id)).map((r) => r.key)).toContain(q2);
    yard.at(new Date('2027-06-30T22:00:00.000Z'));
    expect((await scheduler.fireDueTimers()).map((f) => [f.key, f.outcome])).toEqual([
      [q2, 'fired'],
      [`report-grace:${HEEK.ags}:2027-Q1`, 'fired'],
    ]);
    expect(await entries(t.dataSource, yard.id, 'REPORT_DUE')).toHaveLength(2);
    expect((await yard.get(COORD_HEEK, '/history/verify')).body.valid).toBe(true);
  });
});

(onRealPostgres() ? describe : describe.skip)('durable timers with several instances on one PostgreSQL', () => {
  const schema = `t_timers_${process.pid}_${randomBytes(4).toString('hex')}`;
  const NOW = new Date('2026-10-01T08:00:00Z');
  let cooperationId = '';

  afterAll(async () => {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('two instances fire 200 due timers concurrently: each exactly once', async () => {
    const a = await createTestApp({ DATABASE_SCHEMA: schema });
    const b = await createTestApp({ DATABASE_SCHEMA: schema });
    try {
      const yard = new BuildingYard(a);
      await yard.runUntil();
      cooperationId = yard.id;
      // 200 timers the state does not expect: each firing is an accepted no-op with its own history entry.
      const dueAt = '2026-09-01T00:00:00.000Z';
      for (let i = 0; i < 200; i++) {
        const event = { type: 'REPORT_DUE', reporter: HEEK.ags, period: `probe-${i}`, dueAt };
        await a.dataSource.query(
          `INSERT INTO cooperation_timers (cooperation_id, key, due_at, event) VALUES ($1, $2, $3, $4)`,
          [yard.id, `report-due:${HEEK.ags}:probe-${i}`, dueAt, JSON.stringify(event)],
        );
      }
      yard.at(NOW);
      jest.spyOn(b.app.get(Clock), 'now').mockReturnValue(NOW);
      const [sa, sb] = [a.app.get(TimerScheduler), b.app.get(TimerScheduler)];
      const fired: string[] = [];
      for (let round = 0; round < 20; round++) {
        const results = (await Promise.all([sa.fireDueTimers(), sb.fireDueTimers(), sa.fireDueTimers()])).flat();
        fired.push(...results.filter((r) => r.outcome === 'noop').map((r) => r.key));
        const [{ n }] = await a.dataSource.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM cooperation_timers WHERE due_at <= $1`,
          [NOW.toISOString()],
        );
        if (n === 0) break;
      }
      expect(fired).toHaveLength(200);
      expect(new Set(fired).size).toBe(200);
      const history = (await entries(a.dataSource, yard.id, 'REPORT_DUE')).map((e) => e.payload.period);
      expect(history).toHaveLength(200);
      expect(new Set(history).size).toBe(200);
      expect((await yard.get(COORD_HEEK, '/history/verify')).body).toMatchObject({ valid: true });
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('a deadline that passed while every instance was down fires once at the next start', async () => {
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
