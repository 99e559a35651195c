import { samePerson } from './personal-data';

describe('samePerson: the records of one person', () => {
  const r = (id: string, name: string, email?: string) => ({ id, fields: { name, ...(email ? { email } : {}) } });
  const subjects: Record<string, string> = { a: 'sub-1', b: 'sub-1', c: 'sub-2', d: 'sub-3', e: 'sub-4' };
  const subjectOf = (id: string) => subjects[id];

  it('links by token subject, e-mail or name, also through another record, never by nothing', () => {
    const records = [
      r('a', 'Anna Brüning', 'old@heek.de'),
      r('b', 'Anna Brüning', 'new@heek.de'), // same subject as a
      r('c', 'Anna Schmidt', 'NEW@heek.de'), // same e-mail as b, another subject
      r('d', 'Anna Schmidt'), // same name as c
      r('e', 'Thomas Wewers', 'tw@heek.de'),
    ];
    expect(samePerson(records[0], records, subjectOf).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(samePerson(records[4], records, subjectOf).map((x) => x.id)).toEqual(['e']);
  });

  it('an erased record is still linked by its subject', () => {
    const records = [{ id: 'a', fields: { erased: true as const } }, r('b', 'Anna')];
    expect(samePerson(records[1], records, subjectOf).map((x) => x.id)).toEqual(['b', 'a']);
  });
});
