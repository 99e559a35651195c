import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { ProblemException } from '../../common/problem';
import { Clock } from '../clock';
import type { PersonalDataDto } from './personal-data.dto';
import { ERASED_TEXT, type PersonFields, scrub } from './personal-data';

interface PersonalDataRow {
  id: string;
  subject_kind: string;
  cooperation_id: string;
  municipality: string | null;
  fields: PersonFields | { erased: true };
  created_at: Date;
  erased_at: Date | null;
  erased_by: { sub: string; role: string } | null;
  erasure_reason: string | null;
}

const COLUMNS = `id, subject_kind, cooperation_id, municipality, fields, created_at, erased_at, erased_by, erasure_reason`;

const notFound = (id: string) =>
  new ProblemException(404, 'personal-data-not-found', 'Not Found', `No personal data record ${id}.`);

@Injectable()
export class PersonalDataService {
  private readonly logger = new Logger('PersonalData');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<PersonalDataDto> {
    const [row] = await this.dataSource.query<PersonalDataRow[]>(`SELECT ${COLUMNS} FROM personal_data WHERE id = $1`, [
      id,
    ]);
    if (!row) throw notFound(id);
    return toDto(row);
  }

  /**
   * Erases a person (docs/personal-data.md): in one transaction, the fields become a tombstone and
   * the salt is destroyed, the copies in the cooperation's snapshot and in stored idempotent answers
   * are overwritten, and the row records who erased when and why. The history is not touched: it
   * never held the fields, so every chain still verifies.
   */
  async erase(id: string, reason: string, principal: Principal): Promise<PersonalDataDto> {
    const erased = await this.dataSource.transaction(async (em) => {
      const [found] = await em.query<PersonalDataRow[]>(`SELECT ${COLUMNS} FROM personal_data WHERE id = $1`, [id]);
      if (!found) throw notFound(id);
      // The cooperation's row lock first (as commands take it), then the record's.
      await em.query(`SELECT id FROM cooperations WHERE id = $1 FOR UPDATE`, [found.cooperation_id]);
      const [row] = await em.query<PersonalDataRow[]>(`SELECT ${COLUMNS} FROM personal_data WHERE id = $1 FOR UPDATE`, [
        id,
      ]);
      if (row.erased_at)
        throw new ProblemException(409, 'already-erased', 'Already erased', `Personal data ${id} was already erased.`, {
          erasure: toDto(row).erasure,
        });
      const fields = row.fields as PersonFields;
      const secrets = new Set(
        [fields.name, fields.email].filter((v): v is string => typeof v === 'string' && v !== ''),
      );
      await scrubSnapshot(em, row.cooperation_id, id, secrets);
      await scrubStoredAnswers(em, row.cooperation_id, secrets);
      const [updated] = await em.query<[PersonalDataRow[], number]>(
        `UPDATE personal_data SET fields = '{"erased":true}', salt = NULL, erased_at = $2, erased_by = $3, erasure_reason = $4
          WHERE id = $1 RETURNING ${COLUMNS}`,
        [
          id,
          new Date(this.clock.now().getTime()),
          JSON.stringify({ sub: principal.sub, role: principal.role }),
          reason,
        ],
      );
      return updated[0];
    });
    this.logger.log({ personRef: id, cooperationId: erased.cooperation_id, by: principal.sub }, 'Personal data erased');
    return toDto(erased);
  }
}

/** The snapshot's copies: the contact this record was, and every other occurrence (signatures). */
async function scrubSnapshot(
  em: EntityManager,
  cooperationId: string,
  personRef: string,
  secrets: ReadonlySet<string>,
): Promise<void> {
  const [{ state }] = await em.query<Array<{ state: { context?: { contacts?: Record<string, object> } } }>>(
    `SELECT state FROM cooperations WHERE id = $1`,
    [cooperationId],
  );
  const scrubbed = scrub(state, secrets);
  for (const [ags, contact] of Object.entries(scrubbed.context?.contacts ?? {}))
    if ((contact as { personRef?: string }).personRef === personRef) {
      const { email: _email, ...rest } = contact as { email?: string; name: string };
      scrubbed.context!.contacts![ags] = { ...rest, name: ERASED_TEXT, erased: true };
    }
  await em.query(`UPDATE cooperations SET state = $2 WHERE id = $1`, [cooperationId, JSON.stringify(scrubbed)]);
}

/** Stored answers to commands on the cooperation repeat its snapshot: overwrite their copies too. */
async function scrubStoredAnswers(em: EntityManager, cooperationId: string, secrets: ReadonlySet<string>) {
  const rows = await em.query<Array<{ principal_sub: string; key: string; response_body: unknown }>>(
    `SELECT principal_sub, key, response_body FROM idempotency_keys
      WHERE response_body->'cooperation'->>'id' = $1 OR response_body->>'id' = $1`,
    [cooperationId],
  );
  for (const row of rows) {
    const scrubbed = scrub(row.response_body, secrets);
    if (JSON.stringify(scrubbed) !== JSON.stringify(row.response_body))
      await em.query(`UPDATE idempotency_keys SET response_body = $3 WHERE principal_sub = $1 AND key = $2`, [
        row.principal_sub,
        row.key,
        JSON.stringify(scrubbed),
      ]);
  }
}

function toDto(row: PersonalDataRow): PersonalDataDto {
  return {
    id: row.id,
    subjectKind: row.subject_kind,
    cooperationId: row.cooperation_id,
    municipality: row.municipality,
    fields: row.erased_at ? { erased: true } : row.fields,
    createdAt: new Date(row.created_at).toISOString(),
    erasure: row.erased_at
      ? { at: new Date(row.erased_at).toISOString(), by: row.erased_by!, reason: row.erasure_reason! }
      : null,
  };
}
