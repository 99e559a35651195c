import { assemblyMajority, terminationEffect, terminationTermsRequired } from './exit';
import { procedures } from './procedures';

const ON = '2026-06-01';
const stepIds = (form: Parameters<typeof procedures>[0], kind: Parameters<typeof procedures>[1]) =>
  procedures(form, kind, ON).map((p) => [p.route, p.steps.map((s) => s.id)]);

describe('Zweckverband — exit and dissolution (§ 9 Abs. 2, § 20 GkG NRW)', () => {
  it('§ 20 Abs. 1 S. 1 GkG NRW: two thirds of the statutory votes, not unanimity', () => {
    expect(assemblyMajority({ votesFor: 14, statutoryVotes: 20 })).toEqual({
      needed: 14,
      reached: true,
      basis: '§ 20 Abs. 1 S. 1 GkG NRW',
    });
    expect(assemblyMajority({ votesFor: 13, statutoryVotes: 20 }).reached).toBe(false);
    expect(assemblyMajority({ votesFor: 2, statutoryVotes: 3 }).reached).toBe(true);
  });

  it('§ 20 Abs. 1 S. 1 GkG NRW: the statute may set another majority', () => {
    expect(
      assemblyMajority({ votesFor: 15, statutoryVotes: 20, statuteMajority: { numerator: 3, denominator: 4 } }),
    ).toMatchObject({
      needed: 15,
      reached: true,
    });
  });

  it('§ 20 Abs. 1 S. 2 GkG NRW: changing the tasks needs unanimity', () => {
    expect(assemblyMajority({ votesFor: 19, statutoryVotes: 20, changesTasks: true }).reached).toBe(false);
  });

  it('§ 9 Abs. 2 S. 2 Nr. 3 and § 20 GkG NRW: exit by a statutory termination right or by amendment with notification and publication', () => {
    expect(stepIds('zweckverband', 'exit')).toEqual([
      [
        'statutory-termination-right',
        ['statute-termination-right', 'termination-declared', 'notify-authority', 'publication'],
      ],
      ['statute-amendment', ['assembly-vote', 'member-consents', 'notify-authority', 'publication', 'settlement']],
    ]);
  });

  it('§ 20 Abs. 1, 2, 4, 5 GkG NRW: dissolution by the assembly’s vote, approval and publication; continuing for winding-up', () => {
    expect(stepIds('zweckverband', 'dissolution')).toEqual([
      ['assembly-vote', ['assembly-vote', 'member-consents', 'approval', 'publication', 'settlement', 'winding-up']],
    ]);
  });

  it('§ 20 Abs. 4 S. 2 GkG NRW: joining takes effect when it takes place', () => {
    expect(procedures('zweckverband', 'join', ON)[0].effect.de).toContain('§ 20 Abs. 4 S. 2');
  });
});

