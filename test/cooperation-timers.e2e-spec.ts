import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock';
import { pendingTimers, type ScheduledTimer } from '../src/cooperations/domain';
import { COORD_HEEK, HEEK } from './fixtures/building-yard.scenario';
import { TimerScheduler } from '../src/cooperations';
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

/**
 * A database that outlives a restart — a schema of the suite's PostgreSQL, or an embedded folder —
 * as settings for createTestApp; removed after the describe block that asks for it.
 */
function durableDatabase(name: string): Record<string, string> {
  const schema = `t_timers_${name}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const directory = mkdtempSync(join(tmpdir(), `ikz-timers-${name}-`));
  afterAll(async () => {
    rmSync(directory, { recursive: true, force: true });
    if (!onRealPostgres()) return;
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
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
    // Tried again with exponential backoff, not on every poll: 1 minute, doubling, at most an hour.
    const instance = { cooperationId: yard.id, key: q2, dueAt: '2027-04-01T00:00:00.000Z' };
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      const now = yard.t.app.get(Clock).now().getTime();
      const retryAt = (await scheduler.retryAt(instance))!.getTime();
      delays.push((retryAt - now) / 60_000);
      yard.at(new Date(retryAt - 1));
      expect(await scheduler.fireDueTimers()).toEqual([]);
      yard.at(new Date(retryAt));
      expect((await scheduler.fireDueTimers()).map((f) => [f.key, f.outcome])).toEqual([[q2, 'rejected']]);
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    yard.at(new Date('2027-06-30T22:00:00.000Z'));
    expect((await scheduler.fireDueTimers()).map((f) => [f.key, f.outcome])).toEqual([
      [q2, 'fired'],
      [`report-grace:${HEEK.ags}:2027-Q1`, 'fired'],
    ]);
    expect(await entries(t.dataSource, yard.id, 'REPORT_DUE')).toHaveLength(2);
    expect(await scheduler.retryAt(instance)).toBeNull();
    expect((await yard.get(COORD_HEEK, '/history/verify')).body.valid).toBe(true);
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
      // What a server of definition version 2 left behind: `active` as a plain state, no operation
      // context, no timer rows.
      await first.dataSource.query(
        `UPDATE cooperations
            SET state = jsonb_build_object('definitionVersion', 2, 'value', 'active',
                  'context', (state->'context') - 'reporting' - 'escalation' - 'membership' - 'dissolution' - 'timers'),
                definition_version = 2, state_value = 'active'
          WHERE id = $1`,
        [id],
      );
      await first.dataSource.query(`DELETE FROM cooperation_timers WHERE cooperation_id = $1`, [id]);
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
        definitionVersion: 3,
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

  it('two instances fire 200 due timers of 10 cooperations concurrently: each exactly once, both take part', async () => {
    const a = await createTestApp({ DATABASE_SCHEMA: schema });
    const b = await createTestApp({ DATABASE_SCHEMA: schema });
    try {
      const COOPERATIONS = 10;
      const PER_COOPERATION = 20;
      const ids: string[] = [];
      let yard!: BuildingYard;
      for (let c = 0; c < COOPERATIONS; c++) {
        yard = new BuildingYard(a);
        await yard.runUntil();
        ids.push(yard.id);
      }
      cooperationId = ids[0];
      // 200 timers the states do not expect: each firing is an accepted no-op with its own history
      // entry. Due a second apart, cooperations interleaved, so the instances contend on rows and
      // on cooperations alike.
      const base = Date.parse('2026-09-01T00:00:00.000Z');
      const probes: Array<{ id: string; key: string }> = [];
      for (let i = 0; i < COOPERATIONS * PER_COOPERATION; i++) {
        const id = ids[i % COOPERATIONS];
        const dueAt = new Date(base + i * 1000).toISOString();
        const key = `report-due:${HEEK.ags}:probe-${i}`;
        const event = { type: 'REPORT_DUE', reporter: HEEK.ags, period: `probe-${i}`, dueAt };
        await a.dataSource.query(
          `INSERT INTO cooperation_timers (cooperation_id, key, due_at, event) VALUES ($1, $2, $3, $4)`,
          [id, key, dueAt, JSON.stringify(event)],
        );
        probes.push({ id, key });
      }
      yard.at(NOW);
      jest.spyOn(b.app.get(Clock), 'now').mockReturnValue(NOW);
      const [sa, sb] = [a.app.get(TimerScheduler), b.app.get(TimerScheduler)];
      const byInstance = { a: [] as string[], b: [] as string[] };
      const noops = (results: Array<{ outcome: string; cooperationId: string; key: string }>) =>
        results.filter((r) => r.outcome === 'noop').map((r) => `${r.cooperationId} ${r.key}`);
      for (let round = 0; round < 20; round++) {
        const [a1, b1, a2, b2] = await Promise.all([
          sa.fireDueTimers(),
          sb.fireDueTimers(),
          sa.fireDueTimers(),
          sb.fireDueTimers(),
        ]);
        byInstance.a.push(...noops(a1), ...noops(a2));
        byInstance.b.push(...noops(b1), ...noops(b2));
        const [{ n }] = await a.dataSource.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM cooperation_timers WHERE due_at <= $1`,
          [NOW.toISOString()],
        );
        if (n === 0) break;
      }
      const fired = [...byInstance.a, ...byInstance.b];
      expect(fired).toHaveLength(200);
      expect(new Set(fired)).toEqual(new Set(probes.map((p) => `${p.id} ${p.key}`)));
      // Both instances fired some (the work is shared, not merely serialized behind one of them).
      expect(byInstance.a.length).toBeGreaterThan(0);
      expect(byInstance.b.length).toBeGreaterThan(0);

      // The history: exactly one entry per timer, each under its own idempotency key, by the system.
      const history = await a.dataSource.query<Array<{ cooperation_id: string; period: string; key: string }>>(
        `SELECT cooperation_id, payload->>'period' AS period, idempotency_key AS key FROM cooperation_history
          WHERE event_type = 'REPORT_DUE' AND actor->>'role' = 'system'`,
      );
      expect(history).toHaveLength(200);
      expect(new Set(history.map((h) => h.key)).size).toBe(200);
      expect(new Set(history.map((h) => `${h.cooperation_id} ${h.period}`)).size).toBe(200);
      for (const id of ids) {
        expect({ id, n: history.filter((h) => h.cooperation_id === id).length }).toEqual({ id, n: PER_COOPERATION });
      }
      // No due row left; each cooperation keeps only the timer its state expects (2027-Q1's due date).
      const rows = await a.dataSource.query<Array<{ key: string; n: number }>>(
        `SELECT key, count(*)::int AS n FROM cooperation_timers GROUP BY key`,
      );
      expect(rows).toEqual([{ key: FIRST_KEY, n: COOPERATIONS }]);
      for (const id of ids) {
        yard.id = id;
        expect({ id, verify: (await yard.get(COORD_HEEK, '/history/verify')).body }).toMatchObject({
          id,
          verify: { valid: true },
        });
      }
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
