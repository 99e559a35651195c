import { randomUUID } from 'node:crypto';
import type { Principal } from '../../src/auth/principal';
import { CooperationNotFound, EventRejected } from '../../src/cooperations/application/cooperations.errors';
import { ListCooperationsQuery } from '../../src/cooperations/application/list-cooperations.query';
import { CooperationsModule } from '../../src/cooperations/cooperations.module';
import { CooperationReader, VisibilityPolicy } from '../../src/cooperations';
import { GENESIS_HASH, HistoryRepository } from '../../src/history';
import {
  ACTIVE_STATE,
  AUDITOR,
  buildingYardSteps,
  COORD_HEEK,
  COORD_SCHOEPPINGEN,
} from '../fixtures/building-yard.scenario';
import { createTestModule, type TestModule } from '../support/test-module';
import { principalOf, stepNamed, UseCaseYard } from '../support/use-case-yard';

/** A coordinator of Ahaus (Kreis Borken too), which takes part in none of the file's cooperations. */
const AHAUS: Principal = { sub: 'coord-ahaus', role: 'coordinator', municipality: '05554004' };

let m: TestModule;
beforeAll(async () => {
  m = await createTestModule([CooperationsModule]);
});
afterAll(() => m.close());

describe('open and send events through the use cases: one chained history entry per accepted command', () => {
  it('the building yard up to entry into force: entries 1…n, each chained to the one before, and the chain verifies', async () => {
    const yard = new UseCaseYard(m);
    await yard.runUntil();
    const steps = buildingYardSteps();
    const history = m.get(HistoryRepository);
    const entries = await history.entries(yard.id);
    expect(entries.map((e) => e.eventType)).toEqual(['OPEN_COOPERATION', ...steps.map((s) => s.event.type)]);
    expect(entries.map((e) => e.sequence)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.map((e) => e.stateAfter)).toEqual([
      'partnerSearch',
      ...steps.map((s) => (s.name === 'put-into-force' ? ACTIVE_STATE : s.stateAfter)),
    ]);
    expect(entries[0]).toMatchObject({
      stateBefore: null,
      prevHash: GENESIS_HASH,
      actor: { sub: COORD_HEEK.sub, role: 'coordinator', municipality: COORD_HEEK.municipality },
    });
    for (let i = 1; i < entries.length; i++) expect(entries[i].prevHash).toBe(entries[i - 1].hash);
    expect(await history.verify(yard.id)).toMatchObject({ valid: true, entries: steps.length + 1 });
    // The snapshot's version counts the entries.
    expect((await m.get(CooperationReader).view(yard.id, principalOf(COORD_HEEK))).version).toBe(steps.length + 1);
  });

  it('a refused event writes no entry and no version', async () => {
    const yard = new UseCaseYard(m);
    await yard.open();
    yard.at(stepNamed('start-letter-of-intent').at);
    await expect(yard.send(COORD_HEEK, { type: 'START_LETTER_OF_INTENT' })).rejects.toBeInstanceOf(EventRejected);
    expect(await m.get(HistoryRepository).entries(yard.id)).toHaveLength(1);
    expect((await m.get(CooperationReader).view(yard.id, principalOf(COORD_HEEK))).version).toBe(1);
  });
});

describe('visibility: other municipalities get CooperationNotFound, as for an unknown id', () => {
  let yard: UseCaseYard;

  beforeAll(async () => {
    yard = new UseCaseYard(m);
    await yard.runUntil('accept-schoeppingen'); // Schöppingen is invited, not yet a partner
  });

  it.each([
    ['Ahaus (no part in it)', () => yard.id, AHAUS],
    ['an unknown id', () => randomUUID(), principalOf(COORD_HEEK)],
  ])('reader, policy and commands refuse %s', async (_name, id, principal) => {
    await expect(m.get(CooperationReader).read(id(), principal)).rejects.toBeInstanceOf(CooperationNotFound);
    await expect(m.get(VisibilityPolicy).assertVisible(id(), principal)).rejects.toBeInstanceOf(CooperationNotFound);
    const other = new UseCaseYard(m);
    other.id = id();
    await expect(other.send(principal, { type: 'ACCEPT_INVITATION' })).rejects.toBeInstanceOf(CooperationNotFound);
  });

  it('nothing was written by the refused callers', async () => {
    expect(await m.get(HistoryRepository).entries(yard.id)).toHaveLength(4);
  });

  it('members, invited municipalities and auditors see it; the list shows it only to them', async () => {
    for (const principal of [COORD_HEEK, COORD_SCHOEPPINGEN, AUDITOR].map(principalOf)) {
      await expect(m.get(VisibilityPolicy).assertVisible(yard.id, principal)).resolves.toBeUndefined();
      expect((await m.get(CooperationReader).view(yard.id, principal)).id).toBe(yard.id);
    }
    const list = m.get(ListCooperationsQuery);
    expect((await list.execute({ limit: 100 }, principalOf(COORD_SCHOEPPINGEN))).items.map((c) => c.id)).toContain(
      yard.id,
    );
    expect((await list.execute({ limit: 100 }, AHAUS)).items).toEqual([]);
  });
});
