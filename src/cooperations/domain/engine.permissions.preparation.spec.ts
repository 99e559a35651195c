import type { Actor } from './actor';
import { decide } from './engine';
import {
  buildingYardSteps,
  CLERK_LEGDEN,
  CONTRACT_DRAFT,
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  LEGDEN,
  LOI_DRAFT,
  OPENING,
  SCHOEPPINGEN,
} from '../../../test/fixtures/building-yard.scenario';
import { accept, rejected, stateBefore } from '../../../test/fixtures/run-scenario';

const AHAUS: Actor = { sub: 'coord-ahaus', role: 'coordinator', municipality: '05554004' };

describe('partner search permissions', () => {
  const { state, at } = stateBefore('accept-legden');

  it('only the lead invites', () => {
    const ahaus = {
      type: 'INVITE_PARTNER',
      municipality: { ...LEGDEN, ags: '05554004', name: 'Ahaus', kind: 'Stadt' },
    };
    expect(rejected(decide(state, ahaus, COORD_LEGDEN, at)).kind).toBe('forbidden');
    expect(accept(decide(state, ahaus, COORD_HEEK, at)).state.context.members['05554004']?.status).toBe('invited');
  });

  it('a partner invited twice is invalid, as is inviting the lead itself', () => {
    expect(rejected(decide(state, { type: 'INVITE_PARTNER', municipality: LEGDEN }, COORD_HEEK, at))).toMatchObject({
      kind: 'invalid',
      errors: [
        {
          path: 'municipality.ags',
          message: { key: 'rules.alreadyInvited', params: { ags: '05554036', field: 'ags' } },
        },
      ],
    });
    const heek = { type: 'INVITE_PARTNER', municipality: OPENING.input.lead };
    expect(rejected(decide(state, heek, COORD_HEEK, at)).kind).toBe('invalid');
  });

  it('an AGS with 7 digits is invalid', () => {
    const d = rejected(
      decide(state, { type: 'INVITE_PARTNER', municipality: { ...LEGDEN, ags: '0555403' } }, COORD_HEEK, at),
    );
    expect(d).toMatchObject({ kind: 'invalid', errors: [{ path: 'municipality.ags' }] });
  });

  it('only the invited municipality accepts or declines', () => {
    expect(rejected(decide(state, { type: 'ACCEPT_INVITATION' }, AHAUS, at)).kind).toBe('forbidden');
    expect(rejected(decide(state, { type: 'ACCEPT_INVITATION' }, COORD_HEEK, at)).kind).toBe('forbidden');
    const declined = accept(decide(state, { type: 'DECLINE_INVITATION', reason: 'Keine Kapazität' }, COORD_LEGDEN, at));
    expect(declined.state.context.members[LEGDEN.ags]).toMatchObject({
      status: 'declined',
      endReason: 'Keine Kapazität',
    });
    expect(rejected(decide(declined.state, { type: 'ACCEPT_INVITATION' }, COORD_LEGDEN, at)).kind).toBe('forbidden');
  });

  it('the lead withdraws open invitations only', () => {
    const withdraw = { type: 'WITHDRAW_INVITATION', municipality: LEGDEN.ags };
    expect(rejected(decide(state, withdraw, COORD_SCHOEPPINGEN, at)).kind).toBe('forbidden');
    const done = accept(decide(state, withdraw, COORD_HEEK, at)).state;
    expect(done.context.members[LEGDEN.ags].status).toBe('withdrawn');
    expect(rejected(decide(done, withdraw, COORD_HEEK, at)).kind).toBe('invalid');
  });

  it('partners may leave, the lead may not; contacts leave with them', () => {
    const { state: s, at: t } = stateBefore('start-letter-of-intent');
    expect(rejected(decide(s, { type: 'LEAVE_PARTNER_SEARCH' }, COORD_HEEK, t)).kind).toBe('forbidden');
    const left = accept(decide(s, { type: 'LEAVE_PARTNER_SEARCH', reason: 'Ratsbeschluss' }, COORD_LEGDEN, t)).state;
    expect(left.context.members[LEGDEN.ags].status).toBe('left');
    expect(left.context.contacts[LEGDEN.ags]).toBeUndefined();
  });

  it('contacts are appointed by participating municipalities for themselves, with past dates', () => {
    const appoint = {
      type: 'APPOINT_CONTACT',
      name: 'Thomas Wewers',
      position: 'Leiter des Bauamts',
      userSub: 'coord-legden',
      authority: {
        conferredBy: 'Bürgermeisterin',
        conferredOn: '2026-01-19',
        scope: 'Absichtserklärung',
      },
    };
    expect(rejected(decide(state, appoint, COORD_LEGDEN, at)).kind).toBe('forbidden'); // only invited yet
    const { state: s, at: t } = stateBefore('appoint-contact-legden');
    expect(accept(decide(s, appoint, COORD_LEGDEN, t)).state.context.contacts[LEGDEN.ags]).toMatchObject({
      municipality: LEGDEN.ags,
      userSub: 'coord-legden',
      appointedBy: 'coord-legden',
    });
    const future = { ...appoint, authority: { ...appoint.authority, conferredOn: '2026-12-01' } };
    expect(rejected(decide(s, future, COORD_LEGDEN, t))).toMatchObject({
      kind: 'invalid',
      errors: [{ path: 'authority.conferredOn' }],
    });
    const sameAsHeek = { ...appoint, userSub: 'coord-heek' };
    expect(rejected(decide(s, sameAsHeek, COORD_LEGDEN, t))).toMatchObject({
      errors: [{ path: 'userSub' }],
    });
  });

  it('a contact named by another’s token subject counts only once that person confirms it for this municipality', () => {
    const { state: s, at: t } = stateBefore('appoint-contact-heek');
    const step = (name: string) => buildingYardSteps().find((x) => x.name === name)!;
    const colleague: Actor = { sub: 'coord-legden-2', role: 'coordinator', municipality: LEGDEN.ags };
    const appoint = { ...step('appoint-contact-legden').event, name: 'Thomas Wewers' };
    // Legden types in Heek's coordinator: pending, and Heek's own appointment is not blocked by it.
    const hostile = accept(decide(s, { ...appoint, userSub: COORD_HEEK.sub }, COORD_LEGDEN, t)).state;
    expect(hostile.context.contacts[LEGDEN.ags]).toBeUndefined();
    expect(hostile.context.pendingContacts?.[LEGDEN.ags]).toMatchObject({ userSub: COORD_HEEK.sub });
    const heek = accept(decide(hostile, step('appoint-contact-heek').event, COORD_HEEK, t)).state;
    expect(rejected(decide(heek, { type: 'CONFIRM_CONTACT_APPOINTMENT' }, COORD_HEEK, t))).toMatchObject({
      kind: 'forbidden',
      detail: { de: expect.stringMatching(/^Keine Benennung wartet/), en: expect.stringMatching(/^No appointment/) },
    });
    // A colleague of Legden, pending: not the contact, so the partner search cannot end.
    const later = step('appoint-contact-schoeppingen').at;
    const named = accept(decide(heek, { ...appoint, userSub: colleague.sub }, COORD_LEGDEN, later)).state;
    const all = accept(decide(named, step('appoint-contact-schoeppingen').event, COORD_SCHOEPPINGEN, later)).state;
    expect(rejected(decide(all, { type: 'START_LETTER_OF_INTENT' }, COORD_HEEK, later))).toMatchObject({
      kind: 'obligations-unmet',
      unmet: [expect.objectContaining({ id: 'OBL-CONTACT-AUTHORITY', missing: [`contact:${LEGDEN.ags}`] })],
    });
    // Confirmed by the colleague signed in for Legden — not for another municipality — it counts.
    const elsewhere: Actor = { ...colleague, municipality: SCHOEPPINGEN.ags };
    expect(rejected(decide(all, { type: 'CONFIRM_CONTACT_APPOINTMENT' }, elsewhere, later)).kind).toBe('forbidden');
    const confirmed = accept(decide(all, { type: 'CONFIRM_CONTACT_APPOINTMENT' }, colleague, later)).state;
    expect(confirmed.context.contacts[LEGDEN.ags]).toMatchObject({
      userSub: colleague.sub,
      appointedBy: COORD_LEGDEN.sub,
      confirmedAt: later.toISOString(),
    });
    expect(confirmed.context.pendingContacts).toEqual({});
    expect(decide(confirmed, { type: 'START_LETTER_OF_INTENT' }, COORD_HEEK, later).ok).toBe(true);
  });

  it('a pending contact cannot sign and is told to confirm first', () => {
    const { state: s, at: t } = stateBefore('sign-loi-legden');
    const colleague: Actor = { sub: 'coord-legden-2', role: 'coordinator', municipality: LEGDEN.ags };
    const appoint = buildingYardSteps().find((x) => x.name === 'appoint-contact-legden')!.event;
    const named = accept(decide(s, { ...appoint, userSub: colleague.sub }, COORD_LEGDEN, t)).state;
    expect(rejected(decide(named, { type: 'SIGN_LOI', version: 1 }, colleague, t))).toMatchObject({
      kind: 'forbidden',
      detail: { en: 'Your appointment as contact counts only once you confirm it (CONFIRM_CONTACT_APPOINTMENT).' },
    });
    // The contact in office signs meanwhile.
    expect(decide(named, { type: 'SIGN_LOI', version: 1 }, COORD_LEGDEN, t).ok).toBe(true);
  });

  it('open invitations lapse when the letter-of-intent phase starts', () => {
    const { state: s, at: t } = stateBefore('start-letter-of-intent');
    const ahaus = { ...LEGDEN, ags: '05554004', name: 'Ahaus', kind: 'Stadt' as const };
    const invited = accept(decide(s, { type: 'INVITE_PARTNER', municipality: ahaus }, COORD_HEEK, t)).state;
    const started = accept(decide(invited, { type: 'START_LETTER_OF_INTENT' }, COORD_HEEK, t)).state;
    expect(started.context.members['05554004']).toMatchObject({ status: 'withdrawn' });
  });
});

