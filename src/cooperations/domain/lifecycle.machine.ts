import { type AnyTransitionDefinition, assign, not, setup } from 'xstate';
import { type CooperationContext, emptyOperation, isParticipant, participants } from './cooperation';
import type { LifecycleEvent } from './events';
import { hasPendingExit } from './membership';
import type { MotiveId } from './motives';
import type { MunicipalityRef } from './municipality';
import { isObligationId, type ObligationId } from './obligations.catalog';
import type { EventMeta } from './actor';
import { EVENT_RULES, type EventRule } from './phases';
import { enterDissolving } from './phases/dissolution.rules';
import { isSystemEventType, timerKeyOf, withTimers } from './timers';

/**
 * Version of the machine definition and context shape. Persisted states carry the version they
 * were written with; `definition-migrations.ts` lifts older ones. Bump it with every change to
 * state names or context shape, and register a migration.
 */
export const LIFECYCLE_DEFINITION_VERSION = 5;

export interface OpenCooperationInput {
  id: string;
  title: string;
  fieldOfWork: string;
  motive: MotiveId;
  description: string;
  lead: MunicipalityRef;
}

/** A client's or timer's event with who sent it and when, as the rules see it. */
export type MetaEvent = LifecycleEvent & { meta: EventMeta };

/**
 * What the engine has decided before the machine sees an event, once per command: the context
 * after the event's rule applied, and the ids of the obligations that are met (a transition's
 * requirements judged on the context before the event, a route's on `applied`). The guards only
 * read it, so no obligation is evaluated and no rule applied twice.
 */
export interface Decided {
  applied: CooperationContext;
  met: readonly ObligationId[];
}

/** What the machine receives. */
export type LifecycleMachineEvent = MetaEvent & { decided: Decided };

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
    ...emptyOperation(),
    createdAt: meta.at,
    createdBy: { sub: meta.actor.sub, role: meta.actor.role },
    updatedAt: meta.at,
  };
}

/**
 * Applies an event's rule to the context. A timer event first removes its own timer (it has fired),
 * whatever the rule then finds.
 */
export function applyEvent(ctx: CooperationContext, event: MetaEvent): CooperationContext {
  const base = isSystemEventType(event.type) ? withTimers(ctx, [], [timerKeyOf(event as never)]) : ctx;
  const rule = EVENT_RULES[event.type] as EventRule<LifecycleEvent['type']>;
  return rule.apply(base, event, event.meta);
}

const allMet = (ids: readonly ObligationId[], event: LifecycleMachineEvent) =>
  ids.every((id) => event.decided.met.includes(id));

/** A partner's report is overdue (due date passed without it). */
const reportOverdue = (ctx: CooperationContext) =>
  ctx.reporting.missed.some((m) => m.reportedAt === null && isParticipant(ctx, m.reporter));
const casesOpen = (ctx: CooperationContext) => ctx.escalation.cases.some((c) => c.status === 'open');

const apply = { actions: 'apply' } as const;

/** The step after which the dissolution's procedure is complete enters `dissolving`. */
const dissolvesAfterApply = {
  target: 'dissolving',
  guard: { type: 'obligationsMetAfterApply', params: { obligations: ['OBL-DISSOLUTION-RESOLUTIONS'] } },
  actions: 'apply',
} as const;

