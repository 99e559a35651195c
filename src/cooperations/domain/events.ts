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
 * OBL-SUPERVISORY-STEP, OBL-CONTRACT-SIGNED-ALL. Schedules the first reporting timers.
 */
export interface PutIntoForce {
  type: 'PUT_INTO_FORCE';
}

// ---- active: reporting [P6, P8] --------------------------------------------------------------

export interface ReportValue {
  /** A success-criterion indicator of the adopted LoI (or a further content of the duty). */
  indicator: string;
  value: number;
  comment?: string;
}
/**
 * A coordinator of the duty's reporter submits the report for a period that has started: `period`
 * is its label (`2027-Q1`, `2027-03`, `2027-H1`, `2027`, or `2027-02-01/P3M` when the term does
 * not start on a calendar boundary) or its start date. One value for every success criterion of
 * the LoI (OBL-REPORT-CRITERIA). Once per period.
 */
export interface SubmitReport {
  type: 'SUBMIT_REPORT';
  period: string;
  narrative: string;
  values: ReportValue[];
}
/** A coordinator of a partner other than the reporter confirms receipt ("inform each other" [P6]). */
export interface AcknowledgeReport {
  type: 'ACKNOWLEDGE_REPORT';
  period: string;
  /** Needed only when several reporters have a period with this label. */
  reporter?: Ags;
}

// ---- active: escalation [P6] ---------------------------------------------------------------

/** A coordinator of any partner raises a conflict; it opens at level 1 of the conflict procedure. */
export interface RaiseConflict {
  type: 'RAISE_CONFLICT';
  subject: string;
  description: string;
  /** The participating municipalities in conflict. */
  parties: Ags[];
}
/** A member (role steering-board) of the body at the case's current level records its decision. */
export interface ResolveCase {
  type: 'RESOLVE_CASE';
  caseId: string;
  decision: string;
}
/** … or passes the case to the next level (not at the last level). */
export interface EscalateCase {
  type: 'ESCALATE_CASE';
  caseId: string;
  reason: string;
}
/** At the last level only (mediator, § 30 GkG conciliation): the procedure has failed. */
export interface DeclareCaseFailed {
  type: 'DECLARE_CASE_FAILED';
  caseId: string;
  reason: string;
}

// ---- active: membership [P7] ---------------------------------------------------------------

/** What the withdrawing partner must build up or settle itself [P7]. */
export interface ExitPlan {
  organisation?: string;
  staffCapacityAndExpertise?: string;
  it?: string;
  premises?: string;
  vehiclesAndEquipment?: string;
}
/**
 * Evidence of the legal form's own exit step (see `legal-forms.ts`, `exit.fields`): which fields
 * are required depends on the contract's legal form (OBL-EXIT-FORM-STEP).
 */
export interface FormSpecificExitStep {
  /** Supervisory authority notified (öffentlich-rechtliche Vereinbarung, private law). */
  authority?: string;
  notifiedOn?: CalendarDate;
  publishedOn?: CalendarDate;
  gazetteReference?: string;
  /** Assembly vote (Zweckverband): date, votes in favour, statutory number of votes. */
  voteDate?: CalendarDate;
  votesFor?: number;
  votesTotal?: number;
  /** When the statute sets another majority than 2/3 (§ 20 Abs. 1 GkG NRW). */
  statuteMajority?: { numerator: number; denominator: number; reference: string };
  /** The clause of the agreement, statute or articles the exit relies on. */
  provision?: string;
}
/**
 * A coordinator of a partner requests exit, as the ultima ratio [P7]: reasons; a failed escalation
 * case of this cooperation or why the conflict procedure does not apply (OBL-EXIT-ULTIMA-RATIO); an
 * exit plan (OBL-EXIT-PLAN); the legal form's step (OBL-EXIT-FORM-STEP). The notice period of the
 * contract then runs. Plan and step are optional in the schema so that a request without them is
 * answered with the obligations it misses.
 */
export interface RequestExit {
  type: 'REQUEST_EXIT';
  reasons: string;
  escalationCaseId?: string;
  conflictProcedureNotApplicable?: string;
  exitPlan?: ExitPlan;
  formSpecificStep?: FormSpecificExitStep;
}
/** The requesting municipality withdraws its pending request before the notice period ends. */
export interface WithdrawExitRequest {
  type: 'WITHDRAW_EXIT_REQUEST';
  reason?: string;
}

// ---- active / dissolving: dissolution ------------------------------------------------------

/** A coordinator of any partner proposes to dissolve the cooperation by agreement. */
export interface ProposeDissolution {
  type: 'PROPOSE_DISSOLUTION';
  reason: string;
}
/**
 * Own municipality: its council's resolution on the open proposal. When every partner has agreed
 * the cooperation goes to `dissolving` (OBL-DISSOLUTION-RESOLUTIONS); one refusal rejects the
 * proposal.
 */
export interface RecordDissolutionResolution {
  type: 'RECORD_DISSOLUTION_RESOLUTION';
  body: (typeof COUNCIL_BODIES)[number];
  date: CalendarDate;
  reference: string;
  agreed: boolean;
}
/** A remaining partner records the winding-up (OBL-WINDING-UP) → `dissolved`. */
export interface RecordWindingUp {
  type: 'RECORD_WINDING_UP';
  assets?: string;
  staff?: string;
  data?: string;
  openObligations?: string;
}

// ---- system events (durable timers; actor role 'system' only) -------------------------------

/** The due date of a reporting period has passed (`report-due:<reporter>:<period>`). */
export interface ReportDue {
  type: 'REPORT_DUE';
  reporter: Ags;
  period: string;
  /** The timer's due instant: identifies the timer; a firing for another instant is stale. */
  dueAt: string;
}
/** The grace period after the due date has passed (`report-grace:<reporter>:<period>`). */
export interface ReportGraceExpired {
  type: 'REPORT_GRACE_EXPIRED';
  reporter: Ags;
  period: string;
  dueAt: string;
}
/** The body at `level` (1-based) missed its response deadline (`case-deadline:<caseId>:<level>`). */
export interface CaseDeadlinePassed {
  type: 'CASE_DEADLINE_PASSED';
  caseId: string;
  level: number;
  dueAt: string;
}
/** The notice period of `municipality`'s exit has ended (`notice-end:<ags>`). */
export interface NoticePeriodEnded {
  type: 'NOTICE_PERIOD_ENDED';
  municipality: Ags;
  dueAt: string;
}

export type SystemEvent = ReportDue | ReportGraceExpired | CaseDeadlinePassed | NoticePeriodEnded;
export const SYSTEM_EVENT_TYPES = [
  'REPORT_DUE',
  'REPORT_GRACE_EXPIRED',
  'CASE_DEADLINE_PASSED',
  'NOTICE_PERIOD_ENDED',
] as const satisfies readonly SystemEvent['type'][];

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
  | Abandon
  | SubmitReport
  | AcknowledgeReport
  | RaiseConflict
  | ResolveCase
  | EscalateCase
  | DeclareCaseFailed
  | RequestExit
  | WithdrawExitRequest
  | ProposeDissolution
  | RecordDissolutionResolution
  | RecordWindingUp
  | SystemEvent;

export type LifecycleEventType = LifecycleEvent['type'];
export type EventOfType<T extends LifecycleEventType> = Extract<LifecycleEvent, { type: T }>;
