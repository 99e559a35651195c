import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal data outside the hash chain (docs/personal-data.md): contact persons' names and e-mail
 * addresses. The history entry of APPOINT_CONTACT holds `personRef` (this row's id) and
 * `personHash` = SHA-256(salt ‖ canonical(fields)). Erasure sets `fields` to a tombstone, destroys
 * the salt and records who erased when and why in the same row; the history is not touched.
 */
export class PersonalData1764300000002 implements MigrationInterface {
  name = 'PersonalData1764300000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE personal_data (
        id uuid PRIMARY KEY,
        subject_kind text NOT NULL CHECK (subject_kind IN ('contact')),
        cooperation_id uuid NOT NULL REFERENCES cooperations (id),
        municipality text,
        fields jsonb NOT NULL,
        salt text,
        created_at timestamptz NOT NULL,
        erased_at timestamptz,
        erased_by jsonb,
        erasure_reason text,
        CHECK ((erased_at IS NULL) = (salt IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX personal_data_by_cooperation ON personal_data (cooperation_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE personal_data`);
  }
}
