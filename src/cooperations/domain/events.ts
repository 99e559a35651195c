import type { CalendarDate } from './calendar';
import type { LegalFormId, OrvVariant } from './legal-forms';
import type { Ags, MunicipalityRef } from './municipality';

/*
 * The lifecycle events a client sends (`POST /cooperations/{id}/events`). Payloads are flat beside
 * `type`. The acting municipality is never part of a payload: it is the actor's (token's)
 * municipality, so nobody can act "for" another municipality by writing its key into a body.
 */

// ---- partnerSearch -------------------------------------------------------------------------

/** Lead only. Invites a municipality (as looked up in the registry by the adapter). */
export interface InvitePartner {
  type: 'INVITE_PARTNER';
  municipality: MunicipalityRef;
}
/** Only the invited municipality. */
export interface AcceptInvitation {
  type: 'ACCEPT_INVITATION';
}
/** Only the invited municipality. */
export interface DeclineInvitation {
  type: 'DECLINE_INVITATION';
  reason?: string;
}
/** Lead only; the invitation must still be open. */
export interface WithdrawInvitation {
  type: 'WITHDRAW_INVITATION';
  municipality: Ags;
}
/** A partner (not the lead) leaves during the partner search [P3]. */
export interface LeavePartnerSearch {
  type: 'LEAVE_PARTNER_SEARCH';
  reason?: string;
}
/**
 * A participating municipality appoints its own contact person with decision-making authority
 * [P4]. Allowed in every phase before `active` (people change jobs); signatures already given by
 * the previous contact stay valid.
 */
export interface AppointContact {
  type: 'APPOINT_CONTACT';
  name: string;
  email?: string;
  /** Job title, e.g. 'Fachbereichsleiter Bauen und Umwelt'. */
  position: string;
  /** Token subject of the coordinator who acts (and signs) for the municipality. */
  userSub: string;
  authority: {
    /** Who conferred the authority, e.g. 'Bürgermeisterin' or 'Rat (Beschluss 2026/041)'. */
    conferredBy: string;
    conferredOn: CalendarDate;
    /** What the contact may decide, in words. */
    scope: string;
  };
}
/** Lead only. Guards OBL-PARTNERS-MIN, OBL-CONTACT-AUTHORITY. */
export interface StartLetterOfIntent {
  type: 'START_LETTER_OF_INTENT';
}

// ---- letterOfIntent ------------------------------------------------------------------------

export interface Responsibility {
  municipality: Ags;
  text: string;
}
export interface ResourcePledge {
  municipality: Ags;
  time: { personDays?: number; timeline: string };
  personnel: { fte?: number; roles?: string[] };
  /** Integer euro cents; 0 is an explicit "no money". */
  moneyCents: number;
}
export interface SuccessCriterion {
  /** What is measured, e.g. 'Kosten je km unterhaltener Straße'. */
  indicator: string;
  target: number;
  unit: string;
  baseline?: number;
}
/** Lead only. Creates a new LoI version and voids all signatures. Drafts may be incomplete. */
export interface DraftLoi {
  type: 'DRAFT_LOI';
  expectations: string;
  goals: string[];
  responsibilities: Responsibility[];
  resources: ResourcePledge[];
  successCriteria: SuccessCriterion[];
}
/** The appointed contact of a participating municipality signs the current version. */
export interface SignLoi {
  type: 'SIGN_LOI';
  version: number;
}
/** Lead only. Guards OBL-LOI-CONTENT, OBL-SUCCESS-CRITERIA, OBL-LOI-SIGNED-ALL. */
export interface AdoptLoi {
  type: 'ADOPT_LOI';
}

// ---- planning ------------------------------------------------------------------------------

export const STEERING_BODY_KINDS = [
  'Lenkungsausschuss',
  'Beirat',
  'Steuerungsgruppe',
  'Verbandsversammlung',
  'Verwaltungsrat',
  'Gesellschafterversammlung',
] as const;
export type SteeringBodyKind = (typeof STEERING_BODY_KINDS)[number];
export const DECISION_RULES = ['majority', 'two-thirds', 'unanimity'] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];

/** Lead only; replaces the previous definition. */
export interface DefineSteeringBody {
  type: 'DEFINE_STEERING_BODY';
  kind: SteeringBodyKind;
  name: string;
  members: Array<{ municipality: Ags; name: string; function: string }>;
  decisionRule: DecisionRule;
}

export const REPORT_INTERVALS = ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];
/** `steering-body`, `all-partners`, or the AGS of one participating municipality. */
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- documents the two keywords beside an AGS
export type ReportRecipient = 'steering-body' | 'all-partners' | Ags;

export interface ReportingDuty {
  reporter: Ags;
  recipients: ReportRecipient[];
  interval: ReportInterval;
  /** Report contents; together the duties must cover every success-criterion indicator. */
  contents: string[];
}
/** Lead only; replaces the previous definition. */
export interface DefineReportingDuties {
  type: 'DEFINE_REPORTING_DUTIES';
  duties: ReportingDuty[];
  /** Days after the due date before an overdue report escalates (used in `active`). */
  gracePeriodDays: number;
}
/** Lead only. Guards OBL-STEERING-BODY, OBL-REPORTING-DUTIES. */
export interface StartContract {
  type: 'START_CONTRACT';
}

