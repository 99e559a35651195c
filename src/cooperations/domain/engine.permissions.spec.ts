import type { Actor } from './actor';
import { decide, nextEvents, openCooperation } from './engine';
import {
  ACTIVE_VALUE,
  AUDITOR,
  COORD_HEEK,
  COORD_LEGDEN,
  LEGDEN,
  OPENING,
} from '../../../test/fixtures/building-yard.scenario';
import { accept, rejected, stateBefore } from '../../../test/fixtures/run-scenario';

describe('order of checks and rejection kinds', () => {
  const { state, at } = stateBefore('accept-legden');

  it('event-not-allowed: unknown type, malformed event, or no transition in this state', () => {
    for (const event of [{ type: 'PAY_INVOICE' }, null, 'SIGN_LOI', { type: 42 }, { type: 'toString' }]) {
      expect(rejected(decide(state, event, COORD_HEEK, at)).kind).toBe('event-not-allowed');
    }
    // Not-allowed wins over forbidden: even an auditor learns the event is not possible now.
    expect(rejected(decide(state, { type: 'SIGN_LOI', version: 1 }, AUDITOR, at)).kind).toBe('event-not-allowed');
  });

  it.each([
    ['auditor', AUDITOR],
    ['admin', { sub: 'admin-1', role: 'admin' }],
    ['steering-board', { sub: 'board-1', role: 'steering-board', municipality: '05554024' }],
    ['system (timer events only)', { sub: 'system', role: 'system' }],
    ['coordinator without municipality', { sub: 'x', role: 'coordinator' }],
  ])('forbidden for %s', (_label, actor) => {
    expect(rejected(decide(state, { type: 'INVITE_PARTNER', municipality: LEGDEN }, actor as Actor, at)).kind).toBe(
      'forbidden',
    );
  });

  it('forbidden before invalid: a non-lead sending a malformed invitation is forbidden', () => {
    expect(rejected(decide(state, { type: 'INVITE_PARTNER', municipality: 'x' }, COORD_LEGDEN, at)).kind).toBe(
      'forbidden',
    );
  });

  it('invalid before obligations-unmet: unknown fields are refused', () => {
    const d = rejected(decide(state, { type: 'START_LETTER_OF_INTENT', meta: { actor: AUDITOR } }, COORD_HEEK, at));
    expect(d).toMatchObject({
      kind: 'invalid',
      errors: [{ path: 'meta', message: { key: 'validation.unknown', params: { field: 'meta' } } }],
    });
  });
});

describe('abandoning', () => {
  it('only the lead, with a reason, in any phase before active; then nothing more happens', () => {
    for (const step of ['invite-legden', 'draft-loi', 'define-steering-body', 'put-into-force']) {
      const { state, at } = stateBefore(step);
      expect(rejected(decide(state, { type: 'ABANDON', reason: 'x' }, COORD_LEGDEN, at)).kind).toBe('forbidden');
      expect(rejected(decide(state, { type: 'ABANDON', reason: ' ' }, COORD_HEEK, at)).kind).toBe('invalid');
      const d = accept(decide(state, { type: 'ABANDON', reason: 'Förderung abgelehnt' }, COORD_HEEK, at));
      expect(d.stateAfter).toBe('abandoned');
      expect(d.state.context.abandonment).toEqual({
        reason: 'Förderung abgelehnt',
        at: at.toISOString(),
        by: '05554024',
      });
      expect(rejected(decide(d.state, { type: 'ABANDON', reason: 'x' }, COORD_HEEK, at)).kind).toBe(
        'event-not-allowed',
      );
      expect(nextEvents(d.state, COORD_HEEK, at)).toEqual([]);
    }
  });

  it('is not possible once active', () => {
    const { state, at } = stateBefore();
    expect(state.value).toEqual(ACTIVE_VALUE);
    expect(rejected(decide(state, { type: 'ABANDON', reason: 'x' }, COORD_HEEK, at)).kind).toBe('event-not-allowed');
  });
});

describe('opening', () => {
  it('only a coordinator of the lead municipality, with a [P1] motive', () => {
    expect(openCooperation(OPENING.input, COORD_LEGDEN, OPENING.at)).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
    expect(openCooperation(OPENING.input, AUDITOR, OPENING.at)).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
    const bad = { ...OPENING.input, motive: 'profit' } as unknown as typeof OPENING.input;
    expect(openCooperation(bad, COORD_HEEK, OPENING.at)).toMatchObject({
      ok: false,
      kind: 'invalid',
      errors: [{ path: 'motive' }],
    });
  });
});

describe('nextEvents', () => {
  it('tells each actor what it may do and why not', () => {
    const { state, at } = stateBefore('sign-loi-legden');
    const byType = (actor: Actor) => Object.fromEntries(nextEvents(state, actor, at).map((n) => [n.type, n]));
    expect(Object.keys(byType(COORD_LEGDEN))).toEqual([
      'DRAFT_LOI',
      'SIGN_LOI',
      'ADOPT_LOI',
      'APPOINT_CONTACT',
      'WAIVE_OBLIGATION',
      'CONFIRM_CONTACT_APPOINTMENT',
      'ABANDON',
      'AGREE_TO_PUBLICATION',
      'REVOKE_PUBLICATION_AGREEMENT',
      'CONSENT_TO_CONTACT_PUBLICATION',
      'REVOKE_CONTACT_CONSENT',
    ]);
    expect(byType(COORD_LEGDEN)).toMatchObject({
      SIGN_LOI: { allowed: true },
      DRAFT_LOI: { allowed: false, reason: 'forbidden' },
      APPOINT_CONTACT: { allowed: true },
      CONFIRM_CONTACT_APPOINTMENT: { allowed: false, reason: 'forbidden' }, // nothing to confirm
    });
    expect(byType(COORD_HEEK)).toMatchObject({
      SIGN_LOI: { allowed: false, reason: 'invalid' }, // already signed
      ADOPT_LOI: {
        allowed: false,
        reason: 'obligations-unmet',
        unmet: [{ id: 'OBL-LOI-SIGNED-ALL' }],
      },
    });
    expect(nextEvents(state, AUDITOR, at).every((n) => !n.allowed && n.reason === 'forbidden')).toBe(true);
  });
});
