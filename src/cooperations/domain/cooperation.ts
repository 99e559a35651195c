import type { ActorRole } from './actor';
import type { CalendarDate, Instant } from './calendar';
import type {
  AppointContact,
  DefineReportingDuties,
  DefineSteeringBody,
  DraftContract,
  DraftLoi,
  ContractText,
  ExitPlan,
  FormSpecificExitStep,
  RecordAssemblyVote,
  RecordCouncilResolution,
  RecordDissolutionResolution,
  RecordMemberNotification,
  RecordSupervisoryStep,
  ReportInterval,
  ReportValue,
  SystemEvent,
} from './events';
import type { MotiveId } from './motives';
import type { ObligationId } from './obligations.catalog';
import type { Ags, MunicipalityRef } from './municipality';

export type MemberStatus = 'invited' | 'active' | 'declined' | 'withdrawn' | 'left';

export interface Member extends MunicipalityRef {
  role: 'lead' | 'partner';
  status: MemberStatus;
  invitedAt: Instant | null;
  joinedAt: Instant | null;
  /** When the municipality declined, was withdrawn (or its invitation lapsed) or left. */
  endedAt: Instant | null;
  endReason: string | null;
}

/** Ansprechpartner (contact person) with decision-making authority [P4]. */
export type Contact = Omit<AppointContact, 'type'> & {
  municipality: Ags;
  appointedAt: Instant;
  appointedBy: string;
  /** When the person confirmed an appointment made by someone else (absent when they appointed themselves). */
  confirmedAt?: Instant;
};

export interface Signature {
  municipality: Ags;
  version: number;
  /** Token subject of the appointed contact who signed. */
  signedBy: string;
  signatoryName: string;
  signedAt: Instant;
}

export type LoiVersion = Omit<DraftLoi, 'type'> & {
  version: number;
  draftedAt: Instant;
  draftedBy: string;
};

export type SteeringBody = Omit<DefineSteeringBody, 'type'> & { definedAt: Instant };
export type ReportingDuties = Omit<DefineReportingDuties, 'type'> & { definedAt: Instant };

export type ContractVersion = Omit<DraftContract, 'type'> & {
  version: number;
  draftedAt: Instant;
  draftedBy: string;
};

export type CouncilResolution = Omit<RecordCouncilResolution, 'type'> & {
  municipality: Ags;
  recordedAt: Instant;
};

export type SupervisoryStep = Omit<RecordSupervisoryStep, 'type'> & {
  contractVersion: number;
  recordedAt: Instant;
};

/** A member's own § 115 GO NRW notification (private-law forms), for one contract version. */
export type MemberNotificationRecord = Omit<RecordMemberNotification, 'type' | 'version'> & {
  municipality: Ags;
  contractVersion: number;
  recordedAt: Instant;
};

/** Änderung (amendment) of the contract in force, once it is in force. */
export interface ContractAmendment {
  contractVersion: number;
  inForceOn: CalendarDate;
  /** Municipalities that joined with it (Beitritt). */
  joined?: Ags[];
  reason?: string;
}

/** An amendment (possibly with members joining) going through its procedure while active. */
export interface PendingAmendment {
  /** The contract version it will become. */
  version: number;
  text: ContractText;
  reason: string;
  joining: MunicipalityRef[];
  proposedAt: Instant;
  proposedBy: string;
  councilResolutions: CouncilResolution[];
  supervisoryStep: SupervisoryStep | null;
  memberNotifications: MemberNotificationRecord[];
  /** Signatures of the amended text (absent: none yet). */
  signatures?: Signature[];
  /** Zweckverband: the assembly's vote on it (absent: none yet). */
  assemblyVote?: AssemblyVoteRecord | null;
}

/** The Zweckverband assembly's vote (§ 20 Abs. 1 GkG NRW), as recorded. */
export type AssemblyVoteRecord = Omit<RecordAssemblyVote, 'type' | 'subject'> & {
  recordedAt: Instant;
  recordedBy: Ags;
};

/** A recorded waiver of a recommended obligation, or a "ggfs." part marked not applicable. */
export interface Waiver {
  obligation: ObligationId;
  part: string | null;
  reason: string;
  municipality: Ags;
  by: string;
  at: Instant;
}

/** Something the steering board must see (e.g. the end of the term). */
export interface BoardNotice {
  kind: 'term-ended';
  at: Instant;
  text: string;
}

// ---- operation phase (definition version 3) -------------------------------------------------

export interface Report {
  /** `<reporter>/<period>`, e.g. `05554024/2027-Q1`. */
  id: string;
  reporter: Ags;
  interval: ReportInterval;
  period: string;
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  narrative: string;
  values: ReportValue[];
  submittedAt: Instant;
  submittedBy: string;
  /** Submitted after the period's due date. */
  late: boolean;
  acknowledgements: Array<{ municipality: Ags; by: string; at: Instant }>;
  /** Earlier texts replaced by corrections, oldest first (absent: never corrected). */
  corrections?: Array<{ at: Instant; by: string; reason: string; narrative: string; values: ReportValue[] }>;
}

