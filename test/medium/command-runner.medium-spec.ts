import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  IdempotencyKeyReused,
  CooperationNotFound,
  EventRejected,
  VersionMismatch,
} from '../../src/cooperations/application/cooperations.errors';
import { OpenCooperationUseCase } from '../../src/cooperations/application/open-cooperation.use-case';
import { CooperationsModule } from '../../src/cooperations/cooperations.module';
import { HistoryRepository } from '../../src/history';
import { COORD_HEEK, COORD_LEGDEN, LOI_DRAFT } from '../fixtures/building-yard.scenario';
import { createTestModule, type TestModule } from '../support/test-module';
import { ifMatch, openingCommand, openingMeta, principalOf, stepNamed, UseCaseYard } from '../support/use-case-yard';

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const sequences = async (m: TestModule, id: string) =>
  (await m.get(HistoryRepository).entries(id)).map((e) => e.sequence);
const countCooperations = async (m: TestModule, title: string) =>
  (
    await m
      .get(DataSource)
      .query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM cooperations WHERE title = $1`, [title])
  )[0].n;

/** Settles every promise and returns the outcomes and the errors, in order. */
const settle = async <T>(work: Array<Promise<T>>) => {
  const results = await Promise.allSettled(work);
  return {
    fulfilled: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    rejected: results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : [])),
  };
};

// One module for the file: starting the embedded database and migrating it is the slow part.
let m: TestModule;
beforeAll(async () => {
  m = await createTestModule([CooperationsModule]);
});
afterAll(() => m.close());

describe('the command runner: Idempotency-Key and If-Match', () => {
  let yard: UseCaseYard;

  beforeAll(() => {
    yard = new UseCaseYard(m);
  });

  it('a retried creation returns the original answer and opens nothing twice; another body is IdempotencyKeyReused', async () => {
    const key = randomUUID();
    const first = await yard.open({ idempotencyKey: key });
    expect(first).toMatchObject({ created: true, replayed: false, version: 1 });
    const retry = await yard.open({ idempotencyKey: key });
    expect(retry).toEqual({ ...first, replayed: true });
    const other = { ...openingCommand(), title: 'Ein anderer Titel' };
    await expect(
      m
        .get(OpenCooperationUseCase)
        .execute(other, principalOf(COORD_HEEK), openingMeta(other, { idempotencyKey: key })),
    ).rejects.toBeInstanceOf(IdempotencyKeyReused);
    expect(await countCooperations(m, openingCommand().title)).toBe(1);
    expect(await countCooperations(m, other.title)).toBe(0);
  });

  it('a retried event returns the original answer and writes nothing, even with its now stale If-Match', async () => {
    yard.at(stepNamed('invite-legden').at);
    const key = randomUUID();
    const meta = { idempotencyKey: key, ...ifMatch(1) };
    const body = { type: 'INVITE_PARTNER', municipality: '05554036' } as const;
    const first = await yard.send(COORD_HEEK, body, meta);
    expect(first).toMatchObject({ replayed: false, version: 2 });
    expect(first.answer.entry.idempotencyKey).toBe(key);
    const retry = await yard.send(COORD_HEEK, body, meta);
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await sequences(m, yard.id)).toEqual([1, 2]);

    await expect(yard.send(COORD_HEEK, { ...body, municipality: '05554052' }, meta)).rejects.toBeInstanceOf(
      IdempotencyKeyReused,
    );
    // The same key on another resource is another request too.
    const elsewhere = new UseCaseYard(m);
    elsewhere.id = randomUUID();
    await expect(elsewhere.send(COORD_HEEK, body, { idempotencyKey: key })).rejects.toBeInstanceOf(CooperationNotFound);
    expect(await sequences(m, yard.id)).toEqual([1, 2]);

    // Keys belong to their caller: Legden's use of the same key is its own request.
    yard.at(stepNamed('accept-legden').at);
    expect(await yard.send(COORD_LEGDEN, { type: 'ACCEPT_INVITATION' }, { idempotencyKey: key })).toMatchObject({
      replayed: false,
      version: 3,
    });
    expect(await sequences(m, yard.id)).toEqual([1, 2, 3]);
  });

  it('a refused request is not remembered: its retry is decided afresh', async () => {
    const key = randomUUID();
    const start = () => yard.send(COORD_HEEK, { type: 'START_LETTER_OF_INTENT' }, { idempotencyKey: key });
    const refused = await start().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EventRejected);
    expect((refused as EventRejected).rejection.kind).toBe('obligations-unmet');
    expect((refused as EventRejected).rejection.unmet!.map((o) => o.id)).toEqual(['OBL-CONTACT-AUTHORITY']);
    for (const name of ['appoint-contact-heek', 'appoint-contact-legden']) await yard.step(stepNamed(name));
    const passed = await start();
    expect(passed.answer.cooperation.state).toBe('letterOfIntent');
    expect(await start()).toEqual({ ...passed, replayed: true });
    expect(await sequences(m, yard.id)).toEqual(oneToN(6));
  });

  it('If-Match: a stale version is VersionMismatch naming the current one and writes nothing; * and a list match', async () => {
    // Appointing a contact again is accepted in any phase: a fine probe of the precondition alone.
    const { actor, event } = stepNamed('appoint-contact-heek');
    const current = yard.version;
    const mismatch = await yard.send(actor, event, ifMatch(current - 1)).catch((e: unknown) => e);
    expect(mismatch).toBeInstanceOf(VersionMismatch);
    expect((mismatch as VersionMismatch).currentVersion).toBe(current);
    expect((mismatch as VersionMismatch).extensions()).toEqual({ currentVersion: current });
    expect(await sequences(m, yard.id)).toEqual(oneToN(current));
    expect((await yard.send(actor, event, { precondition: { any: false, versions: [1, current] } })).version).toBe(
      current + 1,
    );
    expect((await yard.send(actor, event, { precondition: { any: true, versions: [] } })).version).toBe(current + 2);
  });
});

/*
 * On PostgreSQL the commands race for real; on the embedded database (one connection) they queue
 * for the pool, so the same assertions check that a queued command decides on the state its
 * predecessor committed.
 */
describe('concurrent commands on one cooperation', () => {
  /** A building yard whose START_LETTER_OF_INTENT would now pass. */
  const readyToStart = async () => {
    const yard = new UseCaseYard(m);
    await yard.runUntil('start-letter-of-intent');
    yard.at(stepNamed('start-letter-of-intent').at);
    return yard;
  };

  it.each([
    ['without If-Match', false, EventRejected],
    ['with If-Match', true, VersionMismatch],
  ])(
    '20 concurrent phase exits %s: exactly one applies, the others are refused',
    async (_name, withIfMatch, refusal) => {
      const yard = await readyToStart();
      const before = yard.version;
      const { fulfilled, rejected } = await settle(
        Array.from({ length: 20 }, () =>
          yard.send(
            COORD_HEEK,
            { type: 'START_LETTER_OF_INTENT' },
            { idempotencyKey: randomUUID(), ...(withIfMatch ? ifMatch(before) : {}) },
          ),
        ),
      );
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(19);
      for (const error of rejected) expect(error).toBeInstanceOf(refusal);
      if (!withIfMatch) {
        expect(new Set(rejected.map((e) => (e as EventRejected).rejection.kind))).toEqual(
          new Set(['event-not-allowed']),
        );
      }
      expect(await sequences(m, yard.id)).toEqual(oneToN(before + 1));
      expect(fulfilled[0].answer.cooperation).toMatchObject({ state: 'letterOfIntent', version: before + 1 });
      expect(await m.get(HistoryRepository).verify(yard.id)).toMatchObject({ valid: true, entries: before + 1 });
    },
  );

  it('5 concurrent retries with one key: one history entry, five identical answers', async () => {
    const yard = await readyToStart();
    await yard.step(stepNamed('start-letter-of-intent'));
    const before = yard.version;
    yard.at(stepNamed('draft-loi').at);
    const key = randomUUID();
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => yard.send(COORD_HEEK, LOI_DRAFT, { idempotencyKey: key, ...ifMatch(before) })),
    );
    for (const o of outcomes) expect(o.answer).toEqual(outcomes[0].answer);
    expect(outcomes.filter((o) => o.replayed)).toHaveLength(4);
    const entries = await m.get(HistoryRepository).entries(yard.id);
    expect(entries.filter((e) => e.idempotencyKey === key)).toHaveLength(1);
    expect(entries.map((e) => e.sequence)).toEqual(oneToN(before + 1));
    expect(await m.get(HistoryRepository).verify(yard.id)).toMatchObject({ valid: true, entries: before + 1 });
  });

  it('5 concurrent creations with one key open one cooperation', async () => {
    const legden = { sub: 'coord-legden-2', role: 'coordinator' as const, municipality: '05554036' };
    const body = { ...openingCommand(), title: 'Gemeinsames Standesamt' };
    const meta = openingMeta(body, { idempotencyKey: randomUUID() });
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => m.get(OpenCooperationUseCase).execute(body, legden, meta)),
    );
    for (const o of outcomes) expect(o.answer).toEqual(outcomes[0].answer);
    expect(outcomes.map((o) => o.created)).toEqual([true, true, true, true, true]);
    expect(outcomes.filter((o) => o.replayed)).toHaveLength(4);
    expect(await countCooperations(m, 'Gemeinsames Standesamt')).toBe(1);
  });

  it('serializes different events on one cooperation without losing any', async () => {
    const yard = await readyToStart();
    const before = yard.version;
    // Appointing contacts again (people change jobs) from all three municipalities at once.
    const appointments = ['appoint-contact-heek', 'appoint-contact-legden', 'appoint-contact-schoeppingen'].map(
      stepNamed,
    );
    const outcomes = await Promise.all([...appointments, ...appointments].map((s) => yard.send(s.actor, s.event)));
    expect(outcomes.map((o) => o.version).sort((a, b) => a - b)).toEqual(oneToN(6).map((i) => before + i));
    expect(await sequences(m, yard.id)).toEqual(oneToN(before + 6));
    expect((await m.get(HistoryRepository).verify(yard.id)).valid).toBe(true);
  });

  it('the fingerprint covers the resource: one key on two cooperations is IdempotencyKeyReused on the second', async () => {
    const a = await readyToStart();
    const b = await readyToStart();
    const key = randomUUID();
    const body = { type: 'START_LETTER_OF_INTENT' } as const;
    await a.send(COORD_HEEK, body, { idempotencyKey: key });
    await expect(b.send(COORD_HEEK, body, { idempotencyKey: key })).rejects.toBeInstanceOf(IdempotencyKeyReused);
  });
});
