import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The steering-board queue (`GET /escalations`) and `GET /escalations/{caseId}` find the
 * cooperations that hold escalation cases by jsonb containment on the cases array of the state
 * snapshot (`… @> '[{"status":"open"}]'`, `… @> '[{"id":"…"}]'`). Without this index each request
 * read and detoasted every visible snapshot (docs/performance.md, proposal 5). PostgreSQL maintains
 * it with every snapshot write: no command has to change.
 */
export class EscalationCasesIndex1764250000001 implements MigrationInterface {
  name = 'EscalationCasesIndex1764250000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX cooperations_escalation_cases ON cooperations
         USING gin ((state #> '{context,escalation,cases}') jsonb_path_ops)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX cooperations_escalation_cases`);
  }
}
