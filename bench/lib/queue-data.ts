/**
 * The steering-board queue's data for the bench (issue 18: "many open cases, not twenty"): one
 * cooperation driven to `active` through the real use cases (the building yard), conflicts raised,
 * escalated and resolved there — each stage's stored row is a template — then cloned by SQL with
 * fresh ids into thousands of cooperations holding open cases at mixed levels and spread deadlines.
 *
 * What a clone is: its template's `cooperations` row with the cooperation's id, its cases' ids
 * (`caseIdFor(clone, n)`, as the domain derives them) and its title replaced, the open cases'
 * deadlines (snapshot, deadline timer in the snapshot, `escalation_cases` row alike) moved to a day
 * of their own; and its `escalation_cases` rows as the command writes them (`caseRowsOf`: status,
 * level, deadline and the queue entry, computed by the domain from the clone's snapshot); and the
 * rows of its snapshot's timers. It has no history and no rows in the read models of the register
 * or the notifications: the queue reads `escalation_cases` (and `member_ags` for coordinators),
 * nothing else, and the bench sends no command to a clone. (A command to one would chain onto the
 * template's head hash; its verification would report the missing entries.)
 */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { CooperationsModule } from '../../src/cooperations/cooperations.module';
import { addDays, caseIdFor, endOfDayInGermany, germanDate, type PersistedState } from '../../src/cooperations/domain';
import { caseRowsOf } from '../../src/cooperations/infrastructure/escalation-case.repository';
import { COORD_HEEK, COORD_LEGDEN, HEEK, LEGDEN, SCHOEPPINGEN } from '../../test/fixtures/building-yard.scenario';
import { BOARD_HEEK } from '../../test/fixtures/operation-phase.scenario';
import { createTestModule } from '../../test/support/test-module';
import type { Overrides } from '../../test/support/test-database';
import { UseCaseYard } from '../../test/support/use-case-yard';

/** A stored `cooperations` row and its `escalation_cases` rows, as `to_jsonb` gives them. */
export interface QueueTemplate {
  cooperationId: string;
  /** How many cases the template's state holds (their ids are `caseIdFor(id, 1…cases)`). */
  cases: number;
  cooperation: Record<string, unknown> & { state: StateDoc };
  escalationCases: Array<Record<string, unknown>>;
}

interface StateDoc {
  context: {
    title: string;
    escalation: { cases: Array<{ id: string; status: string; deadlineOn: string; deadlineAt: string }> };
    timers: Record<string, { key: string; dueAt: string; event: { type: string; caseId?: string; dueAt?: string } }>;
  };
}

/**
 * Drives one building yard to `active` in this process (the use cases on the bench's database,
 * with a clock of its own), then: raise case 1; escalate it to level 2; raise case 2; escalate case
 * 1 to level 3; raise case 3 and resolve it. Each stage's stored row is a template: 1, 1, 2, 2 and 2
 * open cases (plus a resolved one), levels 1–3.
 */
export async function buildQueueTemplates(database: Overrides): Promise<QueueTemplate[]> {
  const m = await createTestModule([CooperationsModule], {
    ...database,
    // The bench's one caller has opened thousands already.
    MAX_COOPERATIONS_PER_CALLER_PER_DAY: '1000000000',
  });
  try {
    const yard = new UseCaseYard(m);
    await yard.runUntil();
    // After the scenario's last step (17 Aug 2026) and near the real time, so deadlines lie ahead.
    let at = Math.max(Date.now(), Date.parse('2026-09-01T08:00:00Z'));
    const later = () => yard.at(new Date((at += 3_600_000)));
    const templates: QueueTemplate[] = [];
    let cases = 0;
    const stage = async () => templates.push(await templateOf(m.dataSource, yard.id, cases));
    const raise = async (actor: typeof COORD_HEEK, parties: string[]) => {
      later();
      await yard.send(actor, {
        type: 'RAISE_CONFLICT',
        subject: `Streit Nr. ${++cases}`,
        description: 'Uneinigkeit über die Verteilung der Winterdiensteinsätze.',
        parties,
      });
    };
    const escalate = async (n: number) => {
      later();
      await yard.send(BOARD_HEEK, { type: 'ESCALATE_CASE', caseId: caseIdFor(yard.id, n), reason: 'Keine Einigung' });
    };
    await raise(COORD_HEEK, [HEEK.ags, LEGDEN.ags]);
    await stage();
    await escalate(1);
    await stage();
    await raise(COORD_LEGDEN, [LEGDEN.ags, SCHOEPPINGEN.ags]);
    await stage();
    await escalate(1);
    await stage();
    await raise(COORD_HEEK, [HEEK.ags, SCHOEPPINGEN.ags]);
    later();
    await yard.send(BOARD_HEEK, {
      type: 'RESOLVE_CASE',
      caseId: caseIdFor(yard.id, 3),
      decision: 'Einsätze im Wechsel',
    });
    await stage();
    return templates;
  } finally {
    await m.close();
  }
}

