import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The escalation cases as rows of their own (docs/performance.md, the steering-board queue): the
 * command that changes a case writes its row, so SQL orders and limits the queue by deadline
 * instead of Node merging every matching snapshot. Backfilled from the snapshots; replaces the
 * expression index on the snapshots' case arrays, which made every snapshot write a non-HOT update.
 */
export class EscalationCases1764750000002 implements MigrationInterface {
  name = 'EscalationCases1764750000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE escalation_cases (
        case_id uuid PRIMARY KEY,
        cooperation_id uuid NOT NULL REFERENCES cooperations (id),
        status text NOT NULL,
        level integer NOT NULL,
        deadline_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX escalation_cases_queue ON escalation_cases (status, deadline_at, case_id)`);
    await db.query(`CREATE INDEX escalation_cases_cooperation ON escalation_cases (cooperation_id)`);
    await db.query(`
      INSERT INTO escalation_cases (case_id, cooperation_id, status, level, deadline_at)
      SELECT (c->>'id')::uuid, co.id, c->>'status', (c->>'level')::int, (c->>'deadlineAt')::timestamptz
        FROM cooperations co
        CROSS JOIN LATERAL jsonb_array_elements(
          CASE WHEN jsonb_typeof(co.state #> '{context,escalation,cases}') = 'array'
               THEN co.state #> '{context,escalation,cases}' ELSE '[]'::jsonb END) c`);
    await db.query(`DROP INDEX cooperations_escalation_cases`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX cooperations_escalation_cases ON cooperations
         USING gin ((state #> '{context,escalation,cases}') jsonb_path_ops)`,
    );
    await db.query(`DROP TABLE escalation_cases`);
  }
}
