import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry of public bodies that can take part in a cooperation: NRW's municipalities and
 * Kreise, plus bodies an admin adds. Search folds case and umlauts in the database (`ikz_fold`),
 * so `koeln`, `Köln` and `KÖLN` find Köln, and `koln` finds it through `ikz_fold_plain`.
 * The upper-case umlauts are replaced before lower() because lower() leaves non-ASCII letters
 * alone under the C locale, which PGlite and many PostgreSQL installations use.
 */
export class MunicipalityRegistry1764100000001 implements MigrationInterface {
  name = 'MunicipalityRegistry1764100000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION ikz_fold(value text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT lower(replace(replace(replace(replace(replace(replace(replace(replace(value,
          'Ä', 'ae'), 'Ö', 'oe'), 'Ü', 'ue'), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'ẞ', 'ss')) $$`);
    await db.query(`
      CREATE FUNCTION ikz_fold_plain(value text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT lower(translate(replace(replace(value, 'ß', 'ss'), 'ẞ', 'ss'),
          'ÄÖÜäöüÀÁÂÈÉÊËÌÍÎÏÒÓÔÙÚÛÇàáâèéêëìíîïòóôùúûç', 'AOUaouAAAEEEEIIIIOOOUUUCaaaeeeeiiiiooouuuc')) $$`);
    await db.query(`
      CREATE TABLE municipalities (
        ags text PRIMARY KEY CHECK (ags ~ '^[0-9]{8}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('kreisfreie Stadt', 'Stadt', 'Gemeinde', 'Kreis',
          'Landschaftsverband', 'Regionalverband', 'Zweckverband', 'sonstige Körperschaft')),
        district text,
        region text,
        land text NOT NULL DEFAULT 'Nordrhein-Westfalen',
        source text NOT NULL DEFAULT 'registry' CHECK (source IN ('registry', 'admin')),
        search_name text GENERATED ALWAYS AS (ikz_fold(name)) STORED,
        search_name_plain text GENERATED ALWAYS AS (ikz_fold_plain(name)) STORED,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX municipalities_search_name ON municipalities (search_name text_pattern_ops, ags)`);
    await db.query(
      `CREATE INDEX municipalities_search_name_plain ON municipalities (search_name_plain text_pattern_ops)`,
    );
    await db.query(`CREATE INDEX municipalities_district ON municipalities (district)`);
    await db.query(`CREATE INDEX municipalities_region ON municipalities (region)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE municipalities`);
    await db.query(`DROP FUNCTION ikz_fold_plain(text)`);
    await db.query(`DROP FUNCTION ikz_fold(text)`);
  }
}