async function templateOf(
  db: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  id: string,
  cases: number,
): Promise<QueueTemplate> {
  const [{ row }] = (await db.query(`SELECT to_jsonb(c) AS row FROM cooperations c WHERE c.id = $1`, [id])) as Array<{
    row: QueueTemplate['cooperation'];
  }>;
  const rows = (await db.query(`SELECT to_jsonb(e) AS row FROM escalation_cases e WHERE e.cooperation_id = $1`, [
    id,
  ])) as Array<{ row: Record<string, unknown> }>;
  return { cooperationId: id, cases, cooperation: row, escalationCases: rows.map((r) => r.row) };
}

/**
 * Days from today the clones' deadlines fall on: tomorrow to three and a half months ahead. None
 * has passed: the server would escalate such a case at once (its deadline timer), during the bench.
 */
const DEADLINE_DAYS = { from: 1, span: 105 };

type Rows = Array<Record<string, unknown>>;

/** The `count` clones of the templates (round robin): rows of cooperations, escalation_cases, cooperation_timers. */
export function queueClones(
  templates: readonly QueueTemplate[],
  count: number,
  today = new Date(),
): { cooperations: Rows; escalationCases: Rows; timers: Rows } {
  const base = germanDate(today);
  const cooperations: Rows = [];
  const escalationCases: Rows = [];
  const timers: Rows = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length];
    const id = randomUUID();
    let text = JSON.stringify(template);
    text = text.replaceAll(template.cooperationId, id);
    for (let n = 1; n <= template.cases; n++) {
      text = text.replaceAll(caseIdFor(template.cooperationId, n), caseIdFor(id, n));
    }
    const clone = JSON.parse(text) as QueueTemplate;
    const row = clone.cooperation;
    const ctx = row.state.context;
    ctx.title = `${ctx.title} (queue ${i})`;
    row.title = ctx.title;
    const deadlines = new Map<string, string>();
    ctx.escalation.cases.forEach((c, n) => {
      if (c.status !== 'open') return;
      // Spread over the days by a stride prime to their number, so no template keeps its own days.
      const day = DEADLINE_DAYS.from + ((i * 37 + n * 11) % DEADLINE_DAYS.span);
      c.deadlineOn = addDays(base, day);
      c.deadlineAt = endOfDayInGermany(c.deadlineOn).toISOString();
      deadlines.set(c.id, c.deadlineAt);
    });
    for (const timer of Object.values(ctx.timers)) {
      const moved = timer.event.type === 'CASE_DEADLINE_PASSED' ? deadlines.get(timer.event.caseId ?? '') : undefined;
      if (moved) timer.dueAt = timer.event.dueAt = moved;
      // The rows of the snapshot's timers, as a command writes them: without them the server's
      // scheduler writes them itself when it starts, during the measurements.
      timers.push({ cooperation_id: id, key: timer.key, due_at: timer.dueAt, event: timer.event });
    }
    cooperations.push(row);
    // The rows a command writes for these cases (entries included), over the template's columns.
    const written = new Map(caseRowsOf(row.state as unknown as PersistedState).map((r) => [r.caseId, r]));
    for (const e of clone.escalationCases) {
      const r = written.get(String(e.case_id))!;
      escalationCases.push({ ...e, status: r.status, level: r.level, deadline_at: r.deadlineAt, entry: r.entry });
    }
  }
  return { cooperations, escalationCases, timers };
}

/**
 * Inserts rows given as `to_jsonb`-like objects into `table`: the columns the first row names that
 * are not generated (the others take their defaults), in batches (the embedded default's one
 * session takes a statement of a few MB comfortably).
 */
export async function insertRows(pool: Pool, table: string, rows: Rows): Promise<void> {
  if (rows.length === 0) return;
  const { rows: columns } = await pool.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' AND column_name = ANY($2)
      ORDER BY ordinal_position`,
    [table, Object.keys(rows[0])],
  );
  const list = columns.map((c) => `"${c.column_name}"`).join(', ');
  const BATCH = 250;
  for (let i = 0; i < rows.length; i += BATCH) {
    await pool.query(
      `INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`,
      [JSON.stringify(rows.slice(i, i + BATCH))],
    );
  }
}

/** Clones the templates `count` times into the database; returns the open cases the queue then holds. */
export async function seedQueue(pool: Pool, templates: readonly QueueTemplate[], count: number): Promise<number> {
  const clones = queueClones(templates, count);
  await insertRows(pool, 'cooperations', clones.cooperations);
  await insertRows(pool, 'escalation_cases', clones.escalationCases);
  await insertRows(pool, 'cooperation_timers', clones.timers);
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM escalation_cases WHERE status = 'open'`,
  );
  return rows[0].n;
}