// ---- contract ------------------------------------------------------------------------------

export const DURATION_UNITS = ['calendar-days', 'working-days', 'months'] as const;
export interface Duration {
  amount: number;
  unit: (typeof DURATION_UNITS)[number];
}
export const CONFLICT_LEVEL_KINDS = [
  'steering-body',
  'escalation-body',
  'mediator',
  'supervisory-conciliation',
] as const;
export interface ConflictLevel {
  name: string;
  /** Who decides at this level, e.g. 'Lenkungsausschuss Bauhof' or 'Bürgermeisterkonferenz'. */
  body: string;
  kind: (typeof CONFLICT_LEVEL_KINDS)[number];
  responseDeadline: Duration;
}
export interface ExitTerms {
  noticePeriod?: Duration;
  toEndOf?: 'calendar-year' | 'quarter' | null;
  /** Earliest date an exit can take effect; absent = term start plus notice period. */
  earliestDate?: CalendarDate;
  /** How each consequence of an exit [P7] is settled, in words. */
  costs?: string;
  assets?: string;
  staff?: string;
  it?: string;
  premises?: string;
  vehiclesAndEquipment?: string;
}
export interface CostAllocation {
  /** The key in words, e.g. 'kostendeckendes Entgelt nach Straßenkilometern'. */
  description: string;
  /** Percent shares; when given they must add up to 100. */
  shares: Array<{ municipality: Ags; percent: number }>;
}

/**
 * Lead only. Creates a new contract version; voids signatures, council resolutions and the
 * supervisory step, which all refer to a version. Conflict procedure and exit terms may be
 * incomplete in a draft (their obligations block entry into force).
 */
export interface DraftContract {
  type: 'DRAFT_CONTRACT';
  legalForm: LegalFormId;
  /** Required for `oeffentlich-rechtliche-vereinbarung` only. */
  variant?: OrvVariant;
  /** AGS of the participating municipality that is the seat (or performs the task). */
  seat: Ags;
  tasks: string[];
  costAllocation: CostAllocation;
  term: { start: CalendarDate; end?: CalendarDate | null };
  conflictProcedure?: { levels: ConflictLevel[] };
  exitTerms?: ExitTerms;
}
export const COUNCIL_BODIES = ['Rat', 'Kreistag'] as const;
/** Own municipality: the council (Rat; for a Kreis the Kreistag) resolved to conclude `version`. */
export interface RecordCouncilResolution {
  type: 'RECORD_COUNCIL_RESOLUTION';
  version: number;
  body: (typeof COUNCIL_BODIES)[number];
  /** Date of the session; must not be in the future. */
  date: CalendarDate;
  /** Drucksache / Beschlussnummer. */
  reference: string;
}
/**
 * Lead or seat. Records (replaces) the supervisory step for the current contract version; send it
 * again as the procedure progresses (submitted → approved → published).
 */
export interface RecordSupervisoryStep {
  type: 'RECORD_SUPERVISORY_STEP';
  kind: 'approval' | 'notification';
  /** Name of the authority, e.g. 'Landrat des Kreises Borken'. */
  authority: string;
  /** Date the authority received the submission (starts the approval fiction). */
  submittedOn: CalendarDate;
  approvedOn?: CalendarDate;
  /** The parties rely on the approval fiction (no objection within the period). */
  deemedApproval?: boolean;
  objectedOn?: CalendarDate;
  /** The authority scheduled a discussion (extends the fiction by a further 4 weeks). */
  discussionScheduledOn?: CalendarDate;
  publishedOn?: CalendarDate;
  gazetteReference?: string;
}
/** The appointed contact signs the current contract version. */
export interface SignContract {
  type: 'SIGN_CONTRACT';
  version: number;
}
/**
 * Lead only. Guards OBL-CONFLICT-PROCEDURE, OBL-EXIT-TERMS, OBL-COUNCIL-RESOLUTION,
 * OBL-SUPERVISORY-STEP, OBL-CONTRACT-SIGNED-ALL.
 */
export interface PutIntoForce {
  type: 'PUT_INTO_FORCE';
}

// ---- any phase before active ---------------------------------------------------------------

/** Lead only, any phase before `active`. */
export interface Abandon {
  type: 'ABANDON';
  reason: string;
}

export type LifecycleEvent =
  | InvitePartner
  | AcceptInvitation
  | DeclineInvitation
  | WithdrawInvitation
  | LeavePartnerSearch
  | AppointContact
  | StartLetterOfIntent
  | DraftLoi
  | SignLoi
  | AdoptLoi
  | DefineSteeringBody
  | DefineReportingDuties
  | StartContract
  | DraftContract
  | RecordCouncilResolution
  | RecordSupervisoryStep
  | SignContract
  | PutIntoForce
  | Abandon;

export type LifecycleEventType = LifecycleEvent['type'];
export type EventOfType<T extends LifecycleEventType> = Extract<LifecycleEvent, { type: T }>;
