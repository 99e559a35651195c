import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PersistedState } from '../domain';
import { CooperationRepository } from '../infrastructure/cooperation.repository';
import { IdempotencyRepository } from '../infrastructure/idempotency.repository';

/**
 * The copies of a cooperation's snapshot that personal-data erasure rewrites: the row's snapshot
 * and the stored answers that repeat it. Erasure is no event of the cooperation, so nothing here
 * writes history or a new version (docs/personal-data.md).
 */
@Injectable()
export class CooperationCopies {
  constructor(
    private readonly cooperations: CooperationRepository,
    private readonly answers: IdempotencyRepository,
  ) {}

  /** Takes the cooperation's row lock as commands do: no command writes a copy until the caller commits. */
  async lock(tx: EntityManager, cooperationId: string): Promise<void> {
    await this.cooperations.lock(tx, cooperationId);
  }

  /** Rewrites both kinds of copy in the caller's transaction, which holds the lock (`lock`). */
  async rewrite(
    tx: EntityManager,
    cooperationId: string,
    snapshot: (state: PersistedState) => PersistedState,
    answer: (body: unknown) => unknown,
  ): Promise<void> {
    const current = await this.cooperations.find(cooperationId, tx);
    if (current) await this.cooperations.overwriteSnapshot(tx, cooperationId, snapshot(current.state));
    for (const stored of await this.answers.ofCooperation(tx, cooperationId)) {
      const rewritten = answer(stored.body);
      if (JSON.stringify(rewritten) !== JSON.stringify(stored.body)) {
        await this.answers.overwriteBody(tx, stored.principalSub, stored.key, rewritten);
      }
    }
  }
}
