import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cooperations (the snapshot a command locks and replaces), their append-only hash-chained
 * history, and the stored answers of idempotent requests.
 *
 * - `cooperations.state` is the domain's `{definitionVersion, value, context}` verbatim; the other
 *   columns are copies for filtering and locking. `phase` (the top-level state) is generated so
 *   that the state filter can use an index even once `active` has parallel regions.
 * - `member_ags` holds the municipalities that may see the cooperation (lead, partners, open
 *   invitations); the GIN index serves `?municipality=` and the visibility filter.
 * - History rows are never updated or deleted: the trigger refuses it, whoever asks. The primary
 *   key makes sequence numbers unique per cooperation; the command's row lock makes them gap-free.
 */
export class Cooperations1764100000003 implements MigrationInterface {
  name = 'Cooperations1764100000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cooperations (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        lead_ags text NOT NULL CHECK (lead_ags ~ '^[0-9]{8}$'),
        member_ags text[] NOT NULL,
        state_value text NOT NULL,
        phase text GENERATED ALWAYS AS (split_part(state_value, '.', 1)) STORED,
        state jsonb NOT NULL,
        definition_version integer NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX cooperations_created ON cooperations (created_at, id)`);
    await db.query(`CREATE INDEX cooperations_phase ON cooperations (phase, created_at, id)`);
    await db.query(`CREATE INDEX cooperations_lead ON cooperations (lead_ags)`);
    await db.query(`CREATE INDEX cooperations_members ON cooperations USING gin (member_ags)`);

    await db.query(`
      CREATE TABLE cooperation_history (
        cooperation_id uuid NOT NULL REFERENCES cooperations (id),
        sequence integer NOT NULL CHECK (sequence >= 1),
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        actor jsonb NOT NULL,
        state_before text,
        state_after text NOT NULL,
        obligations jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        request_id text,
        idempotency_key text,
        prev_hash char(64) NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash char(64) NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
        PRIMARY KEY (cooperation_id, sequence)
      )`);
    await db.query(`CREATE INDEX cooperation_history_recorded ON cooperation_history (recorded_at)`);
    await db.query(`
      CREATE FUNCTION cooperation_history_append_only() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'cooperation_history is append-only: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'History entries are evidence; record a new event instead.';
        END $$`);
    await db.query(`
      CREATE TRIGGER cooperation_history_append_only
        BEFORE UPDATE OR DELETE ON cooperation_history
        FOR EACH ROW EXECUTE FUNCTION cooperation_history_append_only()`);
    await db.query(`
      CREATE TRIGGER cooperation_history_no_truncate
        BEFORE TRUNCATE ON cooperation_history
        FOR EACH STATEMENT EXECUTE FUNCTION cooperation_history_append_only()`);

    await db.query(`
      CREATE TABLE idempotency_keys (
        principal_sub text NOT NULL,
        key uuid NOT NULL,
        fingerprint char(64) NOT NULL,
        response_status integer NOT NULL,
        response_body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT idempotency_keys_pkey PRIMARY KEY (principal_sub, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotency_keys`);
    await db.query(`DROP TABLE cooperation_history`);
    await db.query(`DROP FUNCTION cooperation_history_append_only()`);
    await db.query(`DROP TABLE cooperations`);
  }
}
