import type { Actor } from '../src/cooperations/domain';
import { CaseEntriesBackfill } from '../src/cooperations/application/case-entries-backfill';
import { caseIdFor } from '../src/cooperations/domain';
import {
  buildingYardSteps,
  COORD_HEEK,
  COORD_LEGDEN,
  HEEK,
  LEGDEN,
  OPENING,
  SCHOEPPINGEN,
  type ScenarioStep,
} from './fixtures/building-yard.scenario';
import { BOARD_HEEK, BOARD_LEGDEN, BOARD_SCHOEPPINGEN } from './fixtures/operation-phase.scenario';
import { BuildingYard } from './support/building-yard';
import { AUDITOR, createTestApp, type TestApp } from './support/test-app';

/** The second cooperation's cast: Heiden (lead) and Reken take the places of Heek and Schöppingen; Legden is in both. */
const HEIDEN = '05554028';
const REKEN = '05554044';
const COORD_HEIDEN: Actor = { sub: 'coord-heiden', role: 'coordinator', municipality: HEIDEN };
const BOARD_HEIDEN: Actor = { sub: 'board-heiden', role: 'steering-board', municipality: HEIDEN };
const BOARD_REKEN: Actor = { sub: 'board-reken', role: 'steering-board', municipality: REKEN };

/** The building yard's story with other municipalities (same district, so the same supervisory authority). */
function recast(json: string): string {
  return json
    .replaceAll(HEEK.ags, HEIDEN)
    .replaceAll(SCHOEPPINGEN.ags, REKEN)
    .replaceAll('coord-heek', 'coord-heiden')
    .replaceAll('coord-schoeppingen', 'coord-reken')
    .replaceAll('"Heek"', '"Heiden"')
    .replaceAll('"Schöppingen"', '"Reken"')
    .replaceAll('Heek – Legden – Schöppingen', 'Heiden – Legden – Reken');
}
const SECOND_YARD = {
  opening: { ...(JSON.parse(recast(JSON.stringify(OPENING))) as typeof OPENING), at: OPENING.at },
  steps: () =>
    (JSON.parse(recast(JSON.stringify(buildingYardSteps()))) as Array<ScenarioStep & { at: string }>).map((s) => ({
      ...s,
      at: new Date(s.at),
    })),
};

interface Entry {
  cooperationId: string;
  caseId: string;
  level: number;
  deadlineAt: string;
  mayAct: boolean;
  bodyMunicipalities: string[];
}

/**
 * The steering board's queue across cooperations (issue 5: "returns exactly the cases at its level,
 * in deadline order; a coordinator or a board member of another cooperation gets 403 or an empty
 * list, never others' cases"). Two active cooperations: A = Heek, Legden, Schöppingen (the building
 * yard) and B = Heiden, Legden, Reken. Legden sits on the bodies of both, the others on one.
 */
