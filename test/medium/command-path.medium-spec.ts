import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CooperationHeadHash1764750000001 } from '../../migrations/1764750000001-cooperation-head-hash';
import type { EventCommand } from '../../src/cooperations/application/send-event.use-case';
import { CooperationsModule } from '../../src/cooperations/cooperations.module';
import { HistoryRepository } from '../../src/history';
import { createTestModule, type TestModule } from '../support/test-module';
import { COORD_HEEK, COORD_LEGDEN, LOI_DRAFT } from '../fixtures/building-yard.scenario';
import { ifMatch, stepNamed, UseCaseYard } from '../support/use-case-yard';

/*
 * The command path's statements (docs/performance.md, "four round trips"): the chain head is read
 * with the row lock from `cooperations.head_hash`, and everything the command writes — history
 * entry, snapshot, stored answer, a contact's personal data, timers, the outbox row and the
 * reminders — is one statement.
 */

let m: TestModule;
beforeAll(async () => {
  m = await createTestModule([CooperationsModule]);
});
afterAll(() => m.close());

const headOf = async (id: string) =>
  (
    await m.dataSource.query<Array<{ version: number; head_hash: string | null }>>(
      `SELECT version, head_hash FROM cooperations WHERE id = $1`,
      [id],
    )
  )[0];

