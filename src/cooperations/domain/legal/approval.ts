import { addDays, type CalendarDate } from '../calendar';
import type { LegalFormId } from './legal-form-ids';
import { followOnPeriodEnd, type Period, type StatutoryEnd, statutoryPeriodEnd } from './periods';
import { type Bilingual, type LegalRule, ruleOn, TEXT_DATES } from './rule';

/*
 * Approval with deemed approval (Genehmigungsfiktion), § 24 Abs. 2 GkG NRW (öffentlich-rechtliche
 * Vereinbarung) and § 10 Abs. 1 GkG NRW (Verbandssatzung; via § 20 Abs. 4 also its amendments and
 * the dissolution): "Die Genehmigung gilt als erteilt, wenn die Aufsichtsbehörde den Beteiligten
 * nicht innerhalb von vier Wochen nach Eingang des Genehmigungsantrages mitteilt, dass sie die
 * Genehmigung versagen oder nur nach Änderung der Vereinbarung erteilen will und nicht innerhalb
 * weiterer vier Wochen einen Termin mit den Beteiligten anberaumt, um dies zu erörtern."
 */

export interface ApprovalRule extends LegalRule {
  forms: readonly LegalFormId[];
  firstPeriod: Period;
  furtherPeriod: Period;
}

const FICTION_READING: Bilingual = {
  de: 'Die Fiktion entfällt nur, wenn die Behörde (1) binnen vier Wochen nach Eingang mitteilt, dass sie versagen oder nur nach Änderung genehmigen will, und (2) binnen weiterer vier Wochen (ab Ende der ersten Frist, § 190 BGB) einen Erörterungstermin anberaumt. Teilt sie nur Bedenken mit, tritt die Fiktion nach Ablauf der weiteren vier Wochen ein. Eine ausdrückliche Entscheidung vor Eintritt der Fiktion geht vor.',
  en: 'The fiction is excluded only if the authority (1) communicates within four weeks of receipt that it will refuse or approve only after changes, and (2) schedules a discussion within a further four weeks (from the end of the first period, § 190 BGB). Concerns alone lead to the fiction when the further four weeks have passed. An express decision before the fiction takes precedence.',
};

export const APPROVAL_RULES: readonly ApprovalRule[] = [
  {
    id: 'GKG-24-2',
    forms: ['oeffentlich-rechtliche-vereinbarung'],
    citation: '§ 24 Abs. 2 GkG NRW',
    firstPeriod: { amount: 4, unit: 'weeks' },
    furtherPeriod: { amount: 4, unit: 'weeks' },
    effectiveFrom: TEXT_DATES.GKG,
    effectiveFromConfirmed: false,
    certainty: 'reading',
    reading: FICTION_READING,
  },
  {
    id: 'GKG-10-1',
    forms: ['zweckverband'],
    citation: '§ 10 Abs. 1 S. 2 GkG NRW',
    firstPeriod: { amount: 4, unit: 'weeks' },
    furtherPeriod: { amount: 4, unit: 'weeks' },
    effectiveFrom: TEXT_DATES.GKG,
    effectiveFromConfirmed: false,
    certainty: 'reading',
    reading: FICTION_READING,
  },
];

export function approvalRule(form: LegalFormId, on: CalendarDate): ApprovalRule | undefined {
  return ruleOn(APPROVAL_RULES, on, (r) => r.forms.includes(form));
}

/** What the record says about the authority's handling of one application. */
export interface ApprovalRecord {
  /** Receipt of the complete application by the authority (starts the period, § 187 Abs. 1 BGB). */
  receivedOn: CalendarDate;
  /** The authority told the parties it will refuse or approve only after changes. */
  concernsCommunicatedOn?: CalendarDate;
  /** The day the authority scheduled (anberaumt) a discussion — not the day of the meeting. */
  discussionScheduledOn?: CalendarDate;
  decision?: { kind: 'approved' | 'refused'; on: CalendarDate };
}

export type ApprovalStatus =
  /** Periods still running; `fictionOn` is when approval will be deemed if nothing else happens. */
  | 'pending'
  | 'deemed-approved'
  | 'approved'
  | 'refused'
  /** A discussion was scheduled in time: no fiction, an express decision is needed. */
  | 'awaiting-decision';

export interface ApprovalEvaluation {
  status: ApprovalStatus;
  rule: ApprovalRule;
  firstPeriod: StatutoryEnd;
  furtherPeriod?: StatutoryEnd;
  /** The first day on which the approval counts as given by the fiction. */
  fictionOn?: CalendarDate;
  warnings: Bilingual[];
}

const LATE_REFUSAL: Bilingual = {
  de: 'Die Versagung erging nach Eintritt der Genehmigungsfiktion; die Genehmigung gilt als erteilt. Ob die Behörde sie zurücknehmen oder widerrufen kann, ist rechtlich zu prüfen.',
  en: 'The refusal came after the deemed approval took effect; approval counts as given. Whether the authority can withdraw or revoke it needs legal review.',
};

