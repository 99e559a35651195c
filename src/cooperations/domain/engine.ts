import { getNextTransitions, initialTransition, transition, type AnyTransitionDefinition } from 'xstate';
import type { Actor } from './actor';
import { germanDate } from './calendar';
import type { CooperationState, LifecycleStateValue } from './cooperation-state';
import { stateToString } from './cooperation-state';
import { migrateState, type PersistedState } from './definition-migrations';
import {
  eventSchema,
  isEventType,
  type LifecycleEvent,
  type LifecycleEventType,
  municipalityRef,
  OUTSIDER_EVENT_TYPES,
  type SystemEvent,
} from './events';
import {
  applyEvent,
  guardObligations,
  LIFECYCLE_DEFINITION_VERSION,
  lifecycleMachine,
  type LifecycleMachineEvent,
  type OpenCooperationInput,
  routeObligations,
} from './lifecycle.machine';
import { eventHints, eventTemplate, hasTextToWrite } from './event-templates';
import { MOTIVE_IDS } from './motives';
import { evaluate, type ObligationResult, PAYLOAD_OBLIGATIONS } from './obligations';
import type { Bilingual } from './obligations.catalog';
import { EVENT_RULES, type EventRule } from './phases';
import { type FieldError, object, oneOf, str, text, validate, fieldError } from './schema';
import { diffTimers, isCurrentTimer, isSystemEventType, type TimerChanges } from './timers';
import { followUpWarnings } from './warnings';

export type { OpenCooperationInput } from './lifecycle.machine';

export type RejectionKind = 'event-not-allowed' | 'forbidden' | 'invalid' | 'obligations-unmet';

export interface Accepted {
  ok: true;
  state: CooperationState;
  /** The validated event as applied (its fields besides `type` are the history payload). */
  event: LifecycleEvent;
  stateBefore: string;
  stateAfter: string;
  /**
   * Obligations evaluated by the transition's guard (all met), followed by those of a route the
   * event took (e.g. OBL-DISSOLUTION-RESOLUTIONS into `dissolving`); empty for unguarded events.
   */
  obligations: ObligationResult[];
  /**
   * Durable timers to write in the same transaction as the state: upsert `schedule` by key,
   * delete `cancel` by key. Relative to the timers the persisted state expected.
   */
  timers: TimerChanges;
  /**
   * Set for a timer event whose timer this state no longer expects (cancelled, already fired, or an
   * earlier instance of its key): accepted, nothing changed. Late and duplicate firings are harmless.
   */
  noop?: true;
  /** Later obligations the recorded facts will not satisfy (warnings.ts); absent when there are none. */
  warnings?: ObligationResult[];
}

export interface Rejected {
  ok: false;
  kind: RejectionKind;
  detail: Bilingual;
  /** For `obligations-unmet`: every unmet obligation of the transition. */
  unmet?: ObligationResult[];
  /** For `invalid`: the offending fields. */
  errors?: FieldError[];
}

export type Decision = Accepted | Rejected;

export interface Opened {
  ok: true;
  state: CooperationState;
  input: OpenCooperationInput;
  stateBefore: null;
  stateAfter: string;
  /** Always empty: an opened cooperation has no deadlines yet. */
  timers: TimerChanges;
}

export interface NextEvent {
  type: LifecycleEventType;
  /** Role, membership, state and the guard's obligations (as far as they do not need a payload) allow it. */
  allowed: boolean;
  reason?: RejectionKind;
  detail?: Bilingual;
  unmet?: ObligationResult[];
  /** A body to start from, filled from the state (event-templates.ts). */
  template: Record<string, unknown>;
  /** Sending `template` as it is would be accepted now. */
  ready: boolean;
  /** What it records depends on the body: text to write, or values an obligation judges. */
  dependsOnPayload: boolean;
  hints: Bilingual[];
}

/** The history event type of the opening entry (which has no state before it). */
export const OPEN_COOPERATION = 'OPEN_COOPERATION';

const reject = (kind: RejectionKind, detail: Bilingual, extra: Partial<Rejected> = {}): Rejected => ({
  ok: false,
  kind,
  detail,
  ...extra,
});

const INVALID = {
  de: 'Die Angaben sind unvollständig oder fehlerhaft.',
  en: 'The event payload is invalid.',
};
const UNMET = {
  de: 'Nicht alle Voraussetzungen für diesen Übergang sind erfüllt.',
  en: 'Not all obligations for this transition are met.',
};

const openingSchema = object({
  id: text(100),
  title: text(300),
  fieldOfWork: text(200),
  motive: oneOf(MOTIVE_IDS),
  description: str({ max: 20_000 }),
  lead: municipalityRef,
});

