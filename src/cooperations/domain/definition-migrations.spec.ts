import { migrateState, UnknownDefinitionVersionError } from './definition-migrations';
import { decide } from './engine';
import { LIFECYCLE_DEFINITION_VERSION } from './lifecycle.machine';
import { COORD_HEEK } from './testing/building-yard.scenario';
import { stateBefore } from './testing/run-scenario';

/** A state as version 1 wrote it: no `contract.amendments`. */
function asVersion1(step: string) {
  const { state, at } = stateBefore(step);
  const { amendments: _dropped, ...contract } = state.context.contract;
  return {
    persisted: {
      definitionVersion: 1,
      value: state.value,
      context: { ...state.context, contract },
    },
    state,
    at,
  };
}

describe('migrateState', () => {
  it('is at version 2', () => {
    expect(LIFECYCLE_DEFINITION_VERSION).toBe(2);
  });

  it('lifts version 1 to 2 by adding contract.amendments = []', () => {
    const { persisted, state } = asVersion1('put-into-force');
    const before = JSON.stringify(persisted);
    const migrated = migrateState(persisted);
    expect(migrated).toEqual(state);
    expect(migrated.definitionVersion).toBe(2);
    expect(migrated.context.contract.amendments).toEqual([]);
    expect(JSON.stringify(persisted)).toBe(before); // input untouched
  });

  it('leaves a current state as it is', () => {
    const { state } = stateBefore('draft-loi');
    expect(migrateState(state)).toEqual(state);
  });

  it('lets decide() work on a version-1 state directly', () => {
    const { persisted, at } = asVersion1('put-into-force');
    const d = decide(persisted as never, { type: 'PUT_INTO_FORCE' }, COORD_HEEK, at);
    expect(d).toMatchObject({ ok: true, stateAfter: 'active', state: { definitionVersion: 2 } });
  });

  it.each([3, 0, -1, 1.5, NaN, '2' as unknown as number])('refuses unknown version %p', (version) => {
    const { state } = stateBefore('draft-loi');
    const call = () => migrateState({ ...state, definitionVersion: version });
    expect(call).toThrow(UnknownDefinitionVersionError);
    expect(call).toThrow(`Unknown lifecycle definition version ${String(version)}`);
  });
});
