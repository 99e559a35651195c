import type { ProblemException } from '../../../common/problem';
import { describeLifecycle, EVENT_TYPES, OUTSIDER_EVENT_TYPES, SYSTEM_EVENT_TYPES } from '../../domain';
import { EventBodyPipe } from '../event-body.pipe';
import { API_EVENT_TYPES } from './event.dto';

const PHASES = ['partnerSearch', 'letterOfIntent', 'planning', 'contract', 'active', 'dissolving'];
const pipe = new EventBodyPipe();

/** The problem's field paths and messages, or 'ok'. */
async function check(body: unknown): Promise<unknown> {
  try {
    await pipe.transform(body);
    return 'ok';
  } catch (error) {
    const problem = (error as ProblemException).toProblem('en') as { errors?: Array<{ path: string }> };
    return { status: (error as ProblemException).getStatus(), paths: problem.errors?.map((e) => e.path) };
  }
}

describe('event DTOs', () => {
  it('have a request body class for every event a person can send, in every phase', () => {
    const needed = describeLifecycle()
      .states.filter((s) => PHASES.includes(s.id.split('.')[0]))
      .flatMap((s) => s.events.map((e) => e.type))
      .filter((t) => !([...SYSTEM_EVENT_TYPES, ...OUTSIDER_EVENT_TYPES] as readonly string[]).includes(t));
    expect(needed.filter((t) => !API_EVENT_TYPES.includes(t as never))).toEqual([]);
    expect(EVENT_TYPES.filter((t) => !API_EVENT_TYPES.includes(t)).sort()).toEqual(
      [...SYSTEM_EVENT_TYPES, ...OUTSIDER_EVENT_TYPES].sort(),
    );
  });

  it.each(SYSTEM_EVENT_TYPES)('refuse the timer event %s over HTTP (400 unknown type)', async (type) => {
    expect(await check({ type, reporter: '05554024', period: '2027-Q1', dueAt: '2027-04-01T00:00:00.000Z' })).toEqual({
      status: 400,
      paths: ['type'],
    });
  });

  const CASE = '6f1c6a0e-8f5e-5b1a-9c1e-3f9d2b7a4c10';
  it.each([
    [
      'SUBMIT_REPORT',
      { period: '2027-Q1', narrative: 'Alles im Plan', values: [{ indicator: 'Kosten je km', value: -3.5 }] },
    ],
    ['ACKNOWLEDGE_REPORT', { period: '2027-Q1', reporter: '05554024' }],
    ['RAISE_CONFLICT', { subject: 'Winterdienst', description: 'Streit', parties: ['05554024', '05554036'] }],
    ['RESOLVE_CASE', { caseId: CASE, decision: 'Einigung' }],
    ['ESCALATE_CASE', { caseId: CASE, reason: 'Keine Einigung' }],
    ['DECLARE_CASE_FAILED', { caseId: CASE, reason: 'Mediation gescheitert' }],
    ['REQUEST_EXIT', { reasons: 'Dauerhafter Konflikt', escalationCaseId: CASE }],
    [
      'REQUEST_EXIT',
      {
        reasons: 'x',
        conflictProcedureNotApplicable: 'y',
        exitPlan: {
          organisation: 'a',
          staffCapacityAndExpertise: 'b',
          it: 'c',
          premises: 'd',
          vehiclesAndEquipment: 'e',
        },
        formSpecificStep: {
          voteDate: '2030-12-01',
          votesFor: 20,
          votesTotal: 30,
          statuteMajority: { numerator: 1, denominator: 2, reference: '§ 9 Satzung' },
        },
      },
    ],
    ['WITHDRAW_EXIT_REQUEST', {}],
    ['PROPOSE_DISSOLUTION', { reason: 'Aufgabe entfallen' }],
    ['RECORD_DISSOLUTION_RESOLUTION', { body: 'Rat', date: '2032-03-01', reference: 'V 2032/1', agreed: true }],
    ['RECORD_WINDING_UP', { assets: 'a', staff: 's', data: 'd', openObligations: 'o' }],
    ['RECORD_WINDING_UP', {}],
  ])('accept a well-formed %s', async (type, payload) => {
    expect(await check({ type, ...payload })).toBe('ok');
  });

  it.each([
    [
      'SUBMIT_REPORT',
      { period: '2027-Q1', narrative: ' ', values: [{ indicator: 'k', value: 'x' }] },
      ['narrative', 'values[0].value'],
    ],
    ['ACKNOWLEDGE_REPORT', { period: '2027-Q1', reporter: '555' }, ['reporter']],
    ['RAISE_CONFLICT', { subject: 's', description: 'd', parties: [] }, ['parties']],
    ['RESOLVE_CASE', { caseId: CASE }, ['decision']],
    ['ESCALATE_CASE', { caseId: '', reason: 'r' }, ['caseId']],
    ['REQUEST_EXIT', { reasons: 'r', exitPlan: { it: 5 } }, ['exitPlan.it']],
    ['REQUEST_EXIT', { reasons: 'r', formSpecificStep: { notifiedOn: '1.12.2030' } }, ['formSpecificStep.notifiedOn']],
    ['WITHDRAW_EXIT_REQUEST', { reason: null }, ['reason']],
    [
      'RECORD_DISSOLUTION_RESOLUTION',
      { body: 'Kreistag', date: '2032-03-01', reference: 'r', agreed: 'yes' },
      ['agreed'],
    ],
    ['RECORD_WINDING_UP', { assets: 'a', extra: 1 }, ['extra']],
  ])('refuse a malformed %s with field paths', async (type, payload, paths) => {
    const result = (await check({ type, ...payload })) as { status: number; paths: string[] };
    expect(result.status).toBe(400);
    expect([...new Set(result.paths)].sort()).toEqual([...paths].sort());
  });
});
