import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../../config/configuration';
import { DataSource, type EntityManager } from 'typeorm';
import { sqlState } from '../../database/postgres-errors';
import { IdempotencyRecord } from './idempotency-key.entity';

/** The stored answer to an accepted request sent with `Idempotency-Key`. */
export interface StoredAnswer {
  fingerprint: string;
  /** The answer created a cooperation (rather than applying an event to one). */
  created: boolean;
  body: unknown;
}

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
  private readonly retentionHours: number;

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
    await tx.query(
      `DELETE FROM idempotency_keys
        WHERE principal_sub = $1 AND key = $2 AND created_at < now() - make_interval(hours => $3)`,
      [principalSub, key, this.retentionHours],
    );
    const stored = await tx.findOneBy(IdempotencyRecord, { principalSub, key });
    return stored
      ? {
          fingerprint: stored.fingerprint,
          created: stored.responseStatus === CREATED_STATUS,
          body: stored.responseBody,
        }
      : null;
  }

  async insert(tx: EntityManager, principalSub: string, key: string, answer: StoredAnswer): Promise<void> {
    await tx.insert(IdempotencyRecord, {
      principalSub,
      key,
      fingerprint: answer.fingerprint,
      responseStatus: answer.created ? CREATED_STATUS : APPLIED_STATUS,
      responseBody: answer.body as object,
    });
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

/** A concurrent request with the same caller and key committed first. */
export function isIdempotencyKeyViolation(error: unknown): boolean {
  if (sqlState(error) !== '23505') return false;
  const driverError = (error as { driverError?: { constraint?: string; table?: string } }).driverError ?? {};
  return driverError.constraint === 'idempotency_keys_pkey' || driverError.table === 'idempotency_keys';
}