describe('GET /escalations: each board sees exactly the cases at its bodies, oldest deadline first', () => {
  let t: TestApp;
  let a: BuildingYard;
  let b: BuildingYard;
  // Cases and their deadlines (end of the day in Germany):
  let a1 = ''; // A #1, raised 1 Sep, escalated 7 Sep → level 2: 20 NRW working days → 5 Oct
  let a2 = ''; // A #2, raised 5 Sep → level 1: 28 calendar days → 3 Oct
  let b1 = ''; // B #1, raised 3 Sep → 1 Oct
  let b2 = ''; // B #2, raised 10 Sep → 8 Oct

  const raise = async (yard: BuildingYard, actor: Actor, at: string, parties: string[]) => {
    yard.at(new Date(at));
    const res = await yard.send(actor, {
      type: 'RAISE_CONFLICT',
      subject: `Streit vom ${at.slice(0, 10)}`,
      description: 'Uneinigkeit über die Verteilung der Winterdiensteinsätze.',
      parties,
    });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    a = new BuildingYard(t);
    await a.runUntil();
    b = new BuildingYard(t, SECOND_YARD);
    await b.runUntil();
    [a1, a2, b1, b2] = [caseIdFor(a.id, 1), caseIdFor(a.id, 2), caseIdFor(b.id, 1), caseIdFor(b.id, 2)];
    await raise(a, COORD_HEEK, '2026-09-01T08:00:00Z', [HEEK.ags, LEGDEN.ags]);
    await raise(b, COORD_HEIDEN, '2026-09-03T08:00:00Z', [HEIDEN, LEGDEN.ags]);
    await raise(a, COORD_LEGDEN, '2026-09-05T08:00:00Z', [LEGDEN.ags, SCHOEPPINGEN.ags]);
    a.at(new Date('2026-09-07T08:00:00Z'));
    const escalated = await a.send(BOARD_HEEK, { type: 'ESCALATE_CASE', caseId: a1, reason: 'Keine Einigung' });
    expect(escalated.status).toBe(200);
    await raise(b, COORD_LEGDEN, '2026-09-10T08:00:00Z', [LEGDEN.ags, REKEN]);
    a.at(new Date('2026-09-11T08:00:00Z'));
  });
  afterAll(() => t.close());

  const queue = async (actor: Actor, query: object = {}) => {
    const res = await t.http
      .get('/api/v1/escalations')
      .query(query)
      .set('Authorization', `Bearer ${await a.token(actor)}`);
    expect(res.status).toBe(200);
    return res.body as { items: Entry[]; next: string | null };
  };
  const ids = async (actor: Actor, query: object = {}) => (await queue(actor, query)).items.map((e) => e.caseId);
  const getCase = async (actor: Actor, id: string) =>
    t.http.get(`/api/v1/escalations/${id}`).set('Authorization', `Bearer ${await a.token(actor)}`);

  it('a board member on the bodies of both cooperations sees all four open cases, by deadline', async () => {
    const { items } = await queue(BOARD_LEGDEN);
    expect(items.map((e) => [e.caseId, e.cooperationId, e.level, e.deadlineAt])).toEqual([
      [b1, b.id, 1, '2026-10-01T22:00:00.000Z'],
      [a2, a.id, 1, '2026-10-03T22:00:00.000Z'],
      [a1, a.id, 2, '2026-10-05T22:00:00.000Z'],
      [b2, b.id, 1, '2026-10-08T22:00:00.000Z'],
    ]);
    expect(items.every((e) => e.mayAct && e.bodyMunicipalities.includes(LEGDEN.ags))).toBe(true);
    // Paged, the order holds across pages.
    const first = await queue(BOARD_LEGDEN, { limit: 2 });
    expect(first.items.map((e) => e.caseId)).toEqual([b1, a2]);
    expect(await ids(BOARD_LEGDEN, { limit: 2, cursor: first.next })).toEqual([a1, b2]);
    // Filters narrow the same list.
    expect(await ids(BOARD_LEGDEN, { level: 2 })).toEqual([a1]);
    expect(await ids(BOARD_LEGDEN, { level: 1 })).toEqual([b1, a2, b2]);
    expect(await ids(BOARD_LEGDEN, { cooperation: b.id })).toEqual([b1, b2]);
    expect(await ids(AUDITOR)).toEqual([b1, a2, a1, b2]);
  });

  it('the commands keep one row per case in escalation_cases (status, level, deadline as in the snapshot); SQL pages them', async () => {
    const rows = await t.dataSource.query<Array<{ case_id: string; status: string; level: number; deadline: string }>>(
      `SELECT case_id, status, level, to_char(deadline_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS deadline
         FROM escalation_cases WHERE cooperation_id = ANY($1::uuid[]) ORDER BY deadline_at, case_id`,
      [[a.id, b.id]],
    );
    // a1 was escalated: its row moved to level 2 and the new deadline with the snapshot.
    expect(rows.map((r) => [r.case_id, r.status, r.level, r.deadline])).toEqual([
      [b1, 'open', 1, '2026-10-01T22:00:00.000Z'],
      [a2, 'open', 1, '2026-10-03T22:00:00.000Z'],
      [a1, 'open', 2, '2026-10-05T22:00:00.000Z'],
      [b2, 'open', 1, '2026-10-08T22:00:00.000Z'],
    ]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; next: string | null } = await queue(BOARD_LEGDEN, {
        limit: 1,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((e) => e.caseId));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual([b1, a2, a1, b2]);
  });

  it("a board member of one cooperation sees exactly its cases and never the other's", async () => {
    for (const board of [BOARD_HEEK, BOARD_SCHOEPPINGEN]) expect(await ids(board)).toEqual([a2, a1]);
    for (const board of [BOARD_HEIDEN, BOARD_REKEN]) expect(await ids(board)).toEqual([b1, b2]);
    // Asking for the other cooperation by filter does not help.
    expect(await ids(BOARD_HEIDEN, { cooperation: a.id })).toEqual([]);
    expect(await ids(BOARD_HEEK, { cooperation: b.id })).toEqual([]);
    // Nor does asking for the case itself, or deciding it: the other cooperation is not there.
    for (const [board, id] of [
      [BOARD_HEIDEN, a1],
      [BOARD_HEIDEN, a2],
      [BOARD_HEEK, b1],
    ] as const) {
      expect({ id, status: (await getCase(board, id)).status }).toEqual({ id, status: 404 });
    }
    for (const [board, yard, id] of [
      [BOARD_HEIDEN, a, a2],
      [BOARD_HEEK, b, b2],
    ] as const) {
      const res = await t.http
        .post(`/api/v1/cooperations/${yard.id}/events`)
        .set('Authorization', `Bearer ${await a.token(board)}`)
        .send({ type: 'RESOLVE_CASE', caseId: id, decision: 'Beschluss einer fremden Kooperation' });
      expect({ id, status: res.status }).toEqual({ id, status: 404 });
    }
    // A case id of B sent to A by A's board is not B's case either.
    const crossed = await a.send(BOARD_HEEK, { type: 'RESOLVE_CASE', caseId: b2, decision: 'x' });
    expect(crossed.status).toBe(422);
    // B's board decides B's case; it leaves the open queue of everyone who saw it, and no one else's changes.
    const resolved = await b.send(BOARD_REKEN, {
      type: 'RESOLVE_CASE',
      caseId: b1,
      decision: 'Einsätze nach Kilometern',
    });
    expect(resolved.status).toBe(200);
    expect(await ids(BOARD_REKEN)).toEqual([b2]);
    expect(await ids(BOARD_LEGDEN)).toEqual([a2, a1, b2]);
    expect(await ids(BOARD_HEEK)).toEqual([a2, a1]);
  });

  it('coordinators read the cases of their own cooperations only, without acting', async () => {
    const heiden = await queue(COORD_HEIDEN);
    expect(heiden.items.map((e) => [e.caseId, e.mayAct])).toEqual([[b2, false]]);
    expect((await queue(COORD_HEEK)).items.map((e) => [e.caseId, e.mayAct])).toEqual([
      [a2, false],
      [a1, false],
    ]);
    expect(await ids(COORD_LEGDEN)).toEqual([a2, a1, b2]);
    for (const id of [a1, a2]) expect((await getCase(COORD_HEIDEN, id)).status).toBe(404);
    expect((await getCase(COORD_HEIDEN, b1)).body).toMatchObject({ caseId: b1, status: 'resolved' });
    expect(await ids(COORD_HEEK, { status: 'resolved' })).toEqual([]);
    expect(await ids(COORD_HEIDEN, { status: 'resolved' })).toEqual([b1]);
  });

  it('the rows carry the entries the queue shows; rows stored before entries are read from their snapshots, then filled', async () => {
    const rows = await t.dataSource.query<Array<{ case_id: string; entry: Record<string, unknown> }>>(
      `SELECT case_id, entry FROM escalation_cases WHERE cooperation_id = ANY($1::uuid[]) ORDER BY deadline_at, case_id`,
      [[a.id, b.id]],
    );
    const all = [...(await queue(AUDITOR)).items, ...(await queue(AUDITOR, { status: 'resolved' })).items] as Array<
      Entry & { overdue: boolean; status: string }
    >;
    for (const { case_id, entry } of rows) {
      const { overdue: _overdue, status: _status, mayAct: _mayAct, ...shown } = all.find((e) => e.caseId === case_id)!;
      expect(entry).toEqual(shown);
    }
    const principals = [BOARD_LEGDEN, BOARD_HEEK, BOARD_REKEN, COORD_HEIDEN, AUDITOR];
    const before = await Promise.all(principals.map((p) => queue(p, { limit: 2 })));
    await t.dataSource.query(`UPDATE escalation_cases SET entry = NULL WHERE cooperation_id = $1`, [a.id]);
    expect(await Promise.all(principals.map((p) => queue(p, { limit: 2 })))).toEqual(before);
    expect(await ids(BOARD_LEGDEN, { level: 2 })).toEqual([a1]);
    // The start-up backfill gives them their entries again, from the snapshots; a second run finds none.
    const backfill = t.app.get(CaseEntriesBackfill);
    expect(await backfill.run()).toBe(2);
    expect(await backfill.run()).toBe(0);
    expect(
      await t.dataSource.query(
        `SELECT case_id, entry FROM escalation_cases WHERE cooperation_id = ANY($1::uuid[]) ORDER BY deadline_at, case_id`,
        [[a.id, b.id]],
      ),
    ).toEqual(rows);
  });

  it('scopes by level: a partner not on the level-1 body sees only the cases at later levels', async () => {
    // Every partner must sit on the steering body when the contract starts (OBL-STEERING-BODY), so
    // the rules cannot produce this state yet; an amended body could. Written by SQL: the snapshot,
    // and the level-1 entries' body as the command amending it would write them.
    await t.dataSource.query(
      `UPDATE cooperations SET state = jsonb_set(state, '{context,governance,steeringBody,members}',
         (SELECT jsonb_agg(m) FROM jsonb_array_elements(state #> '{context,governance,steeringBody,members}') m
           WHERE m->>'municipality' <> $2))
        WHERE id = $1`,
      [a.id, SCHOEPPINGEN.ags],
    );
    await t.dataSource.query(
      `UPDATE escalation_cases SET entry = jsonb_set(entry, '{bodyMunicipalities}',
         (SELECT jsonb_agg(m) FROM jsonb_array_elements(entry -> 'bodyMunicipalities') m WHERE m #>> '{}' <> $2))
        WHERE cooperation_id = $1 AND level = 1`,
      [a.id, SCHOEPPINGEN.ags],
    );
    const { items } = await queue(BOARD_SCHOEPPINGEN);
    expect(items.map((e) => [e.caseId, e.level, e.mayAct])).toEqual([[a1, 2, true]]);
    expect(await ids(BOARD_HEEK)).toEqual([a2, a1]);
    expect(await ids(BOARD_SCHOEPPINGEN, { level: 1 })).toEqual([]);
    // The partner still reads the level-1 case (it is its cooperation) but may not decide it.
    expect((await getCase(BOARD_SCHOEPPINGEN, a2)).body).toMatchObject({ caseId: a2, level: 1, mayAct: false });
    const res = await a.send(BOARD_SCHOEPPINGEN, { type: 'RESOLVE_CASE', caseId: a2, decision: 'x' });
    expect(res.status).toBe(403);
    expect(await ids(BOARD_HEEK)).toEqual([a2, a1]);
  });
});
