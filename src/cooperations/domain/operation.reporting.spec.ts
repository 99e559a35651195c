import { decide } from './engine';
import { reportingPeriods } from './reporting';
import {
  ACTIVE_STATE,
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  HEEK,
} from '../../../test/fixtures/building-yard.scenario';
import { BOARD_HEEK } from '../../../test/fixtures/operation-phase.scenario';
import { activeAt, at, report, values } from '../../../test/fixtures/operation-setup';
import { accept, rejected, stateBefore } from '../../../test/fixtures/run-scenario';

describe('entry into force', () => {
  it('schedules the first reporting period’s due timer', () => {
    const { state, at: t } = stateBefore('put-into-force');
    const d = accept(decide(state, { type: 'PUT_INTO_FORCE' }, COORD_HEEK, t));
    expect(d.stateAfter).toBe(ACTIVE_STATE);
    expect(d.timers).toEqual({
      schedule: [
        {
          key: `report-due:${HEEK.ags}:2027-Q1`,
          dueAt: '2027-03-31T22:00:00.000Z',
          event: { type: 'REPORT_DUE', reporter: HEEK.ags, period: '2027-Q1', dueAt: '2027-03-31T22:00:00.000Z' },
        },
      ],
      cancel: [],
    });
  });

  it('starts the duties with the first period due after entry into force, labelled by start date off calendar boundaries', () => {
    const run = activeAt('2026-08-18T08:00:00Z', (ctx) => (ctx.contract.versions[0].term.start = '2026-02-15'));
    // periods 2026-02-15…05-14 and 05-15…08-14 fell due before 17 Aug 2026: not the duty's
    expect(Object.keys(run.state.context.timers)).toEqual([`report-due:${HEEK.ags}:2026-08-15/P3M`]);
    expect(reportingPeriods(run.state.context, at('2026-08-18T08:00:00Z'))).toEqual([
      expect.objectContaining({
        period: '2026-08-15/P3M',
        startsOn: '2026-08-15',
        endsOn: '2026-11-14',
        graceEndsOn: '2026-11-28',
        status: 'due',
      }),
      expect.objectContaining({ period: '2026-11-15/P3M', status: 'upcoming' }),
    ]);
  });
});

describe('reporting [P6, P8]', () => {
  it('derives period status: upcoming, due, overdue, submitted, acknowledged', () => {
    const run = activeAt('2026-12-01T08:00:00Z');
    const status = (now: string) =>
      reportingPeriods(run.state.context, at(now)).map((p) => [p.period, p.status] as const);
    expect(status('2026-12-01T08:00:00Z')).toEqual([['2027-Q1', 'upcoming']]);
    expect(status('2027-02-01T08:00:00Z')).toEqual([
      ['2027-Q1', 'due'],
      ['2027-Q2', 'upcoming'],
    ]);
    expect(status('2027-04-02T08:00:00Z')).toEqual([
      ['2027-Q1', 'overdue'],
      ['2027-Q2', 'due'],
      ['2027-Q3', 'upcoming'],
    ]);
    run.send(COORD_HEEK, report('2027-Q1'), at('2027-03-20T08:00:00Z'));
    expect(status('2027-03-21T08:00:00Z')[0]).toEqual(['2027-Q1', 'submitted']);
    run.send(COORD_LEGDEN, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1' });
    expect(status('2027-03-21T08:00:00Z')[0]).toEqual(['2027-Q1', 'submitted']);
    run.send(COORD_SCHOEPPINGEN, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1', reporter: HEEK.ags });
    expect(status('2027-03-21T08:00:00Z')[0]).toEqual(['2027-Q1', 'acknowledged']);
  });

  it('refuses a report for a period that has not started, an unknown period, or one reported twice', () => {
    const run = activeAt('2027-02-01T08:00:00Z');
    expect(rejected(run.decide(COORD_HEEK, report('2027-Q2')))).toMatchObject({
      kind: 'invalid',
      errors: [
        { path: 'period', message: { key: 'rules.periodNotStarted', params: { date: '2027-04-01', field: 'period' } } },
      ],
    });
    expect(rejected(run.decide(COORD_HEEK, report('2026-Q4'))).errors).toEqual([
      { path: 'period', message: { key: 'rules.notReportingPeriod', params: { ags: HEEK.ags, field: 'period' } } },
    ]);
    expect(rejected(run.decide(COORD_HEEK, report('2027-13'))).kind).toBe('invalid');
    run.send(COORD_HEEK, report('2027-01-01')); // by its start date
    expect(run.state.context.reporting.reports[0]).toMatchObject({ id: `${HEEK.ags}/2027-Q1`, late: false });
    expect(rejected(run.decide(COORD_HEEK, report('2027-Q1'))).errors).toEqual([
      { path: 'period', message: { key: 'rules.alreadyReported', params: { period: '2027-Q1', field: 'period' } } },
    ]);
  });

  it('needs a value for every success criterion (OBL-REPORT-CRITERIA)', () => {
    const run = activeAt('2027-02-01T08:00:00Z');
    const d = rejected(run.decide(COORD_HEEK, report('2027-Q1', values.slice(1))));
    expect(d).toMatchObject({
      kind: 'obligations-unmet',
      unmet: [{ id: 'OBL-REPORT-CRITERIA', met: false, missing: [`value:${values[0].indicator}`] }],
    });
    const twice = [...values, { ...values[0], value: 9 }];
    expect(rejected(run.decide(COORD_HEEK, report('2027-Q1', twice))).kind).toBe('invalid');
    expect(accept(run.decide(COORD_HEEK, report('2027-Q1'))).obligations).toEqual([
      { id: 'OBL-REPORT-CRITERIA', met: true, missing: [] },
    ]);
  });

  it('only the reporter reports; the others acknowledge, once each', () => {
    const run = activeAt('2027-02-01T08:00:00Z');
    expect(rejected(run.decide(COORD_LEGDEN, report('2027-Q1'))).kind).toBe('forbidden');
    expect(rejected(run.decide(BOARD_HEEK, report('2027-Q1'))).kind).toBe('forbidden');
    expect(rejected(run.decide(COORD_LEGDEN, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1' })).kind).toBe('invalid');
    run.send(COORD_HEEK, report('2027-Q1'));
    expect(rejected(run.decide(COORD_HEEK, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1' })).kind).toBe('forbidden');
    run.send(COORD_LEGDEN, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1' });
    expect(rejected(run.decide(COORD_LEGDEN, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1' })).kind).toBe('invalid');
  });

  it('a late report cancels the grace timer; the region is back on track', () => {
    const run = activeAt('2027-04-02T08:00:00Z');
    expect(run.log.at(-1)!.stateAfter).toMatch(/^active\.reporting\.overdue,/);
    expect(Object.keys(run.state.context.timers).sort()).toEqual([
      `report-due:${HEEK.ags}:2027-Q2`,
      `report-grace:${HEEK.ags}:2027-Q1`,
    ]);
    const d = run.send(COORD_HEEK, report('2027-Q1'));
    expect(d.timers).toEqual({ schedule: [], cancel: [`report-grace:${HEEK.ags}:2027-Q1`] });
    expect(d.stateAfter).toBe(ACTIVE_STATE);
    expect(d.state.context.reporting.reports[0].late).toBe(true);
  });
});