describe('letter-of-intent permissions', () => {
  const { state, at } = stateBefore('sign-loi-legden');

  it('a signature from someone who is not the appointed contact is forbidden', () => {
    expect(rejected(decide(state, { type: 'SIGN_LOI', version: 1 }, CLERK_LEGDEN, at)).kind).toBe('forbidden');
    expect(rejected(decide(state, { type: 'SIGN_LOI', version: 1 }, AHAUS, at)).kind).toBe('forbidden');
    // The contact's sub under another municipality is not the contact either.
    const impostor: Actor = { ...COORD_LEGDEN, municipality: SCHOEPPINGEN.ags };
    expect(rejected(decide(state, { type: 'SIGN_LOI', version: 1 }, impostor, at)).kind).toBe('forbidden');
  });

  it('signing a stale version, or twice, is invalid', () => {
    expect(rejected(decide(state, { type: 'SIGN_LOI', version: 2 }, COORD_LEGDEN, at))).toMatchObject({
      kind: 'invalid',
      errors: [
        { path: 'version', message: { key: 'rules.notCurrentVersion', params: { current: 1, field: 'version' } } },
      ],
    });
    expect(rejected(decide(state, { type: 'SIGN_LOI', version: 1 }, COORD_HEEK, at)).kind).toBe('invalid');
  });

  it('only the lead drafts; responsibilities naming a non-member are invalid', () => {
    expect(rejected(decide(state, LOI_DRAFT, COORD_LEGDEN, at)).kind).toBe('forbidden');
    const foreign = {
      ...LOI_DRAFT,
      responsibilities: [{ municipality: '05554004', text: 'Hilft mit' }],
    };
    expect(rejected(decide(state, foreign, COORD_HEEK, at))).toMatchObject({
      kind: 'invalid',
      errors: [
        {
          path: 'responsibilities[0].municipality',
          message: { key: 'rules.notParticipant', params: { ags: '05554004', field: 'municipality' } },
        },
      ],
    });
  });

  it('money is integer cents', () => {
    const cents = {
      ...LOI_DRAFT,
      resources: [{ ...LOI_DRAFT.resources[0], moneyCents: 120000.5 }],
    };
    expect(rejected(decide(state, cents, COORD_HEEK, at))).toMatchObject({
      errors: [
        { path: 'resources[0].moneyCents', message: { key: 'validation.integer', params: { field: 'moneyCents' } } },
      ],
    });
  });
});

