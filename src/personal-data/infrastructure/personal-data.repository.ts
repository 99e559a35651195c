import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Bind } from '../../database/prepared';
import type { NotificationAddressFields, PersonFields } from '../domain/personal-data';

/** A record of personal data; `fields` is `{erased: true}` once erased. */
export interface PersonalDataRecord {
  id: string;
  subjectKind: string;
  /** Null for a municipality's notification address (it belongs to no cooperation). */
  cooperationId: string | null;
  municipality: string | null;
  fields: PersonFields | { erased: true };
  createdAt: Date;
  erasure: { at: Date; by: { sub: string; role: string }; reason: string } | null;
}

interface PersonalDataRow {
  id: string;
  subject_kind: string;
  cooperation_id: string | null;
  municipality: string | null;
  fields: PersonFields | { erased: true };
  created_at: Date;
  erased_at: Date | null;
  erased_by: { sub: string; role: string } | null;
  erasure_reason: string | null;
}

const COLUMNS = `id, subject_kind, cooperation_id, municipality, fields, created_at, erased_at, erased_by, erasure_reason`;

/** All SQL of `personal_data`: people's fields and salts, outside the hash chain. */
@Injectable()
export class PersonalDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A contact's record as a fragment of the command's write (`WriteFragment`). */
  static insertContactSql(
    record: { id: string; cooperationId: string; municipality: string | null; fields: PersonFields; salt: string },
    at: Date,
    bind: Bind,
  ): string {
    return `INSERT INTO personal_data (id, subject_kind, cooperation_id, municipality, fields, salt, created_at)
       VALUES (${bind(record.id)}::uuid, 'contact', ${bind(record.cooperationId)}::uuid, ${bind(record.municipality)}::text,
         ${bind(JSON.stringify(record.fields))}::jsonb, ${bind(record.salt)}::text, ${bind(at)}::timestamptz)`;
  }

  /** A municipality's notification address: personal data of no cooperation (subject kind `notification-address`). */
  async insertNotificationAddress(
    tx: EntityManager,
    record: { id: string; municipality: string; fields: NotificationAddressFields; salt: string },
    at: Date,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO personal_data (id, subject_kind, cooperation_id, municipality, fields, salt, created_at)
       VALUES ($1, 'notification-address', NULL, $2, $3, $4, $5)`,
      [record.id, record.municipality, JSON.stringify(record.fields), record.salt, at],
    );
  }

  /** The notification addresses of `municipality` not erased, oldest first; only for `role` when given. */
  async notificationAddresses(
    municipality: string,
    role?: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<NotificationAddressRecord[]> {
    const rows = await tx.query<AddressRow[]>(
      `SELECT id, municipality, fields, created_at FROM personal_data
        WHERE subject_kind = 'notification-address' AND municipality = $1 AND erased_at IS NULL
          AND ($2::text IS NULL OR fields->>'role' = $2)
        ORDER BY created_at, id`,
      [municipality, role ?? null],
    );
    return rows.map(toAddress);
  }

  /** A notification address by id, null when unknown or erased. */
  async notificationAddress(
    id: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<NotificationAddressRecord | null> {
    const [row] = await tx.query<AddressRow[]>(
      `SELECT id, municipality, fields, created_at FROM personal_data
        WHERE id = $1 AND subject_kind = 'notification-address' AND erased_at IS NULL`,
      [id],
    );
    return row ? toAddress(row) : null;
  }

  /** The e-mail address of a contact (by its `personRef`), null when it has none or it was erased. */
  async contactEmail(id: string, tx: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row] = await tx.query<Array<{ email: string | null }>>(
      `SELECT fields->>'email' AS email FROM personal_data
        WHERE id = $1 AND subject_kind = 'contact' AND erased_at IS NULL`,
      [id],
    );
    return row?.email ?? null;
  }

  /** The fields of these contacts (by `personRef`) that are not erased; an erased or unknown one is absent. */
  async contactFields(ids: readonly string[]): Promise<Map<string, PersonFields>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<Array<{ id: string; fields: PersonFields }>>(
      `SELECT id, fields FROM personal_data
        WHERE id = ANY($1::uuid[]) AND subject_kind = 'contact' AND erased_at IS NULL`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.fields]));
  }

  async find(id: string, tx: EntityManager = this.dataSource.manager): Promise<PersonalDataRecord | null> {
    const [row] = await tx.query<PersonalDataRow[]>(`SELECT ${COLUMNS} FROM personal_data WHERE id = $1`, [id]);
    return row ? toRecord(row) : null;
  }

  async lock(tx: EntityManager, id: string): Promise<PersonalDataRecord> {
    const [row] = await tx.query<PersonalDataRow[]>(`SELECT ${COLUMNS} FROM personal_data WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    return toRecord(row);
  }

  /** The records of one municipality's contacts in one cooperation, locked, oldest first. */
  async lockContactsOf(
    tx: EntityManager,
    cooperationId: string,
    municipality: string | null,
  ): Promise<PersonalDataRecord[]> {
    const rows = await tx.query<PersonalDataRow[]>(
      `SELECT ${COLUMNS} FROM personal_data
        WHERE subject_kind = 'contact' AND cooperation_id = $1 AND municipality IS NOT DISTINCT FROM $2
        ORDER BY created_at, id FOR UPDATE`,
      [cooperationId, municipality],
    );
    return rows.map(toRecord);
  }

  /** The fields become a tombstone and the salt is destroyed; the row records who erased when and why. */
  async markErased(
    tx: EntityManager,
    id: string,
    erasure: { at: Date; by: { sub: string; role: string }; reason: string },
  ): Promise<PersonalDataRecord> {
    const [rows] = await tx.query<[PersonalDataRow[], number]>(
      `UPDATE personal_data SET fields = '{"erased":true}', salt = NULL, erased_at = $2, erased_by = $3, erasure_reason = $4
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, erasure.at, JSON.stringify(erasure.by), erasure.reason],
    );
    return toRecord(rows[0]);
  }
}

/** A municipality's notification address, as notifications read it. */
export interface NotificationAddressRecord {
  id: string;
  municipality: string;
  fields: NotificationAddressFields;
  createdAt: Date;
}

interface AddressRow {
  id: string;
  municipality: string;
  fields: NotificationAddressFields;
  created_at: Date;
}

const toAddress = (row: AddressRow): NotificationAddressRecord => ({
  id: row.id,
  municipality: row.municipality,
  fields: row.fields,
  createdAt: new Date(row.created_at),
});

function toRecord(row: PersonalDataRow): PersonalDataRecord {
  return {
    id: row.id,
    subjectKind: row.subject_kind,
    cooperationId: row.cooperation_id,
    municipality: row.municipality,
    fields: row.erased_at ? { erased: true } : row.fields,
    createdAt: new Date(row.created_at),
    erasure: row.erased_at ? { at: new Date(row.erased_at), by: row.erased_by!, reason: row.erasure_reason! } : null,
  };
}
