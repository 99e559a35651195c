import { randomUUID } from 'node:crypto';
import { CooperationReader } from '../../src/cooperations';
import { ErasePersonUseCase } from '../../src/personal-data/application/erase-person.use-case';
import { AlreadyErased, PersonalDataNotFound } from '../../src/personal-data/application/personal-data.errors';
import { PersonalDataModule } from '../../src/personal-data/personal-data.module';
import { HistoryRepository } from '../../src/history';
import { AUDITOR, COORD_HEEK, COORD_LEGDEN } from '../fixtures/building-yard.scenario';
import { createTestModule, type TestModule } from '../support/test-module';
import { principalOf, stepNamed, UseCaseYard } from '../support/use-case-yard';

const NAME = 'Anna Brüning';
const EMAIL = 'coord-heek@example.org';
const ADMIN = { sub: 'admin-it-nrw', role: 'admin' as const };
const REASON = 'Antrag nach Art. 17 DSGVO vom 02.03.2027';

let m: TestModule;
beforeAll(async () => {
  m = await createTestModule([PersonalDataModule]);
});
afterAll(() => m.close());

/** A building yard with its contacts appointed; Heek's contact is Anna Brüning. */
async function withContacts() {
  const yard = new UseCaseYard(m);
  await yard.runUntil('start-letter-of-intent');
  const appointment = (await m.get(HistoryRepository).entries(yard.id)).find(
    (e) => e.eventType === 'APPOINT_CONTACT' && e.actor.municipality === COORD_HEEK.municipality,
  )!;
  return { yard, appointment, personRef: (appointment.payload as { personRef: string }).personRef };
}

/** Rows of `table` whose `column` still holds the name or the e-mail address. */
const holding = async (table: string, column: string) =>
  (
    await m.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM ${table} WHERE ${column}::text LIKE '%' || $1 || '%' OR ${column}::text LIKE '%' || $2 || '%'`,
      [NAME, EMAIL],
    )
  )[0].n;

describe('ErasePersonUseCase', () => {
  it('erases the fields, the salt and every copy, without a new version; the chain stays as it was', async () => {
    const { yard, personRef } = await withContacts();
    const reader = m.get(CooperationReader);
    const before = await reader.view(yard.id, principalOf(AUDITOR));
    const chainBefore = await m.get(HistoryRepository).verify(yard.id);
    expect(before.context.contacts[COORD_HEEK.municipality!]).toMatchObject({ name: NAME, email: EMAIL, personRef });

    m.clock.set('2027-03-02T10:00:00Z');
    const erased = await m.get(ErasePersonUseCase).execute(personRef, REASON, ADMIN);
    expect(erased).toMatchObject({
      id: personRef,
      cooperationId: yard.id,
      fields: { erased: true },
      erasure: { at: '2027-03-02T10:00:00.000Z', by: ADMIN, reason: REASON },
    });
    const [row] = await m.dataSource.query(`SELECT fields, salt FROM personal_data WHERE id = $1`, [personRef]);
    expect(row).toEqual({ fields: { erased: true }, salt: null });
    for (const [table, column] of [
      ['cooperations', 'state'],
      ['cooperation_history', 'payload'],
      ['idempotency_keys', 'response_body'],
      ['personal_data', 'fields'],
    ]) {
      expect({ table, n: await holding(table, column) }).toEqual({ table, n: 0 });
    }

    const after = await reader.view(yard.id, principalOf(AUDITOR));
    expect(after.context.contacts[COORD_HEEK.municipality!]).toMatchObject({ erased: true, personRef });
    expect(after.context.contacts[COORD_HEEK.municipality!]).not.toHaveProperty('email');
    // Erasure is no event of the cooperation (docs/personal-data.md): same version, same chain.
    expect(after.version).toBe(before.version);
    expect(await m.get(HistoryRepository).verify(yard.id)).toEqual(chainBefore);
  });

  it('a retry of the original appointment gets its stored answer, scrubbed', async () => {
    const { yard, appointment, personRef } = await withContacts();
    await m.get(ErasePersonUseCase).execute(personRef, REASON, ADMIN);
    const step = stepNamed('appoint-contact-heek');
    const replay = await yard.send(step.actor, step.event, { idempotencyKey: appointment.idempotencyKey! });
    expect(replay.replayed).toBe(true);
    expect(JSON.stringify(replay.answer)).not.toContain(NAME);
    expect(JSON.stringify(replay.answer)).not.toContain(EMAIL);
  });

  it('AlreadyErased names the first erasure; an unknown record is PersonalDataNotFound', async () => {
    const { personRef } = await withContacts();
    await m.get(ErasePersonUseCase).execute(personRef, REASON, ADMIN);
    const again = await m
      .get(ErasePersonUseCase)
      .execute(personRef, 'nochmal', ADMIN)
      .catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AlreadyErased);
    expect((again as AlreadyErased).extensions()).toMatchObject({ erasure: { reason: REASON } });
    await expect(m.get(ErasePersonUseCase).execute(randomUUID(), REASON, ADMIN)).rejects.toBeInstanceOf(
      PersonalDataNotFound,
    );
  });

  it('an erasure and a command on the same cooperation at once: neither undoes the other', async () => {
    const { yard, personRef } = await withContacts();
    const before = yard.version;
    const { actor, event } = stepNamed('appoint-contact-legden');
    const [, command] = await Promise.all([
      m.get(ErasePersonUseCase).execute(personRef, REASON, ADMIN),
      yard.send(actor, event),
    ]);
    expect(command.version).toBe(before + 1);
    const view = await m.get(CooperationReader).view(yard.id, principalOf(COORD_LEGDEN));
    expect(JSON.stringify(view)).not.toContain(NAME);
    expect(view.context.contacts[COORD_HEEK.municipality!]).toMatchObject({ erased: true, personRef });
    expect(view.version).toBe(before + 1);
  });
});
