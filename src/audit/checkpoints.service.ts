import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isUuid } from '../common/domain/identifiers';
import { decodeCursor, invalidCursor, type Page, toPage } from '../common/pagination';
import { ProblemException } from '../common/problem';
import type { Environment } from '../config/configuration';
import type { CheckpointQuery, CheckpointSummaryDto, CheckpointVerificationDto, PublicKeyDto } from './audit.dto';
import {
  checkDocument,
  type CheckpointDocument,
  type CheckpointHead,
  type Divergence,
  HeadBuilder,
  HeadComparator,
  keyIdOf,
  publicKeyPem,
  signCheckpoint,
} from './checkpoint';
import type { HistoryRow } from '../cooperations/persistence/chain-verifier';
import { historyInChainOrder, type Query } from './history-rows';
import { loadSigningKey } from './signing-key';

const BATCH = 5_000;
const HASH_COLUMNS = 'h.cooperation_id, h.sequence, h.hash';

interface CheckpointRow {
  id: string;
  created_at: Date;
  cooperations: number;
  entries: string | number;
  root_hash: string;
  key_id: string;
}

const summary = (r: CheckpointRow): CheckpointSummaryDto => ({
  id: r.id,
  createdAt: new Date(r.created_at).toISOString(),
  cooperations: r.cooperations,
  entries: Number(r.entries),
  rootHash: r.root_hash,
  keyId: r.key_id,
});

const notFound = (id: string) =>
  new ProblemException(404, 'checkpoint-not-found', 'Not Found', `There is no checkpoint ${id}.`);

/** Signs, stores, lists and checks checkpoints (docs/audit.md § Checkpoints). */
@Injectable()
export class CheckpointsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Audit');
  private readonly query: Query;
  private privateKey!: KeyObject;
  private publicKey!: KeyObject;
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    dataSource: DataSource,
    private readonly config: ConfigService<Environment, true>,
  ) {
    this.query = <R>(sql: string, params: unknown[]) => dataSource.query<R[]>(sql, params);
  }

  onModuleInit(): void {
    const dir = this.config.get('IKZ_DATA_DIR', { infer: true });
    const { privateKey, origin } = loadSigningKey({
      configured: this.config.get('AUDIT_SIGNING_KEY', { infer: true }),
      dataDirectory: this.config.get('DATABASE_URL', { infer: true }) || dir === ':memory:' ? null : dir,
    });
    this.privateKey = privateKey;
    this.publicKey = createPublicKey(privateKey);
    if (origin === 'ephemeral' && this.config.get('DATABASE_URL', { infer: true }))
      this.logger.warn(
        'AUDIT_SIGNING_KEY is not set: checkpoints are signed with a key of this process only. Configure a key.',
      );
    const interval = this.config.get('CHECKPOINT_INTERVAL_MS', { infer: true });
    if (interval > 0) {
      this.timer = setInterval(() => void this.periodic(), interval);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  publicKeyInfo(): PublicKeyDto {
    return { algorithm: 'Ed25519', keyId: keyIdOf(this.publicKey), publicKey: publicKeyPem(this.publicKey) };
  }

  /** Reads every chain's hashes batch by batch, signs the heads and stores the checkpoint. */
  async create(): Promise<CheckpointDocument> {
    const heads: CheckpointHead[] = [];
    let builder = null as HeadBuilder | null;
    for await (const rows of historyInChainOrder(this.query, HASH_COLUMNS, BATCH)) {
      for (const row of rows) {
        if (builder?.cooperationId !== row.cooperation_id) {
          const head = builder?.head();
          if (head) heads.push(head);
          builder = new HeadBuilder(row.cooperation_id);
        }
        builder.push(row.sequence, row.hash);
      }
    }
    const last = builder?.head();
    if (last) heads.push(last);
    const document = signCheckpoint({ id: randomUUID(), createdAt: new Date().toISOString() }, heads, this.privateKey);
    await this.query(
      `INSERT INTO audit_checkpoints (id, created_at, cooperations, entries, root_hash, key_id, signature, document)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        document.id,
        document.createdAt,
        document.cooperations,
        document.entries,
        document.rootHash,
        document.keyId,
        document.signature,
        JSON.stringify(document),
      ],
    );
    this.logger.log(
      { audit: 'checkpoint', id: document.id, cooperations: document.cooperations, rootHash: document.rootHash },
      'Checkpoint signed',
    );
    return document;
  }

  async list(q: CheckpointQuery): Promise<Page<CheckpointSummaryDto>> {
    const params: unknown[] = [];
    let where = '';
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor, 2);
      if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || !isUuid(id)) throw invalidCursor();
      params.push(at, id);
      where = 'WHERE (created_at, id) > ($1::timestamptz, $2::uuid)';
    }
    const rows = await this.query<CheckpointRow>(
      `SELECT id, created_at, cooperations, entries, root_hash, key_id FROM audit_checkpoints ${where}
        ORDER BY created_at, id LIMIT ${q.limit + 1}`,
      params,
    );
    return toPage(rows, q.limit, (r) => [new Date(r.created_at).toISOString(), r.id], summary);
  }

  async get(id: string): Promise<CheckpointDocument> {
    const rows = await this.query<{ document: CheckpointDocument }>(
      `SELECT document FROM audit_checkpoints WHERE id = $1`,
      [id],
    );
    if (rows.length === 0) throw notFound(id);
    return rows[0].document;
  }

  /**
   * The stored history against a checkpoint: the signature and root hash first, then every
   * cooperation's entries up to its signed head — the first entry that differs is named.
   */
  async verify(id: string): Promise<CheckpointVerificationDto> {
    const document = await this.get(id);
    const key = document.keyId === keyIdOf(this.publicKey) ? this.publicKey : createPublicKey(document.publicKey);
    const documentError = checkDocument(document, key);
    const result: CheckpointVerificationDto = {
      valid: false,
      checkpoint: id,
      documentError,
      cooperations: document.heads.length,
      divergences: [],
    };
    if (documentError) return result;
    const comparators = new Map(document.heads.map((h) => [h.cooperationId, new HeadComparator(h)]));
    for await (const rows of historyInChainOrder(this.query, HASH_COLUMNS, BATCH))
      for (const row of rows as Pick<HistoryRow, 'cooperation_id' | 'sequence' | 'hash'>[])
        comparators.get(row.cooperation_id)?.push(row.sequence, row.hash);
    result.divergences = [...comparators.values()].map((c) => c.result()).filter((d): d is Divergence => d !== null);
    result.valid = result.divergences.length === 0;
    return result;
  }

  private async periodic(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.create();
    } catch (error) {
      this.logger.warn({ err: error }, 'Periodic checkpoint failed; the next interval tries again');
    } finally {
      this.running = false;
    }
  }
}