/** The state of an approval procedure as of `today` (a calendar date in Germany). */
export function evaluateApproval(rule: ApprovalRule, record: ApprovalRecord, today: CalendarDate): ApprovalEvaluation {
  const firstPeriod = statutoryPeriodEnd(record.receivedOn, rule.firstPeriod);
  const concernsInTime =
    record.concernsCommunicatedOn !== undefined && record.concernsCommunicatedOn <= firstPeriod.endsOn;
  const furtherPeriod = concernsInTime ? followOnPeriodEnd(firstPeriod, rule.furtherPeriod) : undefined;
  const blocked =
    furtherPeriod !== undefined &&
    record.discussionScheduledOn !== undefined &&
    record.discussionScheduledOn <= furtherPeriod.endsOn;
  const fictionOn = blocked ? undefined : addDays((furtherPeriod ?? firstPeriod).endsOn, 1);
  const base = { rule, firstPeriod, ...(furtherPeriod ? { furtherPeriod } : {}), ...(fictionOn ? { fictionOn } : {}) };
  const decision = record.decision;
  if (decision && (fictionOn === undefined || decision.on < fictionOn)) {
    return { ...base, status: decision.kind, warnings: [] };
  }
  if (fictionOn !== undefined && today >= fictionOn) {
    return { ...base, status: 'deemed-approved', warnings: decision?.kind === 'refused' ? [LATE_REFUSAL] : [] };
  }
  return { ...base, status: blocked ? 'awaiting-decision' : 'pending', warnings: [] };
}

// ---- publication and entry into force ---------------------------------------------------------

export interface PublicationRule extends LegalRule {
  forms: readonly LegalFormId[];
  /** The authority publishes in its official gazette. */
  authorityPublishes: boolean;
  /** Each party publishes a pointer in the form prescribed for its announcements. */
  partiesPublishPointer: boolean;
}

export const PUBLICATION_RULES: readonly PublicationRule[] = [
  {
    id: 'GKG-24-3-4',
    forms: ['oeffentlich-rechtliche-vereinbarung'],
    citation: '§ 24 Abs. 3 und 4 GkG NRW',
    authorityPublishes: true,
    partiesPublishPointer: true,
    effectiveFrom: TEXT_DATES.GKG,
    effectiveFromConfirmed: false,
    certainty: 'reading',
    reading: {
      de: 'Wirksam am Tag nach der Bekanntmachung im Veröffentlichungsblatt der Aufsichtsbehörde, soweit die Vereinbarung keinen späteren Zeitpunkt bestimmt. Die Hinweisbekanntmachungen der Beteiligten sind Pflicht, aber nicht Voraussetzung des Wirksamwerdens (Abs. 4 knüpft nur an die Bekanntmachung der Behörde an). Ein früherer Zeitpunkt in der Vereinbarung wirkt nicht.',
      en: "Effective on the day after publication in the authority's gazette unless the agreement sets a later date. The parties' pointer publications are a duty but not a condition of effect (subs. 4 refers only to the authority's publication). An earlier date in the agreement has no effect.",
    },
  },
];

export function publicationRule(form: LegalFormId, on: CalendarDate): PublicationRule | undefined {
  return ruleOn(PUBLICATION_RULES, on, (r) => r.forms.includes(form));
}

export interface PublicationRecord {
  /** Publication in the supervisory authority's official gazette. */
  authorityPublishedOn?: CalendarDate;
  /** Date the agreement itself sets for taking effect, if any. */
  agreedEffectiveOn?: CalendarDate;
  /** Pointer publications, per member AGS. */
  pointerPublishedOn?: Readonly<Record<string, CalendarDate>>;
}

export interface EntryIntoForce {
  /** First day of effect; absent until the authority has published. */
  effectiveOn?: CalendarDate;
  /** Members whose pointer publication is not recorded yet (a duty, not a condition). */
  pointersMissing: string[];
  warnings: Bilingual[];
}

const EARLIER_DATE_IGNORED: Bilingual = {
  de: 'Der in der Vereinbarung bestimmte Zeitpunkt liegt vor dem Tag nach der Bekanntmachung; maßgeblich ist der Tag nach der Bekanntmachung (§ 24 Abs. 4 GkG NRW).',
  en: 'The date set in the agreement is before the day after publication; the day after publication applies (§ 24(4) GkG NRW).',
};

/** § 24 Abs. 4 GkG NRW (and, via § 24 Abs. 5, for termination or cancellation). */
export function entryIntoForce(members: readonly string[], record: PublicationRecord): EntryIntoForce {
  const pointersMissing = members.filter((ags) => !record.pointerPublishedOn?.[ags]);
  if (!record.authorityPublishedOn) return { pointersMissing, warnings: [] };
  const dayAfter = addDays(record.authorityPublishedOn, 1);
  const agreed = record.agreedEffectiveOn;
  if (agreed && agreed > dayAfter) return { effectiveOn: agreed, pointersMissing, warnings: [] };
  return {
    effectiveOn: dayAfter,
    pointersMissing,
    warnings: agreed && agreed < dayAfter ? [EARLIER_DATE_IGNORED] : [],
  };
}
