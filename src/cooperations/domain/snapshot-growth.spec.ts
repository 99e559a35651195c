import { LIFECYCLE_DEFINITION_VERSION } from './lifecycle.machine';
import type { CooperationState } from './cooperation-state';
import { migrateState } from './definition-migrations';
import { decide } from './engine';
import { EVENT_SCHEMAS } from './events';
import type { AnySchema } from './schema';
import { CONTRACT_DRAFT, COORD_HEEK, COORD_LEGDEN, LOI_DRAFT } from '../../../test/fixtures/building-yard.scenario';
import { accept, stateBefore } from '../../../test/fixtures/run-scenario';

/*
 * Issue 12, item 7: what one caller can make a cooperation's snapshot grow by. Every DRAFT_LOI used
 * to stay in the snapshot (and so in every stored answer): 50 drafts of 96 kB made each answer 4.9 MB.
 */
const size = (state: CooperationState) => JSON.stringify(state).length;

function draftTimes(state: CooperationState, n: number, event: object, at: Date): CooperationState {
  for (let i = 0; i < n; i++) state = accept(decide(state, event, COORD_HEEK, at)).state;
  return state;
}

describe('the snapshot keeps only the versions in force', () => {
  it('50 LoI drafts leave one version in the snapshot, numbered 50; the current one is signed', () => {
    const { state, at } = stateBefore('draft-loi');
    const once = draftTimes(state, 1, LOI_DRAFT, at);
    const fifty = draftTimes(state, 50, LOI_DRAFT, at);
    expect(fifty.context.loi.versions.map((v) => v.version)).toEqual([50]);
    expect(size(fifty)).toBeLessThan(size(once) + 200);
    expect(decide(fifty, { type: 'SIGN_LOI', version: 49 }, COORD_HEEK, at)).toMatchObject({ ok: false });
    const signed = accept(decide(fifty, { type: 'SIGN_LOI', version: 50 }, COORD_HEEK, at)).state;
    expect(signed.context.loi.signatures).toEqual([expect.objectContaining({ version: 50 })]);
  });

  it('20 contract drafts leave one version, numbered 20', () => {
    const { state, at } = stateBefore('draft-contract');
    const twenty = draftTimes(state, 20, CONTRACT_DRAFT, at);
    expect(twenty.context.contract.versions.map((v) => v.version)).toEqual([20]);
    expect(decide(twenty, { type: 'SIGN_CONTRACT', version: 20 }, COORD_LEGDEN, at)).toMatchObject({ ok: true });
  });

  it('lifts a version-3 snapshot to 4: superseded drafts go, the adopted and the current version stay', () => {
    const { state } = stateBefore('define-steering-body'); // LoI 1 adopted
    const loi = state.context.loi.versions[0];
    const contract = stateBefore('council-heek').state.context.contract.versions[0];
    const v3 = {
      definitionVersion: 3,
      value: state.value,
      context: {
        ...state.context,
        loi: {
          ...state.context.loi,
          versions: [loi, { ...loi, version: 2 }, { ...loi, version: 3 }],
          adoptedVersion: 2,
        },
        contract: {
          ...state.context.contract,
          versions: [1, 2, 3].map((version) => ({ ...contract, version })),
          amendments: [{ contractVersion: 1, inForceOn: '2027-01-01' }],
        },
      },
    };
    const lifted = migrateState(v3);
    expect(lifted.definitionVersion).toBe(LIFECYCLE_DEFINITION_VERSION);
    expect(lifted.context.loi.versions.map((v) => v.version)).toEqual([2, 3]);
    expect(lifted.context.contract.versions.map((v) => v.version)).toEqual([1, 3]);
  });
});

/** The most bytes a value of the schema can take as UTF-8 JSON (quotes, commas and keys included). */
function worstCase(s: AnySchema): number {
  const spec = s.spec;
  switch (spec.kind) {
    case 'string':
      return spec.max * 3 + 2; // three bytes per UTF-16 unit at most (a newline escaped is two)
    case 'array':
      return 2 + spec.max * (worstCase(spec.item) + 1);
    case 'object':
      return 2 + Object.entries(spec.shape).reduce((n, [key, field]) => n + key.length + 4 + worstCase(field), 0);
    default:
      return 400; // numbers, dates, enums, AGS, e-mail (≤ 254), instants
  }
}

describe('what one event may add', () => {
  // BODY_LIMIT (100 kB by default) caps the request; the schemas cap each event on their own, so a
  // larger BODY_LIMIT cannot turn one event into megabytes of snapshot.
  it.each(Object.entries(EVENT_SCHEMAS))('%s is at most 2 MB of JSON, whatever BODY_LIMIT says', (_type, schema) => {
    expect(worstCase(schema)).toBeLessThanOrEqual(2_000_000);
  });
});
