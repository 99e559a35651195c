import type { CooperationState } from './cooperation-state';
import { migrateState, UnknownDefinitionVersionError } from './definition-migrations';
import { decide } from './engine';
import { LIFECYCLE_DEFINITION_VERSION } from './lifecycle.machine';
import { ACTIVE_STATE, ACTIVE_VALUE, COORD_HEEK, HEEK } from '../../../test/fixtures/building-yard.scenario';
import { stateBefore } from '../../../test/fixtures/run-scenario';

const OPERATION_KEYS = ['reporting', 'escalation', 'membership', 'dissolution', 'timers'] as const;

/** A state as version 2 wrote it: no operation context, `active` a leaf. */
function asVersion2(state: CooperationState) {
  const context: Record<string, unknown> = { ...state.context };
  for (const key of OPERATION_KEYS) delete context[key];
  const value = typeof state.value === 'object' && 'active' in state.value ? 'active' : state.value;
  return { definitionVersion: 2, value, context };
}

/** A state as version 1 wrote it: in addition no `contract.amendments`. */
function asVersion1(state: CooperationState) {
  const v2 = asVersion2(state);
  const { amendments: _dropped, ...contract } = state.context.contract;
  return { ...v2, definitionVersion: 1, context: { ...v2.context, contract } };
}

describe('migrateState', () => {
  it('is at version 6', () => {
    expect(LIFECYCLE_DEFINITION_VERSION).toBe(6);
  });

  it('lifts version 1 through 2 and 3 to the current one, never touching its input', () => {
    const { state } = stateBefore('put-into-force');
    const persisted = asVersion1(state);
    const before = JSON.stringify(persisted);
    const migrated = migrateState(persisted);
    expect(migrated).toEqual(state);
    expect(migrated.definitionVersion).toBe(LIFECYCLE_DEFINITION_VERSION);
    expect(migrated.context.contract.amendments).toEqual([]);
    expect(JSON.stringify(persisted)).toBe(before);
  });

  it('lifts a version-2 state before active: empty operation context, same value', () => {
    const { state } = stateBefore('draft-loi');
    const migrated = migrateState(asVersion2(state));
    expect(migrated).toEqual(state);
    expect(migrated.context.reporting).toEqual({ reports: [], missed: [] });
    expect(migrated.context.escalation).toEqual({ cases: [] });
    expect(migrated.context.membership).toEqual({ exitRequests: [] });
    expect(migrated.context.timers).toEqual({});
  });

  it('lifts an active version-2 state to the regions, as PUT_INTO_FORCE under v3 would leave it', () => {
    const { state } = stateBefore(); // active under v3, with the first reporting timer
    const migrated = migrateState(asVersion2(state));
    expect(migrated.value).toEqual(ACTIVE_VALUE);
    expect(migrated).toEqual(state);
    expect(Object.keys(migrated.context.timers)).toEqual([`report-due:${HEEK.ags}:2027-Q1`]);
  });

  it('lets decide() work on older states and report the timers the migration added', () => {
    const before = stateBefore('put-into-force');
    const d = decide(asVersion1(before.state), { type: 'PUT_INTO_FORCE' }, COORD_HEEK, before.at);
    expect(d).toMatchObject({
      ok: true,
      stateAfter: ACTIVE_STATE,
      state: { definitionVersion: LIFECYCLE_DEFINITION_VERSION },
    });

    const { state, at } = stateBefore();
    const later = new Date('2026-09-01T08:00:00Z');
    const raised = decide(
      asVersion2(state),
      { type: 'RAISE_CONFLICT', subject: 'Winterdienst', description: 'Streit', parties: [HEEK.ags] },
      COORD_HEEK,
      later,
    );
    expect(at < later).toBe(true);
    expect(raised.ok && raised.timers.schedule.map((t) => t.key)).toEqual([
      expect.stringMatching(/^case-deadline:.+:1$/),
      `report-due:${HEEK.ags}:2027-Q1`,
    ]);
  });

  it('gives an active fixed-term state of version 3 its term-end timer (v4), an unlimited one none', () => {
    const { state } = stateBefore();
    const versions = state.context.contract.versions.map((v) => ({ ...v, term: { ...v.term, end: '2030-12-31' } }));
    const fixed = { ...state.context, contract: { ...state.context.contract, versions } };
    const migrated = migrateState({ definitionVersion: 3, value: state.value, context: fixed });
    expect(migrated.context.timers['term-end']).toEqual({
      key: 'term-end',
      dueAt: '2030-12-31T23:00:00.000Z',
      event: { type: 'TERM_ENDED', dueAt: '2030-12-31T23:00:00.000Z' },
    });
    expect(migrateState({ ...state, definitionVersion: 3 }).context.timers['term-end']).toBeUndefined();
    const { state: draft } = stateBefore('draft-loi');
    expect(migrateState({ ...draft, definitionVersion: 3 })).toEqual(draft);
  });

  it('leaves a current state as it is', () => {
    const { state } = stateBefore('draft-loi');
    expect(migrateState(state)).toEqual(state);
  });

  it.each([LIFECYCLE_DEFINITION_VERSION + 1, 0, -1, 1.5, NaN, '2' as unknown as number])(
    'refuses unknown version %p',
    (version) => {
      const { state } = stateBefore('draft-loi');
      const call = () => migrateState({ ...state, definitionVersion: version });
      expect(call).toThrow(UnknownDefinitionVersionError);
      expect(call).toThrow(`Unknown lifecycle definition version ${String(version)}`);
    },
  );
});