/** The text of every statement the server's connections send while `work` runs. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const original = Client.prototype.query;
  const spy = function (this: Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string };
    texts.push(typeof config === 'string' ? config : (config?.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  Client.prototype.query = spy as typeof Client.prototype.query;
  try {
    await work();
  } finally {
    Client.prototype.query = original;
  }
  return texts.map((t) => t.replace(/\s+/g, ' ').trim());
}

describe('the command path', () => {
  it('keeps the chain head on the row: head_hash is the hash of entry `version` after every command', async () => {
    const yard = new UseCaseYard(m);
    await yard.runUntil('accept-legden');
    const entries = await m.get(HistoryRepository).entries(yard.id);
    const row = await headOf(yard.id);
    expect(row.version).toBe(entries.length);
    expect(row.head_hash).toBe(entries.at(-1)!.hash);
  });

  it('reads the head with the lock and writes entry, snapshot and stored answer in one statement', async () => {
    const yard = new UseCaseYard(m);
    await yard.runUntil('invite-schoeppingen');
    const step = stepNamed('invite-schoeppingen');
    yard.at(step.at);
    const key = randomUUID();
    const texts = await statementsOf(() =>
      yard.send(step.actor, step.event, { idempotencyKey: key, ...ifMatch(yard.version) }),
    );
    const touching = (table: string) => texts.filter((t) => t.includes(table));
    // No separate read of the chain head, and no separate lookup or insert of the stored answer.
    expect(touching('cooperation_history')).toHaveLength(1);
    expect(touching('idempotency_keys')).toHaveLength(2);
    const [lock, write] = touching('idempotency_keys');
    expect(lock).toMatch(/^SELECT .* FROM cooperations c LEFT JOIN idempotency_keys .* FOR UPDATE OF c$/);
    expect(write).toMatch(
      /^WITH .*INSERT INTO cooperation_history .*INSERT INTO idempotency_keys .*UPDATE cooperations/,
    );
    expect(touching('cooperations ')).toEqual([lock, write]);
    const retry = await yard.send(step.actor, step.event, { idempotencyKey: key, ...ifMatch(yard.version - 1) });
    expect(retry.replayed).toBe(true);
    expect(await m.get(HistoryRepository).verify(yard.id)).toMatchObject({ valid: true, entries: yard.version });
  });

  it("the bench's event, APPOINT_CONTACT, is four round trips: BEGIN, the lock, one write, COMMIT", async () => {
    const yard = new UseCaseYard(m);
    await yard.runUntil('appoint-contact-heek');
    const step = stepNamed('appoint-contact-heek');
    yard.at(step.at);
    const texts = await statementsOf(() => yard.send(step.actor, step.event));
    expect(texts).toHaveLength(4);
    const [begin, lock, write, commit] = texts;
    expect(begin).toMatch(/^(START TRANSACTION|BEGIN)/);
    expect(lock).toMatch(/^SELECT .* FROM cooperations c WHERE .* FOR UPDATE OF c$/);
    // The contact's record and the outbox row in the write; no reminders (none expected before or after).
    expect(write).toMatch(
      /^WITH .*INSERT INTO cooperation_history .*INSERT INTO personal_data .*INSERT INTO notification_outbox .*UPDATE cooperations/,
    );
    expect(write).not.toContain('notification_reminders');
    expect(write).not.toContain('cooperation_timers');
    expect(commit).toBe('COMMIT');
    const personRef = (
      await m.dataSource.query<Array<{ ref: string }>>(
        `SELECT state #>> '{context,contacts,${COORD_HEEK.municipality},personRef}' AS ref FROM cooperations WHERE id = $1`,
        [yard.id],
      )
    )[0].ref;
    const [record] = await m.dataSource.query<Array<{ cooperation_id: string; fields: { name: string } }>>(
      `SELECT cooperation_id, fields FROM personal_data WHERE id = $1`,
      [personRef],
    );
    expect(record).toMatchObject({ cooperation_id: yard.id, fields: { name: (step.event as { name: string }).name } });
    // One outbox row per history entry.
    const [{ n }] = await m.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM notification_outbox WHERE cooperation_id = $1`,
      [yard.id],
    );
    expect(n).toBe(yard.version);
  });

  it('timers and reminders are written in the one statement, and only when they change', async () => {
    const yard = new UseCaseYard(m);
    await yard.runUntil('put-into-force');
    const intoForce = await statementsOf(() => yard.step(stepNamed('put-into-force')));
    const touching = (texts: string[], table: string) => texts.filter((t) => t.includes(table));
    const [write] = touching(intoForce, 'INSERT INTO cooperation_history');
    expect(write).toMatch(
      /INSERT INTO cooperation_timers .*DELETE FROM notification_reminders .*INSERT INTO notification_reminders/,
    );
    for (const table of ['cooperation_timers', 'notification_reminders', 'notification_outbox']) {
      expect(touching(intoForce, table)).toEqual([write]);
    }
    const reminders = () =>
      m.dataSource.query<Array<{ timer_key: string; lead_days: number; remind_at: Date; notice: object }>>(
        `SELECT timer_key, lead_days, remind_at, notice FROM notification_reminders WHERE cooperation_id = $1
          ORDER BY timer_key, lead_days`,
        [yard.id],
      );
    const inForce = await reminders();
    expect(inForce.map((r) => r.timer_key)).toContain(`report-due:${COORD_HEEK.municipality}:2027-Q1`);

    // The report came in: its reminders are no longer expected and go, in the write.
    yard.at(new Date('2027-03-20T08:00:00Z'));
    const values = LOI_DRAFT.successCriteria.map((c, i) => ({ indicator: c.indicator, value: i }));
    const submit: EventCommand = {
      type: 'SUBMIT_REPORT',
      period: '2027-Q1',
      narrative: 'Quartalsbericht 2027-Q1',
      values,
    };
    const submitted = await statementsOf(() => yard.send(COORD_HEEK, submit));
    expect(touching(submitted, 'notification_reminders')).toHaveLength(1);
    const afterReport = await reminders();
    expect(afterReport.map((r) => r.timer_key)).not.toContain(`report-due:${COORD_HEEK.municipality}:2027-Q1`);
    expect(afterReport.length).toBeLessThan(inForce.length);

    // An acknowledgement changes no deadline: no reminder fragment, the rows stay as they are.
    yard.at(new Date('2027-03-20T10:00:00Z'));
    const acknowledged = await statementsOf(() =>
      yard.send(COORD_LEGDEN, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1' }),
    );
    expect(touching(acknowledged, 'notification_reminders')).toEqual([]);
    expect(touching(acknowledged, 'cooperation_timers')).toEqual([]);
    expect(touching(acknowledged, 'INSERT INTO notification_outbox')).toHaveLength(1);
    expect(await reminders()).toEqual(afterReport);
  });

  it('a row without head_hash (restored from an older backup) chains its next entry from the history', async () => {
    const yard = new UseCaseYard(m);
    await yard.runUntil('invite-schoeppingen');
    await m.dataSource.query(`UPDATE cooperations SET head_hash = NULL WHERE id = $1`, [yard.id]);
    const outcome = await yard.step(stepNamed('invite-schoeppingen'));
    const entries = await m.get(HistoryRepository).entries(yard.id);
    expect(outcome.answer.entry.prevHash).toBe(entries.at(-2)!.hash);
    expect((await headOf(yard.id)).head_hash).toBe(entries.at(-1)!.hash);
    expect(await m.get(HistoryRepository).verify(yard.id)).toMatchObject({ valid: true, entries: entries.length });
  });

  it('the migration backfills head_hash from the history', async () => {
    const yard = new UseCaseYard(m);
    await yard.runUntil('invite-schoeppingen');
    const entries = await m.get(HistoryRepository).entries(yard.id);
    // One connection on the embedded default: everything below goes through the runner.
    const runner = m.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      const migration = new CooperationHeadHash1764750000001();
      await migration.down(runner);
      await migration.up(runner);
      const [row] = (await runner.query(`SELECT head_hash FROM cooperations WHERE id = $1`, [yard.id])) as Array<{
        head_hash: string;
      }>;
      expect(row.head_hash).toBe(entries.at(-1)!.hash);
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
