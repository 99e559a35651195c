import { HEEK, KREIS_BORKEN, MUENSTER } from '../../../../test/fixtures/municipalities';
import { notificationPlan, notificationRule } from './notification';

const rule = notificationRule('2026-10-01')!;
const START = '2027-01-04';

describe('§ 115 Abs. 1 GO NRW — each member notifies its own authority six weeks before execution', () => {
  it('§ 115 Abs. 1 S. 1 GO NRW, § 120 Abs. 1–2 GO NRW: one step per member, each with its own authority and deadline', () => {
    const plan = notificationPlan(rule, [HEEK, MUENSTER, KREIS_BORKEN], START, []);
    expect(plan.complete).toBe(false);
    expect(plan.members.map((m) => [m.authority.names.de, m.latestOn, m.state])).toEqual([
      ['Landrätin oder Landrat des Kreises Borken', '2026-11-22', 'missing'],
      ['Bezirksregierung Münster', '2026-11-22', 'missing'],
      ['Bezirksregierung Münster', '2026-11-22', 'missing'],
    ]);
  });

  it('§ 115 Abs. 1 S. 1 GO NRW: in time, late, and to the wrong authority are told apart', () => {
    const plan = notificationPlan(rule, [HEEK, MUENSTER, KREIS_BORKEN], START, [
      { ags: HEEK.ags, authority: 'Landrätin des Kreises Borken', submittedOn: '2026-11-20' },
      { ags: MUENSTER.ags, authority: 'Bezirksregierung Münster', submittedOn: '2026-11-23' },
      { ags: KREIS_BORKEN.ags, authority: 'Landrat des Kreises Borken', submittedOn: '2026-11-01' },
    ]);
    expect(plan.members.map((m) => m.state)).toEqual(['in-time', 'late', 'wrong-authority']);
  });

  it('§ 115 Abs. 1 S. 3 GO NRW: the authority shortened one member’s period → that member’s deadline moves, the others stay', () => {
    const plan = notificationPlan(rule, [HEEK, MUENSTER], START, [
      { ags: HEEK.ags, authority: 'landrat:05554', submittedOn: '2026-11-20' },
      {
        ags: MUENSTER.ags,
        authority: 'Bezirksregierung Münster',
        submittedOn: '2026-12-01',
        periodSetByAuthority: { period: { amount: 4, unit: 'weeks' }, decidedOn: '2026-11-10', reference: '31.2-7/26' },
      },
    ]);
    expect(plan.members[1]).toMatchObject({ latestOn: '2026-12-06', state: 'in-time' });
    expect(plan.members[1].periodBasis).toContain('S. 3');
    expect(plan.complete).toBe(true);
  });
});
