import { approvalRule, entryIntoForce, evaluateApproval } from './approval';

const orv = approvalRule('oeffentlich-rechtliche-vereinbarung', '2026-04-16')!;
const zv = approvalRule('zweckverband', '2026-04-16')!;
// Receipt on Thursday 16 April 2026: four weeks end on Christi Himmelfahrt (14 May) → Friday 15 May.
const RECEIVED = '2026-04-16';

describe('§ 24 Abs. 2 GkG NRW — deemed approval of the öffentlich-rechtliche Vereinbarung', () => {
  it('§ 24 Abs. 2 S. 2 GkG NRW with § 31 Abs. 3 VwVfG NRW: silence for four weeks ending on a holiday → deemed approved from 16 May', () => {
    const e = evaluateApproval(orv, { receivedOn: RECEIVED }, '2026-05-16');
    expect(e).toMatchObject({
      status: 'deemed-approved',
      fictionOn: '2026-05-16',
      firstPeriod: { endsOn: '2026-05-15' },
    });
  });

  it('§ 24 Abs. 2 S. 2 GkG NRW: still pending on the last (shifted) day', () => {
    expect(evaluateApproval(orv, { receivedOn: RECEIVED }, '2026-05-15')).toMatchObject({
      status: 'pending',
      fictionOn: '2026-05-16',
    });
  });

  it('§ 24 Abs. 2 S. 2 GkG NRW: concerns in time and a discussion scheduled within the further four weeks → no fiction', () => {
    const e = evaluateApproval(
      orv,
      { receivedOn: RECEIVED, concernsCommunicatedOn: '2026-05-15', discussionScheduledOn: '2026-06-12' },
      '2026-09-01',
    );
    expect(e).toMatchObject({ status: 'awaiting-decision', furtherPeriod: { endsOn: '2026-06-12' } });
    expect(e.fictionOn).toBeUndefined();
  });

  it('§ 24 Abs. 2 S. 2 GkG NRW (reading): concerns alone → the fiction after the further four weeks', () => {
    const e = evaluateApproval(orv, { receivedOn: RECEIVED, concernsCommunicatedOn: '2026-05-04' }, '2026-06-13');
    expect(e).toMatchObject({ status: 'deemed-approved', fictionOn: '2026-06-13' });
  });

  it('§ 24 Abs. 2 S. 2 GkG NRW: concerns after the four weeks do not stop the fiction', () => {
    const e = evaluateApproval(
      orv,
      { receivedOn: RECEIVED, concernsCommunicatedOn: '2026-05-18', discussionScheduledOn: '2026-05-20' },
      '2026-05-20',
    );
    expect(e).toMatchObject({ status: 'deemed-approved', fictionOn: '2026-05-16' });
  });

  it('§ 24 Abs. 2 GkG NRW: an express refusal before the fiction stops it; a later one does not', () => {
    expect(
      evaluateApproval(orv, { receivedOn: RECEIVED, decision: { kind: 'refused', on: '2026-05-12' } }, '2026-06-01')
        .status,
    ).toBe('refused');
    const late = evaluateApproval(
      orv,
      { receivedOn: RECEIVED, decision: { kind: 'refused', on: '2026-05-20' } },
      '2026-06-01',
    );
    expect(late.status).toBe('deemed-approved');
    expect(late.warnings).toHaveLength(1);
  });

  it('§ 24 Abs. 2 GkG NRW: an express approval within the period', () => {
    expect(
      evaluateApproval(orv, { receivedOn: RECEIVED, decision: { kind: 'approved', on: '2026-04-30' } }, '2026-05-01')
        .status,
    ).toBe('approved');
  });
});

describe('§ 10 Abs. 1 S. 2 GkG NRW — deemed approval of the Verbandssatzung', () => {
  it('§ 10 Abs. 1 S. 2 GkG NRW: the same 4 + 4 weeks', () => {
    expect(zv).toMatchObject({
      firstPeriod: { amount: 4, unit: 'weeks' },
      furtherPeriod: { amount: 4, unit: 'weeks' },
    });
    expect(evaluateApproval(zv, { receivedOn: '2026-03-02' }, '2026-03-31').status).toBe('deemed-approved');
  });
});

describe('§ 24 Abs. 3–4 GkG NRW — publication and entry into force', () => {
  const members = ['05554024', '05554036'];

  it('§ 24 Abs. 4 GkG NRW: in force the day after the authority’s publication, not at the time of recording', () => {
    expect(entryIntoForce(members, { authorityPublishedOn: '2026-06-30' })).toEqual({
      effectiveOn: '2026-07-01',
      pointersMissing: members,
      warnings: [],
    });
  });

  it('§ 24 Abs. 4 GkG NRW: a later date set in the agreement applies; an earlier one does not', () => {
    expect(
      entryIntoForce(members, { authorityPublishedOn: '2026-06-30', agreedEffectiveOn: '2027-01-01' }).effectiveOn,
    ).toBe('2027-01-01');
    const early = entryIntoForce(members, { authorityPublishedOn: '2026-06-30', agreedEffectiveOn: '2026-06-01' });
    expect(early.effectiveOn).toBe('2026-07-01');
    expect(early.warnings).toHaveLength(1);
  });

  it('§ 24 Abs. 3 S. 2 GkG NRW: every party’s pointer publication is tracked; none before the authority publishes', () => {
    const r = entryIntoForce(members, { pointerPublishedOn: { '05554024': '2026-07-03' } });
    expect(r).toEqual({ pointersMissing: ['05554036'], warnings: [] });
  });
});
