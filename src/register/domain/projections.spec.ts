import type { Actor } from '../../cooperations/domain/actor';
import type { CooperationState } from '../../cooperations/domain/cooperation-state';
import { decide } from '../../cooperations/domain/engine';
import { migrateState } from '../../cooperations/domain/definition-migrations';
import {
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  HEEK,
  LEGDEN,
} from '../../../test/fixtures/building-yard.scenario';
import { accept, stateBefore } from '../../../test/fixtures/run-scenario';
import { registerEntryOf, searchListingOf } from './projections';

const PUBLISH = { type: 'PUBLISH_PARTNER_SEARCH', lookingFor: 'Partner für den Bauhof', openUntil: '2026-12-31' };
const send = (state: CooperationState, actor: Actor, event: object, at: Date) =>
  accept(decide(state, event, actor, at)).state;
/** The adapter annotates contacts with their personal data record (SendEventUseCase). */
const withPersonRefs = (state: CooperationState): CooperationState => {
  const contacts = Object.fromEntries(
    Object.entries(state.context.contacts).map(([ags, c]) => [ags, { ...c, personRef: `ref-${ags}` }]),
  );
  return { ...state, context: { ...state.context, contacts } };
};

describe('what a cooperation shows outside itself', () => {
  it('a snapshot of definition 5 shows nothing, and lifts to 6 with nothing published', () => {
    const { state } = stateBefore('start-letter-of-intent');
    const { partnerSearch: _s, publication: _p, ...v5 } = state.context;
    const stored = { definitionVersion: 5, value: state.value, context: v5 };
    expect(searchListingOf(stored)).toBeNull();
    expect(registerEntryOf(stored)).toBeNull();
    expect(migrateState(stored).context).toMatchObject({
      partnerSearch: null,
      publication: { agreements: {}, contactConsents: {} },
    });
  });

  it('a published search is listed until the letter of intent starts, which closes it', () => {
    const { state, at } = stateBefore('start-letter-of-intent');
    const published = send(state, COORD_HEEK, PUBLISH, at);
    expect(searchListingOf(published)).toMatchObject({
      lookingFor: 'Partner für den Bauhof',
      districts: [],
      regions: [],
      lead: { ags: HEEK.ags, district: 'Kreis Borken', role: 'lead' },
    });
    const loi = send(published, COORD_HEEK, { type: 'START_LETTER_OF_INTENT' }, at);
    expect(loi.context.partnerSearch).toMatchObject({ status: 'closed', closeReason: 'Absichtserklärung begonnen' });
    expect(searchListingOf(loi)).toBeNull();
  });

  it('abandoning the cooperation closes its search; only the lead publishes', () => {
    const { state, at } = stateBefore('accept-legden');
    expect(decide(state, PUBLISH, COORD_LEGDEN, at)).toMatchObject({ ok: false, kind: 'forbidden' });
    const published = send(state, COORD_HEEK, PUBLISH, at);
    const abandoned = send(published, COORD_HEEK, { type: 'ABANDON', reason: 'Kein Partner' }, at);
    expect(abandoned.context.partnerSearch?.status).toBe('closed');
    expect(searchListingOf(abandoned)).toBeNull();
  });

  it('the register entry needs every participant’s agreement; a contact needs the person’s own consent', () => {
    const { state, at } = stateBefore('draft-loi');
    let s = withPersonRefs(state);
    for (const actor of [COORD_HEEK, COORD_LEGDEN]) s = send(s, actor, { type: 'AGREE_TO_PUBLICATION' }, at);
    expect(registerEntryOf(s)).toBeNull();
    s = send(s, COORD_SCHOEPPINGEN, { type: 'AGREE_TO_PUBLICATION' }, at);
    expect(registerEntryOf(s)).toMatchObject({ phase: 'letterOfIntent', legalForm: null, contacts: [] });
    s = send(s, COORD_LEGDEN, { type: 'CONSENT_TO_CONTACT_PUBLICATION' }, at);
    expect(registerEntryOf(s)?.contacts).toEqual([
      { municipality: LEGDEN.ags, position: 'Leiter des Bauamts', personRef: `ref-${LEGDEN.ags}` },
    ]);
    // A new contact of Legden: the consent was the previous person's and no longer counts.
    const successor = {
      type: 'APPOINT_CONTACT',
      name: 'Jana Nachfolgerin',
      position: 'Leiterin des Bauamts',
      userSub: 'coord-legden-2',
      authority: { conferredBy: 'Bürgermeisterin', conferredOn: '2026-02-01', scope: 'Absichtserklärung' },
    };
    const colleague: Actor = { sub: 'coord-legden-2', role: 'coordinator', municipality: LEGDEN.ags };
    s = withPersonRefs(send(s, colleague, successor, at));
    expect(registerEntryOf(s)?.contacts).toEqual([]);
  });
});