/** A period whose due date passed without a report (set by REPORT_DUE). */
export interface MissedReport {
  reporter: Ags;
  period: string;
  dueOn: CalendarDate;
  markedAt: Instant;
  /** The case opened automatically when the grace period expired. */
  escalationCaseId: string | null;
  /** When the late report came in. */
  reportedAt: Instant | null;
}

export type CaseStatus = 'open' | 'resolved' | 'failed' | 'closed';
export type CaseAction =
  | 'raised'
  | 'opened-automatically'
  | 'escalated'
  | 'escalated-automatically'
  | 'resolved'
  | 'declared-failed'
  | 'failed-automatically'
  | 'closed-by-dissolution';

export interface CaseStep {
  at: Instant;
  /** The level (1-based) the step happened at. */
  level: number;
  action: CaseAction;
  by: { sub: string; role: ActorRole; municipality: Ags | null };
  text: string | null;
}

export type CaseOrigin =
  { kind: 'raised'; municipality: Ags } | { kind: 'overdue-report'; reporter: Ags; period: string };

/** A conflict case walking the levels of the contract's conflict procedure [P6]. */
export interface EscalationCase {
  /** UUID v5 of (cooperation id, `escalation-case:<number>`): the same on every replay. */
  id: string;
  /** 1, 2, 3 … within the cooperation. */
  number: number;
  subject: string;
  description: string;
  parties: Ags[];
  origin: CaseOrigin;
  raisedAt: Instant;
  status: CaseStatus;
  /** Current (or, once closed, last) level, 1-based. */
  level: number;
  levelSince: Instant;
  /** Last day the body at `level` may respond (the contract's response deadline). */
  deadlineOn: CalendarDate;
  /** The instant the deadline has passed: 00:00 in Germany the day after `deadlineOn`. */
  deadlineAt: Instant;
  decision: string | null;
  closedAt: Instant | null;
  steps: CaseStep[];
}

export type ExitRequestStatus = 'pending' | 'withdrawn' | 'effective' | 'superseded';

export interface ExitRequest {
  municipality: Ags;
  requestedAt: Instant;
  requestedBy: string;
  reasons: string;
  escalationCaseId: string | null;
  conflictProcedureNotApplicable: string | null;
  exitPlan: ExitPlan;
  formSpecificStep: FormSpecificExitStep | null;
  /** Last day of membership: notice period from the request, to the end of the contract's period. */
  effectiveOn: CalendarDate;
  /**
   * ÖrV (§ 24 Abs. 5 GkG NRW): each partner's receipt and the authority's publication. While
   * `awaiting` is not empty, `effectiveOn` is the earliest possible day and no timer runs.
   */
  termination?: {
    receipts: Array<{ municipality: Ags; receivedOn: CalendarDate; recordedAt: Instant }>;
    authorityPublishedOn: CalendarDate | null;
    gazetteReference: string | null;
    awaiting: Array<'receipts' | 'authority-publication'>;
  };
  status: ExitRequestStatus;
  closedAt: Instant | null;
  withdrawalReason: string | null;
}

export type DissolutionResolution = Omit<RecordDissolutionResolution, 'type'> & {
  municipality: Ags;
  recordedAt: Instant;
};

export interface DissolutionProposal {
  number: number;
  by: Ags;
  sub: string;
  at: Instant;
  reason: string;
  status: 'open' | 'agreed' | 'rejected' | 'superseded';
  resolutions: DissolutionResolution[];
  /** Zweckverband (§ 20 GkG NRW): the assembly's vote and the approval with publication (absent: none yet). */
  assemblyVote?: AssemblyVoteRecord | null;
  supervisoryStep?: SupervisoryStep | null;
}

export interface Dissolution {
  proposals: DissolutionProposal[];
  /** When the cooperation entered `dissolving`, and why. */
  startedAt: Instant | null;
  reason: 'agreement' | 'too-few-partners' | 'term-ended' | null;
  windingUp: {
    assets: string;
    staff: string;
    data: string;
    openObligations: string;
    recordedAt: Instant;
    recordedBy: Ags;
  } | null;
  dissolvedAt: Instant | null;
}

/** A durable timer: the adapter keeps one row per key; the scheduler sends `event` at `dueAt`. */
export interface ScheduledTimer {
  key: string;
  dueAt: Instant;
  event: SystemEvent;
}

