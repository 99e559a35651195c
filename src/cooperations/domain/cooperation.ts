import type { ActorRole } from './actor';
import type { CalendarDate } from './calendar';
import type {
  AppointContact,
  DefineReportingDuties,
  DefineSteeringBody,
  DraftContract,
  DraftLoi,
  RecordCouncilResolution,
  RecordSupervisoryStep,
} from './events';
import type { MotiveId } from './motives';
import type { Ags, MunicipalityRef } from './municipality';

/** ISO 8601 instant in UTC, e.g. `2026-03-02T09:00:00.000Z`. */
export type Instant = string;

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

/** Änderung (amendment) of the contract in force; filled by the amendment procedure (issue 5). */
export interface ContractAmendment {
  contractVersion: number;
  inForceOn: CalendarDate;
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
  loi: { versions: LoiVersion[]; signatures: Signature[]; adoptedVersion: number | null };
  governance: { steeringBody: SteeringBody | null; reporting: ReportingDuties | null };
  contract: {
    versions: ContractVersion[];
    /** Only those for the current version; a new draft voids the others. */
    councilResolutions: CouncilResolution[];
    supervisoryStep: SupervisoryStep | null;
    signatures: Signature[];
    inForceSince: Instant | null;
    /** Since definition version 2. */
    amendments: ContractAmendment[];
  };
  abandonment: { reason: string; at: Instant; by: Ags } | null;
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
