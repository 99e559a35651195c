import type { Actor } from '../src/cooperations/domain';
import { caseIdFor } from '../src/cooperations/domain';
import { COORD_HEEK, COORD_LEGDEN, HEEK, LEGDEN } from './fixtures/building-yard.scenario';
import {
  BOARD_AHAUS,
  BOARD_HEEK,
  BOARD_LEGDEN,
  operationPhaseStory,
  type StoryStep,
} from './fixtures/operation-phase.scenario';
import { TimerScheduler } from '../src/cooperations';
import { BuildingYard, toBody } from './support/building-yard';
import { createTestApp, type TestApp } from './support/test-app';

const STATUS = { invalid: 422, forbidden: 403, 'event-not-allowed': 409, 'obligations-unmet': 409 } as const;
/** A coordinator of a municipality that takes part in no cooperation here. */
const COORD_AHAUS: Actor = { sub: 'coord-ahaus', role: 'coordinator', municipality: '05554004' };

/**
 * Issue 5's acceptance story over HTTP: the building yard of Heek, Legden and Schöppingen runs from
 * 2026 to its dissolution in 2032. The server clock jumps from deadline to deadline and the timer
 * scheduler fires what is due (as the system actor, through the command path); between them the
 * story's steps are sent by coordinators and board members.
 */
