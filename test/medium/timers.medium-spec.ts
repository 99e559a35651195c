import { randomBytes } from 'node:crypto';
import { ReconcileTimersUseCase } from '../../src/cooperations/application/reconcile-timers.use-case';
import { CooperationsModule } from '../../src/cooperations/cooperations.module';
import { CooperationReader, TimerScheduler } from '../../src/cooperations';
import { LIFECYCLE_DEFINITION_VERSION } from '../../src/cooperations/domain';
import { HistoryRepository } from '../../src/history';
import { COORD_HEEK, HEEK } from '../fixtures/building-yard.scenario';
import { dropSchema, onRealPostgres } from '../support/test-database';
import { createTestModule, type TestModule } from '../support/test-module';
import {
  AFTER_FIRST,
  downgradeToDefinitionVersion2,
  entries,
  FIRST_DUE,
  FIRST_KEY,
  insertTimer,
  timerRows,
} from '../support/timer-rows';
import { principalOf, UseCaseYard } from '../support/use-case-yard';

type Firing = { cooperationId: string; key: string; outcome: string };
/** Key and outcome of each firing, of one cooperation when given (the file's cooperations share a database). */
const outcomes = (firings: Firing[], cooperationId?: string) =>
  firings.filter((f) => !cooperationId || f.cooperationId === cooperationId).map((f) => [f.key, f.outcome]);

let m: TestModule;
let scheduler: TimerScheduler;
beforeAll(async () => {
  m = await createTestModule([CooperationsModule]);
  scheduler = m.get(TimerScheduler);
});
afterAll(() => m.close());

/** A building yard in force: its one timer is Heek's 2027-Q1 report. */
const inForce = async () => {
  const yard = new UseCaseYard(m);
  await yard.runUntil();
  return yard;
};

describe('the timer scheduler fires each due timer exactly once', () => {
  let yard: UseCaseYard;

  beforeAll(async () => {
    yard = await inForce();
    yard.at(new Date(FIRST_DUE));
    expect(outcomes(await scheduler.fireDueTimers())).toEqual([[FIRST_KEY, 'fired']]);
  });

  it('a second firing of the same timer instance writes nothing (idempotency key of cooperation, key, dueAt)', async () => {
    const before = (await m.get(HistoryRepository).entries(yard.id)).length;
    const event = { type: 'REPORT_DUE', reporter: HEEK.ags, period: '2027-Q1', dueAt: FIRST_DUE };
    await insertTimer(m.dataSource, yard.id, { key: FIRST_KEY, dueAt: FIRST_DUE, event });
    expect((await scheduler.fireDueTimers()).map((f) => f.outcome)).toEqual(['duplicate']);
    expect(await m.get(HistoryRepository).entries(yard.id)).toHaveLength(before);
    expect(await entries(m.dataSource, yard.id, 'REPORT_DUE')).toHaveLength(1);
    expect((await timerRows(m.dataSource, yard.id)).map((r) => r.key)).toEqual(AFTER_FIRST);
    expect((await m.get(HistoryRepository).verify(yard.id)).valid).toBe(true);
  });

  it('keeps a timer whose event is refused as early, and fires it when due', async () => {
    const q2 = `report-due:${HEEK.ags}:2027-Q2`;
    yard.at(new Date('2027-04-02T08:00:00Z'));
    // A row whose due_at says "due" but whose event says otherwise (clock skew, a bug): kept, logged.
    await m.dataSource.query(`UPDATE cooperation_timers SET due_at = $3 WHERE cooperation_id = $1 AND key = $2`, [
      yard.id,
      q2,
      '2027-04-01T00:00:00Z',
    ]);
    expect(outcomes(await scheduler.fireDueTimers())).toEqual([[q2, 'rejected']]);
    expect((await timerRows(m.dataSource, yard.id)).map((r) => r.key)).toContain(q2);
    // Tried again with exponential backoff, not on every poll: 1 minute, doubling, at most an hour.
    const instance = { cooperationId: yard.id, key: q2, dueAt: '2027-04-01T00:00:00.000Z' };
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      const now = m.clock.now().getTime();
      const retryAt = (await scheduler.retryAt(instance))!.getTime();
      delays.push((retryAt - now) / 60_000);
      yard.at(new Date(retryAt - 1));
      expect(await scheduler.fireDueTimers()).toEqual([]);
      yard.at(new Date(retryAt));
      expect(outcomes(await scheduler.fireDueTimers())).toEqual([[q2, 'rejected']]);
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    yard.at(new Date('2027-06-30T22:00:00.000Z'));
    expect(outcomes(await scheduler.fireDueTimers())).toEqual([
      [q2, 'fired'],
      [`report-grace:${HEEK.ags}:2027-Q1`, 'fired'],
    ]);
    expect(await entries(m.dataSource, yard.id, 'REPORT_DUE')).toHaveLength(2);
    expect(await scheduler.retryAt(instance)).toBeNull();
    expect((await m.get(HistoryRepository).verify(yard.id)).valid).toBe(true);
  });
});

