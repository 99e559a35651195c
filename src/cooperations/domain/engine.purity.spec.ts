import fc from 'fast-check';
import type { CooperationState } from './cooperation-state';
import { decide } from './engine';
import { EVENT_TYPES } from './phases';
import {
  AUDITOR,
  buildingYardSteps,
  CLERK_LEGDEN,
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
} from '../../../test/fixtures/building-yard.scenario';
import { stateBefore } from '../../../test/fixtures/run-scenario';

describe('purity and robustness', () => {
  const deepFreeze = <T>(o: T): T => {
    if (o && typeof o === 'object') {
      Object.values(o).forEach(deepFreeze);
      Object.freeze(o);
    }
    return o;
  };

  it('never mutates its input and gives the same answer for the same input', () => {
    const { state, at } = stateBefore('sign-loi-schoeppingen');
    const frozen = deepFreeze(structuredClone(state));
    const event = deepFreeze({ type: 'SIGN_LOI', version: 1 });
    const a = decide(frozen, event, COORD_SCHOEPPINGEN, at);
    const b = decide(frozen, event, COORD_SCHOEPPINGEN, at);
    expect(a).toEqual(b);
    expect(frozen).toEqual(state);
  });

  it('decides the same after a jsonb round trip that reorders keys', () => {
    const { state, at } = stateBefore('put-into-force');
    const reorder = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reorder)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reorder(x)]),
            )
          : v;
    const stored = reorder(JSON.parse(JSON.stringify(state))) as CooperationState;
    expect(decide(stored, { type: 'PUT_INTO_FORCE' }, COORD_HEEK, at)).toEqual(
      decide(state, { type: 'PUT_INTO_FORCE' }, COORD_HEEK, at),
    );
  });

  it('never throws for arbitrary events (property)', () => {
    const states = ['invite-legden', 'sign-loi-heek', 'define-steering-body', 'council-heek'].map((s) =>
      stateBefore(s),
    );
    const actors = [COORD_HEEK, COORD_LEGDEN, CLERK_LEGDEN, AUDITOR];
    fc.assert(
      fc.property(
        fc.nat(states.length - 1),
        fc.nat(actors.length - 1),
        fc.constantFrom(...EVENT_TYPES),
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
        (s, a, type, fields) => {
          const { state, at } = states[s];
          const d = decide(state, { ...fields, type }, actors[a], at);
          expect(typeof d.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws when any field of a valid scenario event is replaced (property)', () => {
    const steps = buildingYardSteps();
    const before = new Map(steps.map((s) => [s.name, stateBefore(s.name)]));
    fc.assert(
      fc.property(fc.nat(steps.length - 1), fc.nat(20), fc.jsonValue({ maxDepth: 2 }), (i, k, value) => {
        const step = steps[i];
        const keys = Object.keys(step.event).filter((key) => key !== 'type');
        if (keys.length === 0) return;
        const event = { ...step.event, [keys[k % keys.length]]: value };
        const { state, at } = before.get(step.name)!;
        expect(typeof decide(state, event, step.actor, at).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
