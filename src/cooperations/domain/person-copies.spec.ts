import { withoutPerson } from './person-copies';

describe('withoutPerson: the person’s copies by path, nothing else', () => {
  const person = { municipality: '05554024', personRefs: new Set(['ref-1']), subs: new Set(['anna@heek.de']) };
  const context = {
    lead: 'partnerSearch',
    members: { '05554024': { name: 'partnerSearch', status: 'active' } },
    contacts: {
      '05554024': { name: 'partnerSearch', email: 'anna@heek.de', userSub: 'anna@heek.de', personRef: 'ref-1' },
      '05554036': { name: 'partnerSearch', email: 'x@legden.de', userSub: 'x', personRef: 'ref-2' },
    },
    pendingContacts: { '05554052': { name: 'Anna', userSub: 'anna@heek.de', personRef: 'ref-1' } },
    loi: {
      signatures: [
        { municipality: '05554024', signedBy: 'anna@heek.de', signatoryName: 'partnerSearch' },
        { municipality: '05554036', signedBy: 'x', signatoryName: 'partnerSearch' },
      ],
    },
    contract: { signatures: [{ municipality: '05554024', signedBy: 'other', signatoryName: 'partnerSearch' }] },
  };

  it('rewrites the contact and pending entries with its reference and its own signatures only', () => {
    expect(withoutPerson(context, person, 'X')).toEqual({
      ...context,
      contacts: {
        '05554024': { name: 'X', erased: true, userSub: 'anna@heek.de', personRef: 'ref-1' },
        '05554036': context.contacts['05554036'],
      },
      pendingContacts: { '05554052': { name: 'X', erased: true, userSub: 'anna@heek.de', personRef: 'ref-1' } },
      loi: {
        signatures: [
          { municipality: '05554024', signedBy: 'anna@heek.de', signatoryName: 'X' },
          context.loi.signatures[1],
        ],
      },
    });
  });

  it('leaves shapes it does not know as they are', () => {
    expect(withoutPerson(null, person, 'X')).toBeNull();
    expect(withoutPerson({ title: 'partnerSearch' }, person, 'X')).toEqual({ title: 'partnerSearch' });
  });
});
