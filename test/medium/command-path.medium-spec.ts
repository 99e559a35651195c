import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CooperationHeadHash1764750000001 } from '../../migrations/1764750000001-cooperation-head-hash';
import { CooperationsModule } from '../../src/cooperations/cooperations.module';
import { HistoryRepository } from '../../src/history';
import { createTestModule, type TestModule } from '../support/test-module';
import { ifMatch, stepNamed, UseCaseYard } from '../support/use-case-yard';

/*
 * The command path's statements (docs/performance.md, "four round trips"): the chain head is read
 * with the row lock from `cooperations.head_hash`, and the history entry, the snapshot and the
 * stored answer are written by one statement.
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