/** Opens a cooperation in `partnerSearch`; the actor must be a coordinator of the lead municipality. */
export function openCooperation(input: OpenCooperationInput, actor: Actor, now: Date): Opened | Rejected {
  if (actor.role !== 'coordinator') {
    return reject('forbidden', {
      de: 'Nur Koordinatorinnen und Koordinatoren einer Kommune können eine Kooperation eröffnen.',
      en: 'Only municipal coordinators can open a cooperation.',
    });
  }
  if (actor.municipality === undefined || actor.municipality !== input?.lead?.ags) {
    return reject('forbidden', {
      de: 'Eine Kooperation kann nur für die eigene Kommune als Federführung eröffnet werden.',
      en: "A cooperation can only be opened with one's own municipality as lead.",
    });
  }
  const errors = validate(openingSchema, input);
  if (errors.length > 0) return reject('invalid', INVALID, { errors });
  const opening = JSON.parse(JSON.stringify(input)) as OpenCooperationInput;
  const [snapshot] = initialTransition(lifecycleMachine, {
    cooperation: opening,
    meta: { actor, at: now.toISOString() },
  });
  const state = toState(snapshot.value, snapshot.context);
  return {
    ok: true,
    state,
    input: opening,
    stateBefore: null,
    stateAfter: stateToString(state.value),
    timers: { schedule: [], cancel: [] },
  };
}

/**
 * Decides one event. Checks in this order, so the answer names the most basic problem first:
 * event-not-allowed → forbidden (role, membership) → invalid (schema) → forbidden (payload, e.g.
 * the body at a case's level) → invalid (state and payload) → obligations-unmet (every unmet one).
 * Timer events (role `system`) whose timer the state no longer expects are accepted as no-ops.
 * Pure: `now` is the only clock. Never throws for a bad event; throws only for a state that
 * cannot be read (unknown definition version).
 *
 * The one place a command's state is migrated: pass the state as stored. The timers a migration
 * adds are then reported in `timers.schedule`, which they would not be if the caller migrated first.
 */
