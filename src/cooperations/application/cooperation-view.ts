import type { HistoryEntry } from '../../history';
import {
  type CompetentAuthorityView,
  type CooperationContext,
  type CooperationState,
  type LifecycleStateValue,
  type Member,
  stateToString,
} from '../domain';
import type { StoredCooperation } from '../infrastructure/cooperation.repository';
import type { UnmetObligation } from './unmet-obligations';

/*
 * What the cooperations' use cases answer. These shapes are also stored as idempotent answers, so
 * they change only together with a migration of `idempotency_keys`.
 */

export interface Participant {
  ags: string;
  name: string;
  role: Member['role'];
  status: Member['status'];
}

export interface CooperationSummary {
  id: string;
  title: string;
  fieldOfWork: string;
  lead: string;
  state: string;
  /** The state as a structure: a phase name, or `{ active: { reporting, escalation, membership } }`. */
  stateValue: LifecycleStateValue;
  version: number;
  members: Participant[];
  createdAt: string;
  updatedAt: string;
}

export interface CooperationView extends CooperationSummary {
  definitionVersion: number;
  context: CooperationContext;
  /**
   * The competent supervisory authority derived from the legal form and the members (null before a
   * contract draft names the form). Only in reads: stored answers of events keep their shape.
   */
  competentAuthority?: CompetentAuthorityView | null;
}

/** The answer to an accepted event: the new snapshot and its history entry. */
export interface EventResult {
  cooperation: CooperationView;
  entry: HistoryEntry;
  /** RAISE_CONFLICT: the case it opened (`Location: /api/v1/escalations/<id>`). */
  escalationCase?: { id: string; number: number };
  /** Later obligations the accepted record will not satisfy (e.g. an authority other than the derived one). */
  warnings?: EventWarning[];
}

export interface EventWarning extends UnmetObligation {
  /** "Angenommen – aber …" with the obligation's text. */
  detail: string;
}

export interface NextEventView {
  type: string;
  allowed: boolean;
  ready: boolean;
  dependsOnPayload: boolean;
  reason?: string;
  detail?: string;
  obligations?: UnmetObligation[];
  template: Record<string, unknown>;
  hints: string[];
  /** Where the body's schema is described (set by the HTTP edge, which names the schemas). */
  schema?: string;
}

export interface NextEventsView {
  state: string;
  stateValue: LifecycleStateValue;
  version: number;
  competentAuthority: CompetentAuthorityView | null;
  events: NextEventView[];
}

export function summaryOf(row: StoredCooperation, state: CooperationState): CooperationSummary {
  const ctx = state.context;
  return {
    id: row.id,
    title: ctx.title,
    fieldOfWork: ctx.fieldOfWork,
    lead: ctx.lead,
    state: stateToString(state.value),
    stateValue: state.value,
    version: row.version,
    members: Object.values(ctx.members)
      .map((m) => ({ ags: m.ags, name: m.name, role: m.role, status: m.status }))
      .sort((a, b) => (a.ags < b.ags ? -1 : a.ags > b.ags ? 1 : 0)),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function viewOf(row: StoredCooperation, state: CooperationState): CooperationView {
  return { ...summaryOf(row, state), definitionVersion: state.definitionVersion, context: state.context };
}