describe('Öffentlich-rechtliche Vereinbarung — termination (§ 23 Abs. 5, § 24 Abs. 5 GkG NRW)', () => {
  it('§ 23 Abs. 5 GkG NRW: termination terms required only when unlimited or over 20 years', () => {
    expect(terminationTermsRequired({ start: '2025-01-01' }).required).toBe(true);
    expect(terminationTermsRequired({ start: '2025-01-01', end: '2044-12-31' }).required).toBe(false);
    expect(terminationTermsRequired({ start: '2025-01-01', end: '2045-01-01' }).required).toBe(true);
  });

  it('§ 24 Abs. 5 GkG NRW: termination → notification, publication by the authority, pointers', () => {
    expect(stepIds('oeffentlich-rechtliche-vereinbarung', 'exit')).toEqual([
      ['termination', ['termination-declared', 'notify-authority', 'authority-publishes', 'parties-publish-pointer']],
    ]);
    expect(stepIds('oeffentlich-rechtliche-vereinbarung', 'dissolution')[0][0]).toBe('cancellation');
  });

  const terms = { notice: { amount: 6, unit: 'months' }, toEndOf: 'calendar-year' } as const;

  it('§ 24 Abs. 5 S. 2 i. V. m. Abs. 4 GkG NRW: notice from the last partner’s receipt; effective the day after publication', () => {
    const r = terminationEffect(
      terms,
      { receivedOn: ['2026-06-10', '2026-06-15'], authorityPublishedOn: '2027-01-20' },
      2,
      {
        requiresPublication: true,
      },
    );
    expect(r).toEqual({ noticeEndsOn: '2026-12-31', effectiveOn: '2027-01-21', waitingFor: [] });
  });

  it('§ 24 Abs. 5 GkG NRW: published before the notice ends → effective when the notice has run', () => {
    const r = terminationEffect(terms, { receivedOn: ['2026-06-10'], authorityPublishedOn: '2026-08-01' }, 1, {
      requiresPublication: true,
    });
    expect(r.effectiveOn).toBe('2027-01-01');
  });

  it('§ 24 Abs. 5 GkG NRW: without the authority’s publication no effective date is named', () => {
    expect(terminationEffect(terms, { receivedOn: ['2026-06-10'] }, 1, { requiresPublication: true })).toEqual({
      noticeEndsOn: '2026-12-31',
      waitingFor: ['authority-publication'],
    });
    expect(
      terminationEffect(terms, { receivedOn: ['2026-06-10'] }, 2, { requiresPublication: true }).waitingFor,
    ).toEqual(['receipts', 'authority-publication']);
  });
});

describe('gemeinsames Kommunalunternehmen, Arbeitsgemeinschaft, private law — exit', () => {
  it('§ 28 Abs. 1 S. 1 Nr. 6, § 27 Abs. 4 GkG NRW: gKU exit per statute with concurring resolutions; supervision flagged unverified', () => {
    const [p] = procedures('gemeinsames-kommunalunternehmen', 'exit', ON);
    expect(p.steps.map((s) => [s.id, s.certainty])).toEqual([
      ['distribution-per-statute', 'verified'],
      ['council-resolutions', 'reading'],
      ['notify-authority', 'unverified'],
    ]);
  });

  it('§ 27 Abs. 2 S. 2 GkG NRW: joining a gKU by agreed amendment of the Unternehmenssatzung', () => {
    expect(procedures('gemeinsames-kommunalunternehmen', 'join', ON)[0].steps[0].citation).toBe(
      '§ 27 Abs. 2 S. 2 GkG NRW',
    );
  });

  it('§§ 2–3 GkG NRW: Arbeitsgemeinschaft exit as the agreement provides, no statutory steps', () => {
    expect(stepIds('kommunale-arbeitsgemeinschaft', 'exit')).toEqual([['per-agreement', []]]);
  });

  it('§ 115 Abs. 1 S. 1 Buchst. c GO NRW: sale of shares notified by the leaving member to its own authority', () => {
    expect(stepIds('private-law', 'exit')).toEqual([
      ['sale-of-shares', ['council-resolutions', 'notify-own-authority']],
    ]);
  });
});

describe('dissolution per legal form', () => {
  it('§ 24 Abs. 5 GkG NRW: an ÖrV is cancelled by agreement, resolutions, Anzeige, publication and pointers', () => {
    expect(stepIds('oeffentlich-rechtliche-vereinbarung', 'dissolution')).toEqual([
      [
        'cancellation',
        [
          'agreement-of-all',
          'council-resolutions',
          'notify-authority',
          'authority-publishes',
          'parties-publish-pointer',
        ],
      ],
    ]);
  });

  it('§ 27 Abs. 4, § 28 Abs. 1 S. 1 Nr. 6 GkG NRW: a gKU is dissolved per statute with concurring resolutions; supervision flagged unverified', () => {
    const [p] = procedures('gemeinsames-kommunalunternehmen', 'dissolution', ON);
    expect(p).toMatchObject({ route: 'per-statute', certainty: 'reading' });
    expect(p.steps.map((s) => [s.id, s.certainty])).toEqual([
      ['council-resolutions', 'reading'],
      ['notify-authority', 'unverified'],
    ]);
  });
});
