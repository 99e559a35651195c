import { caseIdFor, escalationQueue, uuidV5 } from './escalation';
import {
  ACTIVE_STATE,
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  HEEK,
  SCHOEPPINGEN,
} from '../../../test/fixtures/building-yard.scenario';
import { BOARD_AHAUS, BOARD_HEEK, BOARD_LEGDEN } from '../../../test/fixtures/operation-phase.scenario';
import { activeAt, at, conflict, ID, report } from '../../../test/fixtures/operation-setup';
import { rejected } from '../../../test/fixtures/run-scenario';

describe('escalation cases [P6]', () => {
  it('opens cases at level 1 with deterministic ids (UUID v5 in the cooperation id) and deadlines', () => {
    const run = activeAt('2027-03-01T08:00:00Z');
    const first = run.send(COORD_LEGDEN, conflict());
    const second = run.send(COORD_SCHOEPPINGEN, conflict([HEEK.ags, SCHOEPPINGEN.ags]), at('2027-03-02T08:00:00Z'));
    const [c1, c2] = second.state.context.escalation.cases;
    expect(c1).toMatchObject({ id: caseIdFor(ID, 1), number: 1, level: 1, status: 'open', deadlineOn: '2027-03-29' });
    expect(c2).toMatchObject({ id: caseIdFor(ID, 2), number: 2, parties: [HEEK.ags, SCHOEPPINGEN.ags] });
    expect(c1.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.timers.schedule).toEqual([
      {
        key: `case-deadline:${c1.id}:1`,
        dueAt: '2027-03-29T22:00:00.000Z',
        event: { type: 'CASE_DEADLINE_PASSED', caseId: c1.id, level: 1, dueAt: '2027-03-29T22:00:00.000Z' },
      },
    ]);
    expect(first.stateAfter).toContain('active.escalation.casesOpen');
    expect(escalationQueue(second.state.context, at('2027-03-02T09:00:00Z')).map((e) => e.number)).toEqual([1, 2]);
    expect(escalationQueue(second.state.context, at('2027-03-02T09:00:00Z'), { actor: BOARD_AHAUS })).toEqual([]);
    expect(escalationQueue(second.state.context, at('2027-03-02T09:00:00Z'), { level: 2 })).toEqual([]);
  });

  it('RFC 9562 UUID v5 test vector (DNS namespace, www.example.com)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('parties must be partners; only partners’ coordinators raise cases', () => {
    const run = activeAt('2027-03-01T08:00:00Z');
    expect(rejected(run.decide(COORD_LEGDEN, conflict(['05554004']))).kind).toBe('invalid');
    expect(rejected(run.decide(BOARD_LEGDEN, conflict())).kind).toBe('forbidden');
    expect(rejected(run.decide({ ...COORD_LEGDEN, municipality: '05554004' }, conflict())).kind).toBe('forbidden');
  });

  it('the body at the current level resolves or escalates; the last level resolves or fails', () => {
    const run = activeAt('2027-03-01T08:00:00Z');
    run.send(COORD_LEGDEN, conflict());
    const caseId = caseIdFor(ID, 1);
    expect(rejected(run.decide(COORD_HEEK, { type: 'RESOLVE_CASE', caseId, decision: 'x' })).kind).toBe('forbidden');
    expect(rejected(run.decide(BOARD_AHAUS, { type: 'RESOLVE_CASE', caseId, decision: 'x' })).kind).toBe('forbidden');
    expect(rejected(run.decide(BOARD_HEEK, { type: 'RESOLVE_CASE', caseId: 'nope', decision: 'x' })).kind).toBe(
      'invalid',
    );
    expect(rejected(run.decide(BOARD_HEEK, { type: 'DECLARE_CASE_FAILED', caseId, reason: 'x' })).kind).toBe('invalid');
    const up = run.send(BOARD_HEEK, { type: 'ESCALATE_CASE', caseId, reason: 'keine Einigung' });
    expect(up.timers).toEqual({
      schedule: [expect.objectContaining({ key: `case-deadline:${caseId}:2` })],
      cancel: [`case-deadline:${caseId}:1`],
    });
    run.send(BOARD_LEGDEN, { type: 'ESCALATE_CASE', caseId, reason: 'keine Einigung' });
    expect(rejected(run.decide(BOARD_LEGDEN, { type: 'ESCALATE_CASE', caseId, reason: 'x' })).errors).toEqual([
      { path: 'caseId', message: { key: 'rules.lastLevel', params: { number: 1, field: 'caseId' } } },
    ]);
    const done = run.send(BOARD_LEGDEN, { type: 'RESOLVE_CASE', caseId, decision: 'Abrechnung nach Fahrtenbuch' });
    expect(done.state.context.escalation.cases[0]).toMatchObject({
      status: 'resolved',
      decision: 'Abrechnung nach Fahrtenbuch',
      level: 3,
    });
    expect(done.timers).toEqual({ schedule: [], cancel: [`case-deadline:${caseId}:3`] });
    expect(done.stateAfter).toBe(ACTIVE_STATE);
    expect(rejected(run.decide(BOARD_LEGDEN, { type: 'RESOLVE_CASE', caseId, decision: 'x' })).kind).toBe('invalid');
  });

  it('missed deadlines escalate automatically; at the last level the case fails (exhausted)', () => {
    const run = activeAt('2027-03-01T08:00:00Z');
    run.send(COORD_LEGDEN, conflict());
    run.send(COORD_HEEK, report('2027-Q1'), at('2027-03-20T08:00:00Z'));
    run.advanceTo(at('2028-01-01T00:00:00Z'));
    const c = run.state.context.escalation.cases[0];
    expect(c.steps.map((s) => [s.level, s.action, s.at])).toEqual([
      [1, 'raised', '2027-03-01T08:00:00.000Z'],
      [1, 'escalated-automatically', '2027-03-29T22:00:00.000Z'],
      // level 2 from 30 Mar 2027: 20 working days skipping Ostermontag (29 Mar is before), 1 May is a Saturday
      [2, 'escalated-automatically', '2027-04-27T22:00:00.000Z'],
      [3, 'failed-automatically', '2027-07-28T22:00:00.000Z'],
    ]);
    expect(c.status).toBe('failed');
  });
});
