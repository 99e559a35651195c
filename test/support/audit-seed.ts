import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { chainEntry, GENESIS_HASH, type HistoryEntry, HistoryRepository } from '../../src/history';

/**
 * Writes hash-chained history straight into the tables — for volume (exports, checkpoints), not
 * for lifecycle realism: the cooperations' snapshots are placeholders only the audit routes read.
 * Entries of the cooperations interleave in time (one second apart, round robin).
 */
export async function seedHistory(
  dataSource: DataSource,
  options: { cooperations: number; entriesEach: number; start?: Date; ags?: string; batch?: number },
): Promise<string[]> {
  const start = options.start?.getTime() ?? Date.UTC(2026, 0, 5, 8);
  const ags = options.ags ?? '05315000';
  const ids = Array.from({ length: options.cooperations }, () => randomUUID());
  for (const id of ids) {
    await dataSource.query(
      `INSERT INTO cooperations (id, title, lead_ags, member_ags, state_value, state, definition_version, version, created_at, updated_at)
       VALUES ($1, 'Seeded', $2, ARRAY[$2], 'partnerSearch', '{}', 1, $3, $4, $4)`,
      [id, ags, options.entriesEach, new Date(start)],
    );
  }
  const history = new HistoryRepository(dataSource);
  const prev = new Map(ids.map((id) => [id, GENESIS_HASH]));
  let rows: HistoryEntry[] = [];
  const flush = async () => {
    await history.insert(rows);
    rows = [];
  };
  let tick = 0;
  for (let sequence = 1; sequence <= options.entriesEach; sequence++) {
    for (const id of ids) {
      const entry = chainEntry(prev.get(id)!, {
        cooperationId: id,
        sequence,
        eventType: sequence === 1 ? 'OPEN_COOPERATION' : 'RECORD_NOTE',
        payload: { note: `Eintrag ${sequence} — Prüfung «ö» ${'x'.repeat(sequence % 7)}` },
        actor: { sub: `coord-${ags}`, role: 'coordinator', municipality: ags },
        stateBefore: sequence === 1 ? null : 'partnerSearch',
        stateAfter: 'partnerSearch',
        obligations: [],
        recordedAt: new Date(start + 1_000 * tick++).toISOString(),
        requestId: null,
        idempotencyKey: null,
      });
      prev.set(id, entry.hash);
      rows.push(entry);
      if (rows.length >= (options.batch ?? 500)) await flush();
    }
  }
  await flush();
  return ids;
}

/**
 * Rewrites one entry AND recomputes every later hash of its chain, as someone with superuser rights
 * on the database could: the append-only trigger disabled, the rows updated, the trigger enabled.
 */
export async function rewriteHistory(
  dataSource: DataSource,
  cooperationId: string,
  sequence: number,
  change: (e: HistoryEntry) => HistoryEntry,
): Promise<void> {
  const entries = await new HistoryRepository(dataSource).entries(cooperationId);

  await dataSource.query(`ALTER TABLE cooperation_history DISABLE TRIGGER cooperation_history_append_only`);
  try {
    let prev = entries[sequence - 2]?.hash ?? GENESIS_HASH;
    for (const original of entries.slice(sequence - 1)) {
      const content = original.sequence === sequence ? change(original) : original;
      const forged = chainEntry(prev, content);
      await dataSource.query(
        `UPDATE cooperation_history SET payload = $3, actor = $4, event_type = $5, prev_hash = $6, hash = $7
          WHERE cooperation_id = $1 AND sequence = $2`,
        [
          cooperationId,
          forged.sequence,
          JSON.stringify(forged.payload),
          JSON.stringify(forged.actor),
          forged.eventType,
          forged.prevHash,
          forged.hash,
        ],
      );
      prev = forged.hash;
    }
  } finally {
    await dataSource.query(`ALTER TABLE cooperation_history ENABLE TRIGGER cooperation_history_append_only`);
  }
}
