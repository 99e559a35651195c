import { randomUUID } from 'node:crypto';
import { OpenCooperationUseCase } from '../../src/cooperations/application/open-cooperation.use-case';
import { CooperationsModule } from '../../src/cooperations/cooperations.module';
import {
  CooperationRepository,
  type CooperationFilter,
} from '../../src/cooperations/infrastructure/cooperation.repository';
import { TimerRepository, timerInstance } from '../../src/cooperations/infrastructure/timer.repository';
import { COORD_LEGDEN, COORD_SCHOEPPINGEN, HEEK, LEGDEN } from '../fixtures/building-yard.scenario';
import { onRealPostgres } from '../support/test-database';
import { createTestModule, type TestModule } from '../support/test-module';
import { insertTimer } from '../support/timer-rows';
import { openingCommand, openingMeta, principalOf, UseCaseYard } from '../support/use-case-yard';

let m: TestModule;
let repository: CooperationRepository;
/** The building yard (Heek, Legden, Schöppingen; in force), Legden's registry office, Schöppingen's roads. */
const ids = { yard: '', office: '', roads: '' };

beforeAll(async () => {
  m = await createTestModule([CooperationsModule]);
  repository = m.get(CooperationRepository);
  const yard = new UseCaseYard(m);
  await yard.runUntil();
  ids.yard = yard.id;
  const open = async (actor: typeof COORD_LEGDEN, title: string, at: string) => {
    m.clock.set(at);
    const body = { ...openingCommand(), title };
    return (await m.get(OpenCooperationUseCase).execute(body, principalOf(actor), openingMeta(body))).cooperationId;
  };
  ids.office = await open(COORD_LEGDEN, 'Gemeinsames Standesamt Legden', '2026-02-01T08:00:00Z');
  ids.roads = await open(COORD_SCHOEPPINGEN, 'Straßenunterhaltung Schöppingen 100%', '2026-03-01T08:00:00Z');
});
afterAll(() => m.close());

describe('CooperationRepository.list: all of its SQL filters', () => {
  const list = async (filter: Partial<CooperationFilter>) =>
    (await repository.list({ scope: { all: true }, limit: 100, ...filter })).map((r) => r.id);

  it('scope: everything, or the cooperations one municipality takes part in', async () => {
    expect(await list({})).toEqual([ids.yard, ids.office, ids.roads]);
    expect(await list({ scope: { all: false, municipality: HEEK.ags } })).toEqual([ids.yard]);
    expect(await list({ scope: { all: false, municipality: LEGDEN.ags } })).toEqual([ids.yard, ids.office]);
    expect(await list({ scope: { all: false, municipality: undefined } })).toEqual([]);
  });

  it('?municipality= on top of the scope', async () => {
    expect(await list({ municipality: LEGDEN.ags })).toEqual([ids.yard, ids.office]);
    expect(await list({ scope: { all: false, municipality: HEEK.ags }, municipality: LEGDEN.ags })).toEqual([ids.yard]);
  });

  it('state: a phase, or a dotted sub-state matching itself and its descendants in any region', async () => {
    expect(await list({ state: 'partnerSearch' })).toEqual([ids.office, ids.roads]);
    expect(await list({ state: 'active' })).toEqual([ids.yard]);
    expect(await list({ state: 'active.reporting' })).toEqual([ids.yard]);
    expect(await list({ state: 'active.escalation.calm' })).toEqual([ids.yard]);
    expect(await list({ state: 'active.reporting.overdue' })).toEqual([]);
    // A dot is a dot, not "any character".
    expect(await list({ state: 'active.reportingXonTrack' })).toEqual([]);
  });

  it('q: case and umlauts folded both ways, LIKE wildcards taken literally', async () => {
    expect(await list({ q: 'BAUHOF' })).toEqual([ids.yard]);
    expect(await list({ q: 'schoeppingen' })).toEqual([ids.yard, ids.roads]);
    expect(await list({ q: 'Schoppingen' })).toEqual([ids.yard, ids.roads]);
    expect(await list({ q: 'strasse' })).toEqual([ids.roads]);
    expect(await list({ q: '100%' })).toEqual([ids.roads]);
    expect(await list({ q: '%' })).toEqual([ids.roads]);
    expect(await list({ q: '_' })).toEqual([]);
  });

  it('cursor: (createdAt, id) after the last row of a page, oldest first', async () => {
    const all = await repository.list({ scope: { all: true }, limit: 100 });
    const first = await repository.list({ scope: { all: true }, limit: 2 });
    expect(first.map((r) => r.id)).toEqual([ids.yard, ids.office]);
    const last = first[first.length - 1];
    const after = { createdAt: last.createdAt.toISOString(), id: last.id };
    expect((await repository.list({ scope: { all: true }, limit: 2, after })).map((r) => r.id)).toEqual([ids.roads]);
    // Rows created in the same instant are ordered by id: nothing skipped, nothing twice.
    const sameInstant = { createdAt: all[0].createdAt.toISOString(), id: '00000000-0000-0000-0000-000000000000' };
    expect((await repository.list({ scope: { all: true }, limit: 100, after: sameInstant })).map((r) => r.id)).toEqual(
      all.map((r) => r.id),
    );
  });

  it('lock and find answer null for an unknown id', async () => {
    expect(await m.dataSource.transaction((tx) => repository.lock(tx, randomUUID()))).toBeNull();
    expect(await repository.find(randomUUID())).toBeNull();
    expect(await repository.members(randomUUID())).toBeNull();
  });
});