export function decide(persisted: PersistedState, event: unknown, actor: Actor, now: Date): Decision {
  const state = migrateState(persisted);
  const persistedTimers = (persisted.context as Partial<CooperationState['context']> | undefined)?.timers;
  const type = (event as { type?: unknown } | null)?.type;
  if (typeof event !== 'object' || event === null || !isEventType(type)) {
    return reject('event-not-allowed', {
      de: `Unbekanntes Ereignis ${JSON.stringify(type ?? null)}.`,
      en: `Unknown event ${JSON.stringify(type ?? null)}.`,
    });
  }
  const snapshot = resolve(state);
  const candidates = transitionsFor(snapshot, type);
  if (candidates.length === 0) return notAllowed(type, state);

  const rule = EVENT_RULES[type] as EventRule<LifecycleEventType>;
  const ctx = state.context;
  const denied = permission(rule, ctx, actor);
  if (denied) return reject('forbidden', denied);
  const blocked = rule.precondition?.(ctx, actor);
  if (blocked) return reject('invalid', blocked);
  const errors = validate(eventSchema(type), event);
  if (errors.length > 0) return reject('invalid', INVALID, { errors });
  const deniedForPayload = rule.authorizeEvent?.(ctx, event as never, actor);
  if (deniedForPayload) return reject('forbidden', deniedForPayload);
  errors.push(...(rule.validate?.(ctx, event as never, actor, germanDate(now), now) ?? []));
  if (errors.length > 0) return reject('invalid', INVALID, { errors });

  const validEvent = JSON.parse(JSON.stringify(event)) as LifecycleEvent;
  if (isSystemEventType(type)) {
    const timerEvent = validEvent as SystemEvent;
    if (!isCurrentTimer(ctx, timerEvent)) {
      const same = toState(state.value, ctx);
      const current = stateToString(same.value);
      return {
        ok: true,
        state: same,
        event: validEvent,
        stateBefore: current,
        stateAfter: current,
        obligations: [],
        timers: diffTimers(persistedTimers, same.context.timers),
        noop: true,
      };
    }
    if (now.getTime() < Date.parse(timerEvent.dueAt)) {
      return reject('invalid', INVALID, {
        errors: [fieldError('dueAt', 'rules.timerNotDue', { dueAt: timerEvent.dueAt })],
      });
    }
  }

  // Decided once here, handed to the machine's guards and action (see `Decided`).
  const results = evaluate(guardObligations(candidates), ctx, now, validEvent, actor);
  const unmet = results.filter((r) => !r.met);
  if (unmet.length > 0) return reject('obligations-unmet', UNMET, { unmet });
  const meta = { actor, at: now.toISOString() };
  const applied = applyEvent(ctx, { ...validEvent, meta });
  const routes = evaluate(routeObligations(candidates), applied, now, validEvent);
  const met = [...results, ...routes].filter((r) => r.met).map((r) => r.id);
  const machineEvent: LifecycleMachineEvent = { ...validEvent, meta, decided: { applied, met } };

  const taken = lifecycleMachine.getTransitionData(snapshot, machineEvent);
  if (taken.length === 0) return reject('obligations-unmet', UNMET, { unmet: results });
  const routed = new Set(routeObligations(taken));
  const routeResults = routes.filter((r) => routed.has(r.id));
  const [next] = transition(lifecycleMachine, snapshot, machineEvent);
  const nextState = toState(next.value, next.context);
  const warnings = followUpWarnings(type, nextState.context, now);
  return {
    ok: true,
    state: nextState,
    event: validEvent,
    stateBefore: stateToString(state.value),
    stateAfter: stateToString(nextState.value),
    obligations: [...results, ...routeResults],
    timers: diffTimers(persistedTimers, nextState.context.timers),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/**
 * Every event with a transition in the current state, judged for this actor as far as possible
 * without a payload: role and membership, state preconditions, and the guard's obligations.
 * `allowed: true` still needs a valid payload.
 */
export function nextEvents(persisted: PersistedState, actor: Actor, now: Date): NextEvent[] {
  const state = migrateState(persisted);
  const snapshot = resolve(state);
  const types = [...new Set(getNextTransitions(snapshot).map((t) => t.eventType as string))].filter(isEventType);
  // Timer events are the scheduler's business: only a system actor sees them. Members never
  // express interest in their own cooperation's search.
  const visible = types.filter(
    (type) => (actor.role === 'system' || !isSystemEventType(type)) && !OUTSIDER_EVENT_TYPES.includes(type),
  );
  return visible.map((type) => {
    const template = eventTemplate(type, state.context, now);
    const guard = guardObligations(transitionsFor(snapshot, type));
    const guide = { template, hints: eventHints(type, state.context, now) };
    const rule = EVENT_RULES[type] as EventRule<LifecycleEventType>;
    const denied = permission(rule, state.context, actor);
    const judged = (verdict: Pick<NextEvent, 'allowed' | 'reason' | 'detail' | 'unmet'>): NextEvent => {
      const ready = verdict.allowed && decide(persisted, template, actor, now).ok;
      const dependsOnPayload =
        guard.some((id) => PAYLOAD_OBLIGATIONS.has(id)) || (verdict.allowed && !ready) || hasTextToWrite(template);
      return { type, ...verdict, ...guide, ready, dependsOnPayload };
    };
    if (denied) return judged({ allowed: false, reason: 'forbidden', detail: denied });
    const blocked = rule.precondition?.(state.context, actor);
    if (blocked) return judged({ allowed: false, reason: 'invalid', detail: blocked });
    // Obligations about the payload (report values, exit plan …) can only be judged with one.
    const ids = guard.filter((id) => !PAYLOAD_OBLIGATIONS.has(id));
    const unmet = evaluate(ids, state.context, now).filter((r) => !r.met);
    return unmet.length > 0
      ? judged({ allowed: false, reason: 'obligations-unmet', detail: UNMET, unmet })
      : judged({ allowed: true });
  });
}

// ---- internals -----------------------------------------------------------------------------

function permission(
  rule: EventRule<LifecycleEventType>,
  ctx: CooperationState['context'],
  actor: Actor,
): Bilingual | null {
  if (!rule.roles.includes(actor.role)) {
    return {
      de: `Die Rolle „${actor.role}“ darf den Lebenszyklus nicht verändern.`,
      en: `Role '${actor.role}' may not change the lifecycle.`,
    };
  }
  if (actor.role !== 'system' && !actor.municipality) {
    return { de: 'Das Token nennt keine Kommune.', en: 'The token names no municipality.' };
  }
  return rule.authorize(ctx, actor);
}

function notAllowed(type: string, state: CooperationState): Rejected {
  const current = stateToString(state.value);
  return reject('event-not-allowed', {
    de: `Das Ereignis ${type} ist im Zustand „${current}“ nicht vorgesehen.`,
    en: `Event ${type} is not allowed in state '${current}'.`,
  });
}

function resolve(state: CooperationState) {
  return lifecycleMachine.resolveState({ value: state.value, context: state.context });
}

function transitionsFor(snapshot: ReturnType<typeof resolve>, type: string): AnyTransitionDefinition[] {
  return getNextTransitions(snapshot).filter((t) => t.eventType === type);
}

function toState(value: LifecycleStateValue, context: CooperationState['context']): CooperationState {
  // A JSON round trip guarantees the adapter can persist exactly what later decisions will see.
  return JSON.parse(
    JSON.stringify({ definitionVersion: LIFECYCLE_DEFINITION_VERSION, value, context }),
  ) as CooperationState;
}