describe('the operation phase over HTTP: years of simulated time on durable timers', () => {
  let t: TestApp;
  let yard: BuildingYard;
  let scheduler: TimerScheduler;
  let story: StoryStep[];
  let case1 = '';

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
    await yard.runUntil();
    scheduler = t.app.get(TimerScheduler);
    story = operationPhaseStory(yard.id);
    case1 = caseIdFor(yard.id, 1);
  });
  afterAll(() => t.close());

  /** Fires every timer due up to `until`, each at its own due instant, like a scheduler that never sleeps in. */
  async function advanceTo(until: Date): Promise<void> {
    for (;;) {
      const [{ next }] = await t.dataSource.query<Array<{ next: Date | null }>>(
        `SELECT min(due_at) AS next FROM cooperation_timers WHERE cooperation_id = $1`,
        [yard.id],
      );
      if (!next || new Date(next) > until) break;
      yard.at(new Date(next));
      const fired = await scheduler.fireDueTimers();
      expect(fired.filter((f) => !['fired', 'noop'].includes(f.outcome))).toEqual([]);
    }
    yard.at(until);
  }

  const stateNow = async () => (await yard.get(COORD_HEEK)).body.state as string;
  const queue = async (actor: Actor, query: object = {}) =>
    t.http
      .get('/api/v1/escalations')
      .query(query)
      .set('Authorization', `Bearer ${await yard.token(actor)}`);

  async function run(until?: string): Promise<void> {
    while (story.length > 0 && story[0].name !== until) {
      const step = story.shift()!;
      await advanceTo(step.at);
      if (step.kind === 'checkpoint') {
        expect({ step: step.name, state: await stateNow() }).toEqual({ step: step.name, state: step.stateAfter });
        continue;
      }
      const res = await yard.send(step.actor, toBody(step.event));
      if (step.kind === 'send') {
        expect({ step: step.name, status: res.status, state: res.body.cooperation?.state }).toEqual({
          step: step.name,
          status: 200,
          state: step.stateAfter,
        });
      } else {
        // A caller outside the cooperation does not learn it exists: 404 before the domain's 403.
        const outsider = step.actor.municipality === BOARD_AHAUS.municipality;
        const status = outsider ? 404 : STATUS[step.rejection];
        expect({ step: step.name, status: res.status }).toEqual({ step: step.name, status });
        if (step.unmet) expect((res.body.obligations as Array<{ id: string }>).map((o) => o.id)).toEqual(step.unmet);
      }
    }
  }

  it('reports every quarter; the missed 2030-Q2 report is overdue in GET …/reports', async () => {
    await run('case-opened-automatically');
    const res = await yard.get(COORD_LEGDEN, '/reports');
    expect(res.status).toBe(200);
    const periods = res.body.periods as Array<{ period: string; status: string; reporter: string }>;
    expect(periods.find((p) => p.period === '2030-Q2')).toMatchObject({ reporter: HEEK.ags, status: 'overdue' });
    expect(periods.find((p) => p.period === '2030-Q1')?.status).toMatch(/^(submitted|acknowledged)$/);
    expect(periods.find((p) => p.period === '2030-Q3')?.status).toBe('due');
  });

  it('opens a case by itself after the grace period; the queue shows it to the steering body only', async () => {
    await run('steering-body-escalates');
    // Legden's and Heek's board members sit on the steering body (level 1).
    for (const board of [BOARD_LEGDEN, BOARD_HEEK]) {
      const res = await queue(board);
      expect(res.status).toBe(200);
      expect(res.body.items.map((e: { caseId: string; level: number }) => [e.caseId, e.level])).toEqual([[case1, 1]]);
      expect(res.body.items[0]).toMatchObject({ status: 'open', mayAct: true, origin: { kind: 'overdue-report' } });
    }
    expect((await queue(BOARD_LEGDEN, { level: 2 })).body.items).toEqual([]);
    expect((await queue(BOARD_LEGDEN, { cooperation: yard.id })).body.items).toHaveLength(1);
    // Coordinators of the cooperation read the queue too, without acting on it.
    expect((await queue(COORD_LEGDEN)).body.items).toMatchObject([{ caseId: case1, mayAct: false }]);
    // Outside the cooperation: an empty list, never the case; the case itself is 404.
    for (const outsider of [BOARD_AHAUS, COORD_AHAUS]) {
      expect((await queue(outsider)).body).toEqual({ items: [], next: null });
      const one = await t.http
        .get(`/api/v1/escalations/${case1}`)
        .set('Authorization', `Bearer ${await yard.token(outsider)}`);
      expect(one.status).toBe(404);
    }
    expect((await queue(BOARD_LEGDEN, { level: 0 })).status).toBe(400);
  });

  it('walks the ladder to mediation by a missed deadline, fails, and the partner leaves after 12 months', async () => {
    await run('two-partners-continue');
    const res = await t.http
      .get(`/api/v1/escalations/${case1}`)
      .set('Authorization', `Bearer ${await yard.token(BOARD_LEGDEN)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ caseId: case1, status: 'failed', level: 3, mayAct: false });
    expect(res.body.steps.map((s: { action: string }) => s.action)).toEqual([
      'opened-automatically',
      'escalated',
      'escalated-automatically',
      'declared-failed',
    ]);
    expect(res.body.steps[2].by).toMatchObject({ sub: 'system', role: 'system' });
    expect((await queue(BOARD_LEGDEN)).body.items).toEqual([]);
    expect((await queue(BOARD_LEGDEN, { status: 'failed' })).body.items).toMatchObject([{ caseId: case1 }]);
  });

  it('two partners continue, dissolve by agreement, and the history verifies', async () => {
    await run();
    expect(await stateNow()).toBe('dissolved');
    const members = (await yard.get(COORD_LEGDEN)).body.members as Array<{ ags: string; status: string }>;
    expect(members.filter((m) => m.status === 'active').map((m) => m.ags)).toEqual([HEEK.ags, LEGDEN.ags].sort());
    const [{ n }] = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM cooperation_timers WHERE cooperation_id = $1`,
      [yard.id],
    );
    expect(n).toBe(0);
    const verify = await yard.get(COORD_HEEK, '/history/verify');
    expect(verify.body).toMatchObject({ valid: true });
    const history = await t.dataSource.query<Array<{ event_type: string; n: number }>>(
      `SELECT event_type, count(*)::int AS n FROM cooperation_history
        WHERE cooperation_id = $1 AND actor->>'role' = 'system' GROUP BY event_type ORDER BY event_type`,
      [yard.id],
    );
    expect(history).toEqual([
      { event_type: 'CASE_DEADLINE_PASSED', n: 1 },
      { event_type: 'NOTICE_PERIOD_ENDED', n: 1 },
      { event_type: 'REPORT_DUE', n: 21 },
      { event_type: 'REPORT_GRACE_EXPIRED', n: 1 },
    ]);
  });
});