describe('TimerRepository: claiming due timers', () => {
  const probe = (i: number, dueAt: string) => ({
    key: `report-due:${HEEK.ags}:probe-${i}`,
    dueAt,
    event: { type: 'REPORT_DUE', reporter: HEEK.ags, period: `probe-${i}`, dueAt },
  });

  beforeAll(async () => {
    await insertTimer(m.dataSource, ids.office, probe(1, '2026-05-01T00:00:00.000Z'));
    await insertTimer(m.dataSource, ids.roads, probe(2, '2026-05-01T00:00:00.000Z'));
    await insertTimer(m.dataSource, ids.office, probe(3, '2026-05-02T00:00:00.000Z'));
  });

  const claim = (now: string, skip: ReadonlySet<string> = new Set()) =>
    m.dataSource.transaction((tx) => m.get(TimerRepository).claimNextDue(tx, new Date(now), skip));

  it('claims the earliest due timer (due instant, then cooperation and key); none before it is due', async () => {
    expect(await claim('2026-04-30T23:59:59.999Z')).toBeNull();
    const [earlier] = [ids.office, ids.roads].sort();
    expect(await claim('2026-05-01T00:00:00.000Z')).toMatchObject({
      cooperationId: earlier,
      dueAt: '2026-05-01T00:00:00.000Z',
      event: { type: 'REPORT_DUE' },
    });
  });

  it('skips the instances it is told to, by cooperation, key and due instant', async () => {
    const now = '2026-05-03T00:00:00.000Z';
    const skip = new Set<string>();
    const seen: string[] = [];
    for (let due = await claim(now, skip); due; due = await claim(now, skip)) {
      seen.push(due.key);
      skip.add(timerInstance(due));
    }
    expect(seen.sort()).toEqual([1, 2, 3].map((i) => `report-due:${HEEK.ags}:probe-${i}`));
    // The same key due at another instant is another instance.
    expect(
      await claim(now, new Set([timerInstance({ cooperationId: ids.office, key: probe(1, '').key, dueAt: now })])),
    ).not.toBeNull();
  });

  (onRealPostgres() ? it : it.skip)('passes over rows another transaction has claimed (SKIP LOCKED)', async () => {
    const runner = m.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const held = await m
        .get(TimerRepository)
        .claimNextDue(runner.manager, new Date('2026-05-03T00:00:00Z'), new Set());
      const other = await claim('2026-05-03T00:00:00.000Z');
      expect(other).not.toBeNull();
      expect(timerInstance(other!)).not.toBe(timerInstance(held!));
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('activeWithoutTimers: only active cooperations without rows', async () => {
    expect(await m.get(TimerRepository).activeWithoutTimers()).toEqual([]);
    await m.dataSource.query(`DELETE FROM cooperation_timers WHERE cooperation_id = $1`, [ids.yard]);
    expect(await m.get(TimerRepository).activeWithoutTimers()).toEqual([ids.yard]);
  });
});
