import type { Actor, ActorRole, EventMeta } from '../actor';
import type { CalendarDate, Instant } from '../calendar';
import type { CooperationContext, Signature } from '../cooperation';
import { currentContract, isParticipant } from '../cooperation';
import type { EventOfType, LifecycleEventType } from '../events';
import type { Bilingual } from '../obligations.catalog';
import { councilDecisionRequirement, type DecisionRoute } from '../legal/council';
import { type FieldError, fieldError } from '../schema';

/**
 * The business rules of one event type: everything the domain knows about it apart from its shape
 * (`events/`, checked by the engine before any of these run) and where the machine allows it.
 * `authorize` and `precondition` look at the context and actor only (not the payload), so the
 * "why not?" view can answer them before anyone has filled in a form.
 */
export interface EventRule<T extends LifecycleEventType> {
  roles: readonly ActorRole[];
  authorize(ctx: CooperationContext, actor: Actor): Bilingual | null;
  precondition?(ctx: CooperationContext, actor: Actor): Bilingual | null;
  /**
   * Authorisation that depends on the (schema-valid) payload, e.g. the body at an escalation case's
   * current level. Runs after the schema check, before `validate`; answered `forbidden`.
   */
  authorizeEvent?(ctx: CooperationContext, event: EventOfType<T>, actor: Actor): Bilingual | null;
  validate?(ctx: CooperationContext, event: EventOfType<T>, actor: Actor, today: CalendarDate, now: Date): FieldError[];
  apply(ctx: CooperationContext, event: EventOfType<T>, meta: EventMeta): CooperationContext;
}

/** Lifecycle events are sent by municipal coordinators. */
export const COORDINATORS: readonly ActorRole[] = ['coordinator'];
/** Escalation cases are decided by members of the bodies (role steering-board). */
export const BOARD_MEMBERS: readonly ActorRole[] = ['steering-board'];
/** Timer events are sent by the scheduler only. */
export const SYSTEM: readonly ActorRole[] = ['system'];

/**
 * Authorisation of the system events (durable timers). The engine applies a timer event only while
 * its timer (key and dueAt) is still in `context.timers`, and removes that timer before the rule
 * runs; the checks in each timer rule guard the remaining premises, so that a firing can never do
 * more than its timer promised.
 */
export const system = (): Bilingual | null => null;

export const asLead = (ctx: CooperationContext, actor: Actor): Bilingual | null =>
  actor.municipality === ctx.lead
    ? null
    : {
        de: 'Nur die federführende Kommune darf dieses Ereignis auslösen.',
        en: 'Only the lead municipality may send this event.',
      };

export const asParticipant = (ctx: CooperationContext, actor: Actor): Bilingual | null =>
  isParticipant(ctx, actor.municipality)
    ? null
    : {
        de: 'Nur beteiligte Kommunen dürfen dieses Ereignis auslösen.',
        en: 'Only participating municipalities may send this event.',
      };

export const asLeadOrSeat = (ctx: CooperationContext, actor: Actor): Bilingual | null =>
  actor.municipality === ctx.lead || actor.municipality === currentContract(ctx)?.seat
    ? null
    : {
        de: 'Nur die federführende Kommune oder die Sitzkommune darf dieses Ereignis auslösen.',
        en: 'Only the lead or the seat municipality may send this event.',
      };

/** Signatures count only from the appointed contact with decision-making authority [P4]. */
export const asAppointedContact = (ctx: CooperationContext, actor: Actor): Bilingual | null => {
  const ags = actor.municipality ?? '';
  const outsider = asParticipant(ctx, actor);
  if (outsider) return outsider;
  if (ctx.contacts[ags]?.userSub === actor.sub) return null;
  return ctx.pendingContacts?.[ags]?.userSub === actor.sub ? UNCONFIRMED : NOT_THE_CONTACT;
};

const NOT_THE_CONTACT: Bilingual = {
  de: 'Unterzeichnen darf nur der benannte Ansprechpartner der Kommune mit Entscheidungsbefugnis.',
  en: "Only the municipality's appointed contact with decision-making authority may sign.",
};

const UNCONFIRMED: Bilingual = {
  de: 'Ihre Benennung als Ansprechperson gilt erst, wenn Sie sie bestätigen (CONFIRM_CONTACT_APPOINTMENT).',
  en: 'Your appointment as contact counts only once you confirm it (CONFIRM_CONTACT_APPOINTMENT).',
};

/** The municipality's pending appointment gone (confirmed, superseded, or its membership ended). */
export const withoutPending = (ctx: CooperationContext, ags: string): CooperationContext => {
  if (!ctx.pendingContacts?.[ags]) return ctx;
  const { [ags]: _pending, ...pendingContacts } = ctx.pendingContacts;
  return { ...ctx, pendingContacts };
};

/** The municipality's contact and pending appointment, both gone (its membership ended). */
export const withoutContact = (ctx: CooperationContext, ags: string): CooperationContext => {
  const { [ags]: _contact, ...contacts } = ctx.contacts;
  return { ...withoutPending(ctx, ags), contacts };
};

export const notInFuture = (value: CalendarDate | undefined, path: string, today: CalendarDate): FieldError[] =>
  value && value > today ? [fieldError(path, 'rules.inFuture', { today })] : [];

export const mustParticipate = (ctx: CooperationContext, ags: string, path: string): FieldError[] =>
  isParticipant(ctx, ags) ? [] : [fieldError(path, 'rules.notParticipant', { ags })];

export const touched = (ctx: CooperationContext, at: Instant): CooperationContext => ({
  ...ctx,
  updatedAt: at,
});

/** A signature counts only from the appointed contact (see asAppointedContact); it keeps their name at signing. */
export const signatureOf = (ctx: CooperationContext, actor: Actor, version: number, at: Instant): Signature => ({
  municipality: actor.municipality!,
  version,
  signedBy: actor.sub,
  signatoryName: ctx.contacts[actor.municipality!].name,
  signedAt: at,
});

const BODY_OF_ROUTE: Readonly<Record<DecisionRoute, string>> = {
  rat: 'Rat',
  kreistag: 'Kreistag',
  hauptausschuss: 'Hauptausschuss',
  dringlichkeitsentscheidung: 'Dringlichkeitsentscheidung',
};

/**
 * A member's resolutions come from its council — the Kreistag of a Kreis, else the Rat (§ 41 GO,
 * § 26 KrO NRW) — or a municipality's Hauptausschuss or Dringlichkeitsentscheidung (§ 60 Abs. 1 GO NRW).
 */
export const councilBodyErrors = (ctx: CooperationContext, actor: Actor, body: string): FieldError[] => {
  const kind = ctx.members[actor.municipality!]?.kind ?? 'Gemeinde';
  const expected = kind === 'Kreis' ? 'Kreistag' : 'Rat';
  const form = currentContract(ctx)?.legalForm;
  const routes = form ? councilDecisionRequirement(form, kind).routes.map((r) => BODY_OF_ROUTE[r.route]) : [];
  return body === expected || routes.includes(body)
    ? []
    : [fieldError('body', 'rules.wrongBody', { body: expected, ags: actor.municipality! })];
};
