import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ApplicationError } from '../../common/errors';
import { isUniqueViolation } from '../../database/postgres-errors';
import { Metrics } from '../../metrics';
import {
  type AnswerProbe,
  IdempotencyRepository,
  isIdempotencyKeyViolation,
  type JoinedAnswer,
  type StoredAnswer,
} from '../infrastructure/idempotency.repository';
import { ConcurrentUpdate, EventRejected, IdempotencyKeyReused, VersionMismatch } from './cooperations.errors';

/** `If-Match`: any version, or one of these. */
export interface VersionPrecondition {
  any: boolean;
  versions: number[];
}

/** What a command carries besides its body. */
export interface CommandMeta {
  requestId: string | null;
  idempotencyKey?: string;
  /** What makes a retry "the same request" for the idempotency key (the edge computes it). */
  fingerprint: string;
  precondition?: VersionPrecondition;
}

export interface CommandOutcome<T> {
  answer: T;
  cooperationId: string;
  version: number;
  /** A new cooperation (not an event on an existing one). */
  created: boolean;
  /** The stored answer to an earlier request with the same key: nothing was written now. */
  replayed: boolean;
}

type Fresh<T> = Omit<CommandOutcome<T>, 'replayed'>;

/**
 * Runs one command in one transaction, and owns what every command shares: the stored answers of
 * `Idempotency-Key` requests, the `If-Match` check, and its metrics (latency, accepted or refused
 * by kind and unmet obligation; a replayed answer decides nothing and is not counted as an event). Only accepted commands store their answer:
 * a refusal wrote nothing, so its retry is decided afresh (it may pass once the missing facts are
 * recorded).
 */
@Injectable()
export class CommandRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly answers: IdempotencyRepository,
    private readonly metrics: Metrics,
  ) {}

  /**
   * A unique violation on the idempotency key means a concurrent request with the same key
   * committed first (its event is applied, ours rolled back): its stored answer is ours too.
   */
  async run<T>(
    command: string,
    principalSub: string,
    meta: CommandMeta,
    work: (tx: EntityManager) => Promise<CommandOutcome<T>>,
  ): Promise<CommandOutcome<T>> {
    return this.metrics.timeCommand(
      command,
      async () => {
        try {
          const outcome = await this.transaction(principalSub, meta, work);
          if (!outcome.replayed) this.metrics.eventDecided(command, 'accepted');
          return outcome;
        } catch (error) {
          if (error instanceof EventRejected) {
            const { kind, unmet } = error.rejection;
            this.metrics.eventDecided(
              command,
              kind,
              unmet?.map((o) => o.id),
            );
          }
          throw error;
        }
      },
      (error) => error instanceof ApplicationError,
    );
  }

  private async transaction<T>(
    principalSub: string,
    meta: CommandMeta,
    work: (tx: EntityManager) => Promise<CommandOutcome<T>>,
  ): Promise<CommandOutcome<T>> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (meta.idempotencyKey && isIdempotencyKeyViolation(error)) {
        const stored = await this.answers.find(principalSub, meta.idempotencyKey);
        if (stored) return replay<T>(stored, meta.fingerprint);
      }
      if (isUniqueViolation(error)) throw new ConcurrentUpdate();
      throw error;
    }
  }

  /** What the locking read of an event looks up besides the row (the caller's stored answer), if anything. */
  answerProbe(principalSub: string, meta: CommandMeta): AnswerProbe | undefined {
    return meta.idempotencyKey
      ? { principalSub, key: meta.idempotencyKey, retentionHours: this.answers.retentionHours }
      : undefined;
  }

  /**
   * The stored answer of an earlier request with this key, or null; IdempotencyKeyReused if that
   * request was another. With `cooperationId` (a cooperation the caller does not see), an answer
   * about any other cooperation counts as none: it must not tell the caller that this one exists.
   * `joined` is the answer the locking read found (`answerProbe`); without it, it is looked up.
   */
  async replayed<T>(
    tx: EntityManager,
    principalSub: string,
    meta: CommandMeta,
    cooperationId?: string,
    joined?: JoinedAnswer | null,
  ): Promise<CommandOutcome<T> | null> {
    if (!meta.idempotencyKey) return null;
    let stored: StoredAnswer | null;
    if (joined === undefined) {
      stored = await this.answers.find(principalSub, meta.idempotencyKey, tx);
    } else if (joined?.expired) {
      await this.answers.removeIfExpired(tx, principalSub, meta.idempotencyKey);
      stored = null;
    } else {
      stored = joined;
    }
    if (!stored || (cooperationId !== undefined && cooperationOf(stored.body).id !== cooperationId)) return null;
    return replay<T>(stored, meta.fingerprint);
  }

  /** Throws VersionMismatch unless the command's `If-Match` names the current version. */
  checkPrecondition(meta: CommandMeta, currentVersion: number): void {
    const p = meta.precondition;
    if (!p || p.any || p.versions.includes(currentVersion)) return;
    throw new VersionMismatch(currentVersion);
  }

  /** An accepted command whose answer the DecisionRecorder stored with its writes (`DecisionRecorder.event`). */
  recorded<T>(outcome: Fresh<T>): CommandOutcome<T> {
    return { ...outcome, replayed: false };
  }

  /** Stores the answer of an accepted command sent with a key, in its transaction. */
  async accepted<T>(
    tx: EntityManager,
    principalSub: string,
    meta: CommandMeta,
    outcome: Fresh<T>,
  ): Promise<CommandOutcome<T>> {
    if (meta.idempotencyKey) {
      await this.answers.insert(tx, principalSub, meta.idempotencyKey, {
        fingerprint: meta.fingerprint,
        created: outcome.created,
        body: outcome.answer,
      });
    }
    return { ...outcome, replayed: false };
  }
}

/** The cooperation a stored answer is about: an event's answer names it, an opening's answer is it. */
function cooperationOf(body: unknown): { id: string; version: number } {
  const answer = body as { id?: string; version?: number; cooperation?: { id: string; version: number } };
  return answer.cooperation ?? (answer as { id: string; version: number });
}

function replay<T>(stored: StoredAnswer, fingerprint: string): CommandOutcome<T> {
  if (stored.fingerprint !== fingerprint) throw new IdempotencyKeyReused();
  const cooperation = cooperationOf(stored.body);
  return {
    answer: stored.body as T,
    cooperationId: cooperation.id,
    version: cooperation.version,
    created: stored.created,
    replayed: true,
  };
}
