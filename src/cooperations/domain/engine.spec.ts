import { decide, nextEvents, openCooperation } from './engine';
import {
  ACTIVE_VALUE,
  buildingYardPrematureEvents,
  buildingYardSteps,
  COORD_HEEK,
  OPENING,
} from '../../../test/fixtures/building-yard.scenario';
import { accept, stateBefore } from '../../../test/fixtures/run-scenario';

describe('building-yard scenario driven through decide()', () => {
  it('reaches active, each step landing in the expected state', () => {
    const opened = openCooperation(OPENING.input, OPENING.actor, OPENING.at);
    expect(opened.ok && opened.stateAfter).toBe('partnerSearch');
    let state = opened.ok ? opened.state : undefined!;
    for (const step of buildingYardSteps()) {
      const d = accept(decide(state, step.event, step.actor, step.at), step);
      expect({ step: step.name, state: d.stateAfter }).toEqual({
        step: step.name,
        state: step.stateAfter,
      });
      expect(d.obligations.every((o) => o.met)).toBe(true);
      state = d.state;
    }
    expect(state.value).toEqual(ACTIVE_VALUE);
    expect(state.context.contract.inForceSince).toBe('2026-08-14T22:00:00.000Z');
  });

  it.each(buildingYardPrematureEvents().map((p) => [`${p.event.type} before ${p.before}`, p] as const))(
    'refuses %s naming exactly the unmet obligations',
    (_label, premature) => {
      const { state, at } = stateBefore(premature.before);
      const d = decide(state, premature.event, premature.actor, at);
      expect(d.ok).toBe(false);
      if (d.ok) return;
      expect(d.kind).toBe('obligations-unmet');
      expect(d.unmet!.map((u) => u.id)).toEqual(premature.unmet);
      expect(d.unmet!.every((u) => !u.met && u.missing.length > 0)).toBe(true);
    },
  );

  it('nextEvents shows the phase exit with its unmet obligations', () => {
    const { state, at } = stateBefore('accept-legden');
    const next = nextEvents(state, COORD_HEEK, at);
    const start = next.find((n) => n.type === 'START_LETTER_OF_INTENT')!;
    expect(start).toMatchObject({ allowed: false, reason: 'obligations-unmet' });
    expect(start.unmet!.map((u) => u.id)).toEqual(['OBL-PARTNERS-MIN', 'OBL-CONTACT-AUTHORITY']);
    expect(next.find((n) => n.type === 'INVITE_PARTNER')).toMatchObject({
      type: 'INVITE_PARTNER',
      allowed: true,
    });
    expect(next.find((n) => n.type === 'ACCEPT_INVITATION')).toMatchObject({
      allowed: false,
      reason: 'forbidden',
    });
  });
});