describe('outcomes other than fired', () => {
  it('noop: a timer the state does not expect is accepted with a history entry, and its row is gone', async () => {
    const yard = await inForce();
    const dueAt = '2026-09-01T00:00:00.000Z';
    const key = `report-due:${HEEK.ags}:probe`;
    await insertTimer(m.dataSource, yard.id, {
      key,
      dueAt,
      event: { type: 'REPORT_DUE', reporter: HEEK.ags, period: 'probe', dueAt },
    });
    yard.at(new Date('2026-10-01T08:00:00Z'));
    const [firing] = await scheduler.fireDueTimers();
    expect(firing).toMatchObject({ cooperationId: yard.id, key, outcome: 'noop', sequence: expect.any(Number) });
    const [entry] = await entries(m.dataSource, yard.id, 'REPORT_DUE');
    expect(entry).toMatchObject({ sequence: firing.sequence, actor: { sub: 'system', role: 'system' } });
    expect((await timerRows(m.dataSource, yard.id)).map((r) => r.key)).toEqual([FIRST_KEY]);
  });

  it('moot: a timer of a cooperation that is not active is deleted, nothing written', async () => {
    const yard = new UseCaseYard(m);
    await yard.open();
    const dueAt = '2026-01-12T09:00:00.000Z';
    await insertTimer(m.dataSource, yard.id, {
      key: 'report-due:05554024:2026-Q1',
      dueAt,
      event: { type: 'REPORT_DUE', reporter: HEEK.ags, period: '2026-Q1', dueAt },
    });
    yard.at(new Date('2026-01-12T10:00:00Z'));
    expect((await scheduler.fireDueTimers()).map((f) => [f.cooperationId, f.outcome])).toEqual([[yard.id, 'moot']]);
    expect(await timerRows(m.dataSource, yard.id)).toEqual([]);
    expect(await m.get(HistoryRepository).entries(yard.id)).toHaveLength(1);
  });

  // On the embedded database (one connection) no other transaction can hold the row meanwhile.
  (onRealPostgres() ? it : it.skip)(
    'busy: a cooperation locked by a command is left for the next look, then fired',
    async () => {
      const yard = await inForce();
      const runner = m.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query(`SELECT id FROM cooperations WHERE id = $1 FOR UPDATE`, [yard.id]);
        yard.at(new Date(FIRST_DUE));
        expect(outcomes(await scheduler.fireDueTimers(), yard.id)).toEqual([[FIRST_KEY, 'busy']]);
        expect((await timerRows(m.dataSource, yard.id)).map((r) => r.key)).toEqual([FIRST_KEY]);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
      expect(outcomes(await scheduler.fireDueTimers(), yard.id)).toEqual([[FIRST_KEY, 'fired']]);
      expect(await entries(m.dataSource, yard.id, 'REPORT_DUE')).toHaveLength(1);
    },
  );
});

