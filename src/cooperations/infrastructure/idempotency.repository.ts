import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../../config/configuration';
import { DataSource, type EntityManager } from 'typeorm';
import { sqlState } from '../../database/postgres-errors';
import { type Bind, Bindings } from '../../database/prepared';
import { IdempotencyRecord } from './idempotency-key.entity';

/** The stored answer to an accepted request sent with `Idempotency-Key`. */
export interface StoredAnswer {
  fingerprint: string;
  /** The answer created a cooperation (rather than applying an event to one). */
  created: boolean;
  body: unknown;
}

/** A stored answer as the command's locking read found it, expired or not. */
export type JoinedAnswer = StoredAnswer & { expired: boolean };

/** Which stored answer the locking read looks up: the caller's, under its key. */
export interface AnswerProbe {
  principalSub: string;
  key: string;
  retentionHours: number;
}

/**
 * The stored-answer lookup as a join of the command's locking read (one round trip, not two):
 * the columns it adds and the join; `answer.*` are parsed by `joinedAnswer`.
 */
export function answerJoin(probe: AnswerProbe, bind: Bind): { columns: string; join: string } {
  return {
    columns: `a.fingerprint AS answer_fingerprint, a.response_status AS answer_status, a.response_body AS answer_body,
      a.created_at < now() - make_interval(hours => ${bind(probe.retentionHours)}::int) AS answer_expired`,
    join: `LEFT JOIN idempotency_keys a ON a.principal_sub = ${bind(probe.principalSub)} AND a.key = ${bind(probe.key)}::uuid`,
  };
}

export interface JoinedAnswerColumns {
  answer_fingerprint: string | null;
  answer_status: number | null;
  answer_body: unknown;
  answer_expired: boolean | null;
}

export const joinedAnswer = (row: JoinedAnswerColumns): JoinedAnswer | null =>
  row.answer_fingerprint === null
    ? null
    : {
        fingerprint: row.answer_fingerprint,
        created: row.answer_status === CREATED_STATUS,
        body: row.answer_body,
        expired: row.answer_expired === true,
      };

/*
 * `response_status` predates the layering and holds the HTTP status the answer was given with;
 * these two values are the only ones a command answers with, and this file is their one mapping.
 */
const CREATED_STATUS = 201;
const APPLIED_STATUS = 200;

/**
 * All SQL of `idempotency_keys`: the stored answers, per caller (`sub`) and key, for
 * IDEMPOTENCY_RETENTION_HOURS after they were given (by the database's clock).
 */
@Injectable()
export class IdempotencyRepository {
  readonly retentionHours: number;

  constructor(
    private readonly dataSource: DataSource,
    config: ConfigService<Environment, true>,
  ) {
    this.retentionHours = config.get('IDEMPOTENCY_RETENTION_HOURS', { infer: true });
  }

  /**
   * The stored answer, unless it has expired: an expired one is removed here (in the caller's
   * transaction), so that the request is decided afresh and its answer can be stored again.
   */
  async find(
    principalSub: string,
    key: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<StoredAnswer | null> {
    await this.removeIfExpired(tx, principalSub, key);
    const stored = await tx.findOneBy(IdempotencyRecord, { principalSub, key });
    return stored
      ? {
          fingerprint: stored.fingerprint,
          created: stored.responseStatus === CREATED_STATUS,
          body: stored.responseBody,
        }
      : null;
  }

  /** Removes the answer if it has expired, so that the request is decided afresh and stored again. */
  async removeIfExpired(tx: EntityManager, principalSub: string, key: string): Promise<void> {
    await tx.query(
      `DELETE FROM idempotency_keys
        WHERE principal_sub = $1 AND key = $2 AND created_at < now() - make_interval(hours => $3)`,
      [principalSub, key, this.retentionHours],
    );
  }

  async insert(tx: EntityManager, principalSub: string, key: string, answer: StoredAnswer): Promise<void> {
    const { values, bind } = new Bindings();
    await tx.query(insertAnswerSql(principalSub, key, answer, bind), values);
  }

  /** Removes up to `batch` expired answers (short statements: the embedded database has one connection). */
  async removeExpired(batch: number): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM idempotency_keys WHERE (principal_sub, key) IN (
         SELECT principal_sub, key FROM idempotency_keys
          WHERE created_at < now() - make_interval(hours => $1) LIMIT $2)`,
      [this.retentionHours, batch],
    );
    return count;
  }

  /** Stored answers that repeat a cooperation's snapshot (its events' and its opening's). */
  async ofCooperation(
    tx: EntityManager,
    cooperationId: string,
  ): Promise<Array<{ principalSub: string; key: string; body: unknown }>> {
    const rows = await tx.query<Array<{ principal_sub: string; key: string; response_body: unknown }>>(
      `SELECT principal_sub, key, response_body FROM idempotency_keys
        WHERE response_body->'cooperation'->>'id' = $1 OR response_body->>'id' = $1`,
      [cooperationId],
    );
    return rows.map((r) => ({ principalSub: r.principal_sub, key: r.key, body: r.response_body }));
  }

  async overwriteBody(tx: EntityManager, principalSub: string, key: string, body: unknown): Promise<void> {
    await tx.query(`UPDATE idempotency_keys SET response_body = $3 WHERE principal_sub = $1 AND key = $2`, [
      principalSub,
      key,
      JSON.stringify(body),
    ]);
  }
}

/** The INSERT of a stored answer, parameters bound by `bind`: a fragment of the command's write. */
export const insertAnswerSql = (principalSub: string, key: string, answer: StoredAnswer, bind: Bind): string =>
  `INSERT INTO idempotency_keys (principal_sub, key, fingerprint, response_status, response_body)
   VALUES (${bind(principalSub)}, ${bind(key)}, ${bind(answer.fingerprint)},
     ${bind(answer.created ? CREATED_STATUS : APPLIED_STATUS)}, ${bind(JSON.stringify(answer.body))})`;

/** A concurrent request with the same caller and key committed first. */
export function isIdempotencyKeyViolation(error: unknown): boolean {
  if (sqlState(error) !== '23505') return false;
  const driverError = (error as { driverError?: { constraint?: string; table?: string } }).driverError ?? {};
  return driverError.constraint === 'idempotency_keys_pkey' || driverError.table === 'idempotency_keys';
}