export interface CooperationContext {
  id: string;
  title: string;
  fieldOfWork: string;
  motive: MotiveId;
  description: string;
  /** Federführende Kommune (lead municipality). */
  lead: Ags;
  members: Record<Ags, Member>;
  contacts: Record<Ags, Contact>;
  /**
   * Appointments naming another's token subject, until that person confirms them
   * (CONFIRM_CONTACT_APPOINTMENT); they count for nothing meanwhile. Absent until the first one:
   * snapshots written before it existed read as having none, so no definition migration is needed.
   */
  pendingContacts?: Record<Ags, Contact>;
  loi: {
    /**
     * Since definition version 4 only the versions still in force: the current one and the adopted
     * one; superseded drafts are in the history (their DRAFT_LOI entries), not in every snapshot.
     */
    versions: LoiVersion[];
    signatures: Signature[];
    adoptedVersion: number | null;
  };
  governance: { steeringBody: SteeringBody | null; reporting: ReportingDuties | null };
  contract: {
    /** Since definition version 4 the current version and those amendments refer to; drafts before are in the history. */
    versions: ContractVersion[];
    /** Only those for the current version; a new draft voids the others. */
    councilResolutions: CouncilResolution[];
    supervisoryStep: SupervisoryStep | null;
    signatures: Signature[];
    inForceSince: Instant | null;
    /** Since definition version 2. */
    amendments: ContractAmendment[];
    /** The legal date of effect (§ 24 Abs. 4 GkG NRW: the day after publication or a later set date). */
    inForceOn?: CalendarDate;
    /** Private-law forms: each member's § 115 GO NRW notification (absent: none recorded). */
    memberNotifications?: MemberNotificationRecord[];
    pendingAmendment?: PendingAmendment | null;
  };
  abandonment: { reason: string; at: Instant; by: Ags } | null;
  /** Since definition version 3: the regions of `active` and the end of the cooperation. */
  reporting: { reports: Report[]; missed: MissedReport[] };
  escalation: { cases: EscalationCase[] };
  membership: { exitRequests: ExitRequest[] };
  dissolution: Dissolution;
  /** Waivers and not-applicable marks (absent: none). */
  waivers?: Waiver[];
  /** What the steering board is told (absent: nothing). */
  boardNotices?: BoardNotice[];
  /** The durable timers this state expects to exist, by key. */
  timers: Record<string, ScheduledTimer>;
  createdAt: Instant;
  createdBy: { sub: string; role: ActorRole };
  updatedAt: Instant;
}

/**
 * Participating municipalities, ordered by AGS: jsonb does not keep key order, and the order of
 * `missing` entries must not change with a database round trip.
 */
export function participants(ctx: CooperationContext): Member[] {
  return Object.values(ctx.members)
    .filter((m) => m.status === 'active')
    .sort((a, b) => (a.ags < b.ags ? -1 : a.ags > b.ags ? 1 : 0));
}

export function isParticipant(ctx: CooperationContext, ags: Ags | undefined): boolean {
  return ags !== undefined && ctx.members[ags]?.status === 'active';
}

export function currentLoi(ctx: CooperationContext): LoiVersion | undefined {
  return ctx.loi.versions[ctx.loi.versions.length - 1];
}

export function currentContract(ctx: CooperationContext): ContractVersion | undefined {
  return ctx.contract.versions[ctx.contract.versions.length - 1];
}

/**
 * The LoI versions a snapshot keeps once `next` is drafted: the adopted one (obligations and reports
 * read its success criteria) and the new one. Superseded drafts stay in the history only, so a
 * cooperation's snapshot — and every answer that repeats it — no longer grows with each draft.
 */
export function loiVersionsWith(ctx: CooperationContext, next?: LoiVersion): LoiVersion[] {
  const current = currentLoi(ctx);
  const kept = ctx.loi.versions.filter(
    (v) => v.version === ctx.loi.adoptedVersion || (next === undefined && v === current),
  );
  return next ? [...kept, next] : kept;
}

/** The contract versions a snapshot keeps: those amendments refer to, and the current (or `next`) one. */
export function contractVersionsWith(ctx: CooperationContext, next?: ContractVersion): ContractVersion[] {
  const current = currentContract(ctx);
  const referenced = new Set(ctx.contract.amendments.map((a) => a.contractVersion));
  const kept = ctx.contract.versions.filter((v) => referenced.has(v.version) || (next === undefined && v === current));
  return next ? [...kept, next] : kept;
}

/** The number the next draft gets: drafts are counted by their numbers, which pruning keeps. */
export const nextVersionNumber = (versions: readonly { version: number }[]): number =>
  (versions[versions.length - 1]?.version ?? 0) + 1;

/** The operation-phase part of a fresh context (also what the 2 → 3 migration adds). */
export function emptyOperation(): Pick<
  CooperationContext,
  'reporting' | 'escalation' | 'membership' | 'dissolution' | 'timers'
> {
  return {
    reporting: { reports: [], missed: [] },
    escalation: { cases: [] },
    membership: { exitRequests: [] },
    dissolution: { proposals: [], startedAt: null, reason: null, windingUp: null, dissolvedAt: null },
    timers: {},
  };
}

/** The adopted letter of intent (the current one if none was adopted yet). */
export function adoptedLoi(ctx: CooperationContext): LoiVersion | undefined {
  return ctx.loi.versions.find((v) => v.version === ctx.loi.adoptedVersion) ?? currentLoi(ctx);
}