describe('reconciling cooperations that were active under definition version 2 (no timer rows)', () => {
  it('writes the rows their state expects, once; the snapshot stays as written; the timer fires', async () => {
    const yard = await inForce();
    await downgradeToDefinitionVersion2(m.dataSource, yard.id);
    const reconcile = m.get(ReconcileTimersUseCase);
    expect(await reconcile.execute()).toBe(1);
    expect((await timerRows(m.dataSource, yard.id)).map((r) => [r.key, r.dueAt])).toEqual([[FIRST_KEY, FIRST_DUE]]);
    const [{ definition_version }] = await m.dataSource.query<Array<{ definition_version: number }>>(
      `SELECT definition_version FROM cooperations WHERE id = $1`,
      [yard.id],
    );
    expect(definition_version).toBe(2);
    // Idempotent: another instance, another start finds nothing to do.
    expect(await reconcile.execute()).toBe(0);
    expect(await scheduler.reconcileTimers()).toBe(0);

    yard.at(new Date(FIRST_DUE));
    expect(outcomes(await scheduler.fireDueTimers(), yard.id)).toEqual([[FIRST_KEY, 'fired']]);
    expect((await timerRows(m.dataSource, yard.id)).map((r) => r.key)).toEqual(AFTER_FIRST);
    const { stored } = await m.get(CooperationReader).read(yard.id, principalOf(COORD_HEEK));
    expect(stored.state.definitionVersion).toBe(LIFECYCLE_DEFINITION_VERSION);
    expect((await m.get(HistoryRepository).verify(yard.id)).valid).toBe(true);
  });

  it('gives an active fixed-term cooperation written under version 3 its term-end row (definition v4), once', async () => {
    const yard = await inForce();
    await m.dataSource.query(
      `UPDATE cooperations
          SET definition_version = 3,
              state = jsonb_set(jsonb_set(state, '{definitionVersion}', '3'),
                                '{context,contract,versions,0,term,end}', '"2030-12-31"')
        WHERE id = $1`,
      [yard.id],
    );
    const reconcile = m.get(ReconcileTimersUseCase);
    expect(await reconcile.execute()).toBe(1);
    expect((await timerRows(m.dataSource, yard.id)).map((r) => [r.key, r.dueAt])).toEqual([
      [FIRST_KEY, FIRST_DUE],
      ['term-end', '2030-12-31T23:00:00.000Z'],
    ]);
    expect(await reconcile.execute()).toBe(0);
  });

  (onRealPostgres() ? it : it.skip)('skips a cooperation a command holds: that command writes the rows', async () => {
    const yard = await inForce();
    await downgradeToDefinitionVersion2(m.dataSource, yard.id);
    const runner = m.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`SELECT id FROM cooperations WHERE id = $1 FOR UPDATE`, [yard.id]);
      expect(await m.get(ReconcileTimersUseCase).execute()).toBe(0);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await m.get(ReconcileTimersUseCase).execute()).toBe(1);
  });
});

(onRealPostgres() ? describe : describe.skip)('durable timers with several instances on one PostgreSQL', () => {
  const schema = `t_timers_${process.pid}_${randomBytes(4).toString('hex')}`;
  const NOW = new Date('2026-10-01T08:00:00Z');

  afterAll(() => dropSchema(process.env.DATABASE_URL!, schema));

  it('two instances fire 200 due timers of 10 cooperations concurrently: each exactly once, both take part', async () => {
    const a = await createTestModule([CooperationsModule], { DATABASE_SCHEMA: schema });
    const b = await createTestModule([CooperationsModule], { DATABASE_SCHEMA: schema });
    try {
      const COOPERATIONS = 10;
      const PER_COOPERATION = 20;
      const ids: string[] = [];
      for (let c = 0; c < COOPERATIONS; c++) {
        const yard = new UseCaseYard(a);
        await yard.runUntil();
        ids.push(yard.id);
      }
      // 200 timers the states do not expect: each firing is an accepted no-op with its own history
      // entry. Due a second apart, cooperations interleaved, so the instances contend on rows and
      // on cooperations alike.
      const base = Date.parse('2026-09-01T00:00:00.000Z');
      const probes: Array<{ id: string; key: string }> = [];
      for (let i = 0; i < COOPERATIONS * PER_COOPERATION; i++) {
        const id = ids[i % COOPERATIONS];
        const dueAt = new Date(base + i * 1000).toISOString();
        const key = `report-due:${HEEK.ags}:probe-${i}`;
        await insertTimer(a.dataSource, id, {
          key,
          dueAt,
          event: { type: 'REPORT_DUE', reporter: HEEK.ags, period: `probe-${i}`, dueAt },
        });
        probes.push({ id, key });
      }
      a.clock.set(NOW);
      b.clock.set(NOW);
      const [sa, sb] = [a.get(TimerScheduler), b.get(TimerScheduler)];
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
        expect({ id, verify: await a.get(HistoryRepository).verify(id) }).toMatchObject({
          id,
          verify: { valid: true },
        });
      }
    } finally {
      await b.close();
      await a.close();
    }
  });
});
