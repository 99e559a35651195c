import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HistoryRepository } from '../../history';
import { type ErasedPerson, withoutPerson } from '../domain';
import { CooperationRepository } from '../infrastructure/cooperation.repository';
import { IdempotencyRepository } from '../infrastructure/idempotency.repository';

/** An APPOINT_CONTACT of the history: which personal-data record named which token subject for whom. */
export interface Appointment {
  personRef: string;
  userSub: string;
  municipality: string | null;
}

/**
 * The copies of a person that personal-data erasure rewrites: the row's snapshot and the stored
 * answers that repeat it, each by path (`withoutPerson`). Erasure is no event of the cooperation,
 * so nothing here writes history or a new version (docs/personal-data.md).
 */
@Injectable()
export class CooperationCopies {
  constructor(
    private readonly cooperations: CooperationRepository,
    private readonly answers: IdempotencyRepository,
    private readonly history: HistoryRepository,
  ) {}

  /** Takes the cooperation's row lock as commands do: no command writes a copy until the caller commits. */
  async lock(tx: EntityManager, cooperationId: string): Promise<void> {
    await this.cooperations.lock(tx, cooperationId);
  }

  /** The cooperation's contact appointments as the history records them (reference and subject, never the name). */
  async appointments(tx: EntityManager, cooperationId: string): Promise<Appointment[]> {
    const entries = await this.history.payloadsOf(tx, cooperationId, 'APPOINT_CONTACT');
    return entries.flatMap(({ payload, actor }) => {
      const { personRef, userSub } = payload as { personRef?: unknown; userSub?: unknown };
      // Entries written before personal data left the chain carry no reference (docs/personal-data.md § Limits).
      return typeof personRef === 'string' && typeof userSub === 'string'
        ? [{ personRef, userSub, municipality: actor.municipality }]
        : [];
    });
  }

  /** Overwrites the person's copies in the caller's transaction, which holds the lock (`lock`). */
  async erasePerson(tx: EntityManager, cooperationId: string, person: ErasedPerson, erasedText: string): Promise<void> {
    const scrub = (context: unknown) => withoutPerson(context, person, erasedText);
    const current = await this.cooperations.find(cooperationId, tx);
    if (current) {
      await this.cooperations.overwriteSnapshot(tx, cooperationId, {
        ...current.state,
        context: scrub(current.state.context),
      });
    }
    for (const stored of await this.answers.ofCooperation(tx, cooperationId)) {
      const rewritten = withinAnswer(stored.body, scrub);
      if (JSON.stringify(rewritten) !== JSON.stringify(stored.body)) {
        await this.answers.overwriteBody(tx, stored.principalSub, stored.key, rewritten);
      }
    }
  }
}

/**
 * A stored answer with its snapshot's context rewritten: an opening's answer is the cooperation
 * view itself, an event's answer holds it in `cooperation` (cooperation-view.ts). The answer's
 * history entry holds no personal fields (only `personRef` and `personHash`).
 */
function withinAnswer(body: unknown, scrub: (context: unknown) => unknown): unknown {
  if (body === null || typeof body !== 'object') return body;
  const answer = body as { cooperation?: { context?: unknown }; context?: unknown };
  if (answer.cooperation && typeof answer.cooperation === 'object') {
    return { ...answer, cooperation: { ...answer.cooperation, context: scrub(answer.cooperation.context) } };
  }
  return 'context' in answer ? { ...answer, context: scrub(answer.context) } : body;
}
