import { supervisoryRule } from './supervisory';

const ON = '2026-11-26';
const dissolution = (form: Parameters<typeof supervisoryRule>[0]) => {
  const r = supervisoryRule(form, 'dissolution', ON)!;
  return { kind: r.kind, publication: r.publicationRequired, citation: r.citation, certainty: r.certainty };
};

describe('the supervisory step of a dissolution, per legal form', () => {
  it('§ 20 Abs. 2 S. 1 Halbs. 2, Abs. 4 GkG NRW: a Zweckverband dissolution is approved and published', () => {
    expect(dissolution('zweckverband')).toMatchObject({ kind: 'approval', publication: true, certainty: 'verified' });
  });

  it('§ 24 Abs. 5 GkG NRW: an ÖrV cancellation is notified (Anzeige) and published', () => {
    expect(dissolution('oeffentlich-rechtliche-vereinbarung')).toMatchObject({
      kind: 'notification',
      publication: true,
      citation: '§ 24 Abs. 5 GkG NRW',
      certainty: 'verified',
    });
  });

  it('§ 27 GkG NRW: a gKU dissolution is notified — flagged unverified (the rest of § 27 not read)', () => {
    expect(dissolution('gemeinsames-kommunalunternehmen')).toMatchObject({
      kind: 'notification',
      certainty: 'unverified',
    });
  });

  it('§§ 2–3 GkG NRW: an Arbeitsgemeinschaft dissolves without a supervisory step (unverified)', () => {
    expect(dissolution('kommunale-arbeitsgemeinschaft')).toMatchObject({ kind: 'none', certainty: 'unverified' });
  });

  it('§ 115 Abs. 1 GO NRW: a private-law dissolution is notified by each member six weeks ahead', () => {
    expect(dissolution('private-law')).toMatchObject({ kind: 'notification-6-weeks-ahead', publication: false });
  });

  it('§ 20 Abs. 2 S. 1 Halbs. 1 GkG NRW: a Zweckverband amendment (joining, leaving) is notified, not approved', () => {
    expect(supervisoryRule('zweckverband', 'amendment', ON)).toMatchObject({
      kind: 'notification',
      publicationRequired: true,
    });
  });
});