/** Events every phase before `active` accepts. */
const beforeActive = {
  APPOINT_CONTACT: apply,
  WAIVE_OBLIGATION: apply,
  CONFIRM_CONTACT_APPOINTMENT: apply,
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
    /** A requirement: unmet obligations reject the event (engine: `obligations-unmet`). */
    obligationsMet: ({ event }, params: { obligations: readonly ObligationId[] }) => allMet(params.obligations, event),
    /** A route: the event is applied either way; this target is taken when, afterwards, they are met. */
    obligationsMetAfterApply: ({ event }, params: { obligations: readonly ObligationId[] }) =>
      allMet(params.obligations, event),
    fewerThanTwoPartnersAfterApply: ({ event }) => participants(event.decided.applied).length < 2,
    reportOverdue: ({ context }) => reportOverdue(context),
    casesOpen: ({ context }) => casesOpen(context),
    exitPending: ({ context }) => hasPendingExit(context),
  },
  actions: {
    // The engine applied the rule once (see Decided); the machine takes the result.
    apply: assign(({ event }) => event.decided.applied),
    enterDissolving: assign(({ context, event }) => enterDissolving(context, event.meta)),
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
        RECORD_MEMBER_NOTIFICATION: apply,
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
    /*
     * Operation: three parallel regions. Their events change the context; each region's state
     * follows the context through eventless transitions (reporting overdue or not, cases open or
     * not, an exit pending or not), so every path through the events keeps them consistent.
     */
    active: {
      type: 'parallel',
      on: {
        // Contacts change with elections and staff; waivers; amendments and joining (Beitritt).
        APPOINT_CONTACT: apply,
        WAIVE_OBLIGATION: apply,
        PROPOSE_AMENDMENT: apply,
        WITHDRAW_AMENDMENT: apply,
        RECORD_COUNCIL_RESOLUTION: apply,
        // A Zweckverband's dissolution: the assembly's vote and the approval with publication (§ 20 GkG NRW).
        RECORD_SUPERVISORY_STEP: [dissolvesAfterApply, apply],
        RECORD_ASSEMBLY_VOTE: [dissolvesAfterApply, apply],
        RECORD_MEMBER_NOTIFICATION: apply,
        SIGN_AMENDMENT: apply,
        PUT_AMENDMENT_INTO_FORCE: {
          guard: {
            type: 'obligationsMet',
            params: {
              obligations: ['OBL-AMENDMENT-RESOLUTIONS', 'OBL-AMENDMENT-SUPERVISORY-STEP', 'OBL-AMENDMENT-SIGNED-ALL'],
            },
          },
          actions: 'apply',
        },
        TERM_ENDED: { target: 'dissolving', actions: 'apply' },
        PROPOSE_DISSOLUTION: apply,
        RECORD_DISSOLUTION_RESOLUTION: [dissolvesAfterApply, apply],
      },
      states: {
        reporting: {
          initial: 'onTrack',
          on: {
            SUBMIT_REPORT: {
              guard: { type: 'obligationsMet', params: { obligations: ['OBL-REPORT-CRITERIA'] } },
              actions: 'apply',
            },
            CORRECT_REPORT: {
              guard: { type: 'obligationsMet', params: { obligations: ['OBL-REPORT-CRITERIA'] } },
              actions: 'apply',
            },
            ACKNOWLEDGE_REPORT: apply,
            REPORT_DUE: apply,
            REPORT_GRACE_EXPIRED: apply,
          },
          states: {
            onTrack: { always: { target: 'overdue', guard: 'reportOverdue' } },
            overdue: { always: { target: 'onTrack', guard: not('reportOverdue') } },
          },
        },
        escalation: {
          initial: 'calm',
          on: {
            RAISE_CONFLICT: apply,
            RESOLVE_CASE: apply,
            ESCALATE_CASE: apply,
            DECLARE_CASE_FAILED: apply,
            CASE_DEADLINE_PASSED: apply,
          },
          states: {
            calm: { always: { target: 'casesOpen', guard: 'casesOpen' } },
            casesOpen: { always: { target: 'calm', guard: not('casesOpen') } },
          },
        },
        membership: {
          initial: 'stable',
          on: {
            REQUEST_EXIT: {
              guard: {
                type: 'obligationsMet',
                params: { obligations: ['OBL-EXIT-ULTIMA-RATIO', 'OBL-EXIT-PLAN', 'OBL-EXIT-FORM-STEP'] },
              },
              actions: 'apply',
            },
            WITHDRAW_EXIT_REQUEST: apply,
            RECORD_TERMINATION_RECEIPT: apply,
            RECORD_TERMINATION_PUBLICATION: apply,
            NOTICE_PERIOD_ENDED: [
              {
                target: '#ikzCooperation.dissolving',
                guard: 'fewerThanTwoPartnersAfterApply',
                actions: 'apply',
              },
              apply,
            ],
          },
          states: {
            stable: { always: { target: 'exitPending', guard: 'exitPending' } },
            exitPending: { always: { target: 'stable', guard: not('exitPending') } },
          },
        },
      },
    },
    dissolving: {
      entry: 'enterDissolving',
      on: {
        WAIVE_OBLIGATION: apply,
        RECORD_WINDING_UP: {
          target: 'dissolved',
          guard: { type: 'obligationsMet', params: { obligations: ['OBL-WINDING-UP'] } },
          actions: 'apply',
        },
      },
    },
    dissolved: { type: 'final' },
    abandoned: { type: 'final' },
  },
});

export type LifecycleMachine = typeof lifecycleMachine;

function namedObligations(transitions: readonly AnyTransitionDefinition[], guardType: string): ObligationId[] {
  const ids = transitions.flatMap((t) => {
    const guard = t.guard as { type?: string; params?: { obligations?: unknown } } | undefined;
    const listed = guard?.type === guardType ? guard.params?.obligations : undefined;
    return Array.isArray(listed) ? listed.filter(isObligationId) : [];
  });
  return [...new Set(ids)];
}

/** The obligation ids these transitions require (unmet → rejected), in definition order. */
export function guardObligations(transitions: readonly AnyTransitionDefinition[]): ObligationId[] {
  return namedObligations(transitions, 'obligationsMet');
}

/** The obligation ids that route these transitions (met after the event → that target). */
export function routeObligations(transitions: readonly AnyTransitionDefinition[]): ObligationId[] {
  return namedObligations(transitions, 'obligationsMetAfterApply');
}
