import { type AnyTransitionDefinition, assign, setup } from 'xstate';
import type { CooperationContext } from './cooperation';
import type { LifecycleEvent } from './events';
import type { MotiveId } from './motives';
import type { MunicipalityRef } from './municipality';
import { evaluate } from './obligations';
import { isObligationId, type ObligationId } from './obligations.catalog';
import { EVENT_RULES, type EventMeta, type EventRule } from './phases';

/**
 * Version of the machine definition and context shape. Persisted states carry the version they
 * were written with; `definition-migrations.ts` lifts older ones. Bump it with every change to
 * state names or context shape, and register a migration.
 */
export const LIFECYCLE_DEFINITION_VERSION = 2;

export interface OpenCooperationInput {
  id: string;
  title: string;
  fieldOfWork: string;
  motive: MotiveId;
  description: string;
  lead: MunicipalityRef;
}

/** What the machine receives: the client's event plus who sent it and when. */
export type LifecycleMachineEvent = LifecycleEvent & { meta: EventMeta };

function createContext({
  cooperation,
  meta,
}: {
  cooperation: OpenCooperationInput;
  meta: EventMeta;
}): CooperationContext {
  const { lead, ...rest } = cooperation;
  return {
    ...rest,
    lead: lead.ags,
    members: {
      [lead.ags]: {
        ...lead,
        role: 'lead',
        status: 'active',
        invitedAt: null,
        joinedAt: meta.at,
        endedAt: null,
        endReason: null,
      },
    },
    contacts: {},
    loi: { versions: [], signatures: [], adoptedVersion: null },
    governance: { steeringBody: null, reporting: null },
    contract: {
      versions: [],
      councilResolutions: [],
      supervisoryStep: null,
      signatures: [],
      inForceSince: null,
      amendments: [],
    },
    abandonment: null,
    createdAt: meta.at,
    createdBy: { sub: meta.actor.sub, role: meta.actor.role },
    updatedAt: meta.at,
  };
}

const apply = { actions: 'apply' } as const;

/** Events every phase before `active` accepts. */
const beforeActive = {
  APPOINT_CONTACT: apply,
  ABANDON: { target: 'abandoned', actions: 'apply' },
} as const;

/*
 * Only transitions live here; who may send an event and what its payload must say live in
 * `phases/*.rules.ts`, checked by the engine before the machine sees the event. Phase-advancing
 * transitions carry their obligation ids in the guard params so the definition itself documents
 * (and `describe-machine.ts` can show) what each exit requires.
 */
export const lifecycleMachine = setup({
  types: {
    context: {} as CooperationContext,
    events: {} as LifecycleMachineEvent,
    input: {} as { cooperation: OpenCooperationInput; meta: EventMeta },
  },
  guards: {
    obligationsMet: ({ context, event }, params: { obligations: readonly ObligationId[] }) =>
      evaluate(params.obligations, context, new Date(event.meta.at)).every((r) => r.met),
  },
  actions: {
    apply: assign(({ context, event }) =>
      (EVENT_RULES[event.type] as EventRule<LifecycleEvent['type']>).apply(context, event as never, event.meta),
    ),
  },
}).createMachine({
  id: 'ikzCooperation',
  initial: 'partnerSearch',
  context: ({ input }) => createContext(input),
  states: {
    partnerSearch: {
      on: {
        INVITE_PARTNER: apply,
        ACCEPT_INVITATION: apply,
        DECLINE_INVITATION: apply,
        WITHDRAW_INVITATION: apply,
        LEAVE_PARTNER_SEARCH: apply,
        START_LETTER_OF_INTENT: {
          target: 'letterOfIntent',
          guard: {
            type: 'obligationsMet',
            params: { obligations: ['OBL-PARTNERS-MIN', 'OBL-CONTACT-AUTHORITY'] },
          },
          actions: 'apply',
        },
        ...beforeActive,
      },
    },
    letterOfIntent: {
      on: {
        DRAFT_LOI: apply,
        SIGN_LOI: apply,
        ADOPT_LOI: {
          target: 'planning',
          guard: {
            type: 'obligationsMet',
            params: {
              obligations: ['OBL-LOI-CONTENT', 'OBL-SUCCESS-CRITERIA', 'OBL-LOI-SIGNED-ALL'],
            },
          },
          actions: 'apply',
        },
        ...beforeActive,
      },
    },
    planning: {
      on: {
        DEFINE_STEERING_BODY: apply,
        DEFINE_REPORTING_DUTIES: apply,
        START_CONTRACT: {
          target: 'contract',
          guard: {
            type: 'obligationsMet',
            params: { obligations: ['OBL-STEERING-BODY', 'OBL-REPORTING-DUTIES'] },
          },
          actions: 'apply',
        },
        ...beforeActive,
      },
    },
    contract: {
      on: {
        DRAFT_CONTRACT: apply,
        RECORD_COUNCIL_RESOLUTION: apply,
        RECORD_SUPERVISORY_STEP: apply,
        SIGN_CONTRACT: apply,
        PUT_INTO_FORCE: {
          target: 'active',
          guard: {
            type: 'obligationsMet',
            params: {
              obligations: [
                'OBL-CONFLICT-PROCEDURE',
                'OBL-EXIT-TERMS',
                'OBL-COUNCIL-RESOLUTION',
                'OBL-SUPERVISORY-STEP',
                'OBL-CONTRACT-SIGNED-ALL',
              ],
            },
          },
          actions: 'apply',
        },
        ...beforeActive,
      },
    },
    // Issue 5 turns this into a parallel state (reporting, escalation, membership regions).
    active: {},
    abandoned: { type: 'final' },
  },
});

export type LifecycleMachine = typeof lifecycleMachine;

/** The obligation ids named in the guards of these transitions, in definition order. */
export function guardObligations(transitions: readonly AnyTransitionDefinition[]): ObligationId[] {
  const ids = transitions.flatMap((t) => {
    const guard = t.guard as { type?: string; params?: { obligations?: unknown } } | undefined;
    const listed = guard?.type === 'obligationsMet' ? guard.params?.obligations : undefined;
    return Array.isArray(listed) ? listed.filter(isObligationId) : [];
  });
  return [...new Set(ids)];
}
