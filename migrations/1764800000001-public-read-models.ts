import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read models of what cooperations show outside themselves (docs/register.md): published
 * partner searches and the public project register. Both are projections of the snapshot, written
 * in the transaction of the event that changes them; no cooperation stored before definition
 * version 6 has either, so they start empty.
 */
export class PublicReadModels1764800000001 implements MigrationInterface {
  name = 'PublicReadModels1764800000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE partner_search_listings (
        cooperation_id uuid PRIMARY KEY REFERENCES cooperations (id) ON DELETE CASCADE,
        listing jsonb NOT NULL,
        field_of_work text NOT NULL,
        search_text text NOT NULL,
        districts jsonb NOT NULL,
        regions jsonb NOT NULL,
        lead_district text NOT NULL,
        lead_region text NOT NULL,
        open_until date NOT NULL,
        published_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX partner_search_listings_open_until ON partner_search_listings (open_until)`);
    await db.query(`
      CREATE TABLE public_register (
        cooperation_id uuid PRIMARY KEY REFERENCES cooperations (id) ON DELETE CASCADE,
        entry jsonb NOT NULL,
        title text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX public_register_title ON public_register (title, cooperation_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE public_register`);
    await db.query(`DROP TABLE partner_search_listings`);
  }
}