describe('contract permissions', () => {
  const { state, at } = stateBefore('council-legden');
  const resolution = {
    type: 'RECORD_COUNCIL_RESOLUTION',
    version: 1,
    body: 'Rat',
    date: '2026-06-23',
    reference: 'DS 73/2026',
  };

  it('a council resolution dated in the future is invalid', () => {
    expect(rejected(decide(state, { ...resolution, date: '2026-06-25' }, COORD_LEGDEN, at))).toMatchObject({
      kind: 'invalid',
      errors: [{ path: 'date', message: { key: 'rules.inFuture', params: { today: '2026-06-24', field: 'date' } } }],
    });
  });

  it('council resolutions: own municipality, its own body, current version', () => {
    expect(rejected(decide(state, resolution, AHAUS, at)).kind).toBe('forbidden');
    expect(rejected(decide(state, { ...resolution, body: 'Kreistag' }, COORD_LEGDEN, at))).toMatchObject({
      errors: [
        { path: 'body', message: { key: 'rules.wrongBody', params: { body: 'Rat', ags: '05554036', field: 'body' } } },
      ],
    });
    expect(rejected(decide(state, { ...resolution, version: 2 }, COORD_LEGDEN, at)).kind).toBe('invalid');
    const done = accept(decide(state, resolution, COORD_LEGDEN, at)).state;
    expect(done.context.contract.councilResolutions.find((r) => r.municipality === LEGDEN.ags)).toMatchObject({
      reference: 'DS 73/2026',
    });
  });

  it('the supervisory step is recorded by the lead or the seat only, with consistent dates', () => {
    const step = {
      type: 'RECORD_SUPERVISORY_STEP',
      kind: 'approval',
      authority: 'Landrat des Kreises Borken',
      submittedOn: '2026-06-20',
    };
    expect(rejected(decide(state, step, COORD_LEGDEN, at)).kind).toBe('forbidden');
    expect(accept(decide(state, step, COORD_HEEK, at)).state.context.contract.supervisoryStep).toMatchObject({
      contractVersion: 1,
    });
    expect(rejected(decide(state, { ...step, approvedOn: '2026-06-19' }, COORD_HEEK, at))).toMatchObject({
      errors: [{ path: 'approvedOn', message: { key: 'rules.notBeforeSubmitted', params: { field: 'approvedOn' } } }],
    });
    expect(
      rejected(decide(state, { ...step, kind: 'notification', deemedApproval: true }, COORD_HEEK, at)),
    ).toMatchObject({
      errors: [
        { path: 'deemedApproval', message: { key: 'rules.approvalsOnly', params: { field: 'deemedApproval' } } },
      ],
    });
  });

  it('contract drafts: lead only; variant for public-law agreements; shares add up to 100', () => {
    expect(rejected(decide(state, CONTRACT_DRAFT, COORD_LEGDEN, at)).kind).toBe('forbidden');
    const { variant: _v, ...noVariant } = CONTRACT_DRAFT;
    expect(rejected(decide(state, noVariant, COORD_HEEK, at))).toMatchObject({
      errors: [{ path: 'variant' }],
    });
    const shares = {
      ...CONTRACT_DRAFT,
      costAllocation: {
        ...CONTRACT_DRAFT.costAllocation,
        shares: CONTRACT_DRAFT.costAllocation.shares.slice(1),
      },
    };
    expect(rejected(decide(state, shares, COORD_HEEK, at))).toMatchObject({
      errors: [
        {
          path: 'costAllocation.shares',
          message: { key: 'rules.sharesTotal', params: { total: 50, field: 'shares' } },
        },
      ],
    });
  });

  it('signatures to the contract only from the appointed contact', () => {
    const { state: s, at: t } = stateBefore('sign-contract-legden');
    expect(rejected(decide(s, { type: 'SIGN_CONTRACT', version: 1 }, CLERK_LEGDEN, t)).kind).toBe('forbidden');
    expect(
      accept(decide(s, { type: 'SIGN_CONTRACT', version: 1 }, COORD_LEGDEN, t)).state.context.contract.signatures,
    ).toContainEqual(
      expect.objectContaining({
        municipality: LEGDEN.ags,
        signedBy: 'coord-legden',
        signatoryName: 'Thomas Wewers',
      }),
    );
  });
});
