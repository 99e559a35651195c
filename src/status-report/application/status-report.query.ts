import { Injectable } from '@nestjs/common';
import { LatestCheckpointQuery, type SignedHead } from '../../audit';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import {
  type Bilingual,
  CooperationReader,
  currentContract,
  eventSchema,
  isObligationId,
  OBLIGATIONS,
  participants,
  SuccessQuery,
  type SuccessSeries,
} from '../../cooperations';
import { HistoryRepository } from '../../history';

export interface StatusReport {
  generatedAt: string;
  cooperation: {
    id: string;
    title: string;
    fieldOfWork: string;
    description: string;
    state: string;
    phase: string;
    version: number;
    legalForm: string | null;
    inForceSince: string | null;
  };
  /** Participating municipalities with their contact's office (function), never the person's name. */
  members: Array<{ ags: string; name: string; kind: string; role: string; office: string | null }>;
  history: {
    entries: number;
    firstAt: string | null;
    lastAt: string | null;
    /** When each phase was entered, in order. */
    phases: Array<{ phase: string; since: string }>;
  };
  obligationsMet: Array<{ id: string; text: Bilingual; at: string; event: string }>;
  openCases: Array<{ number: number; subject: string; level: number; deadlineOn: string; parties: string[] }>;
  success: SuccessSeries[];
  deadlines: Array<{ dueAt: string; what: Bilingual; detail: string }>;
  chain: { valid: boolean; headSequence: number; headHash: string | null };
  checkpoint: SignedHead | null;
}

/** How a timer's event is named in the report beyond its description: whom and what it concerns. */
const detailOf = (event: Record<string, unknown>): string =>
  ['reporter', 'period', 'municipality', 'caseId', 'level']
    .filter((k) => event[k] !== undefined)
    .map((k) => `${k}: ${String(event[k])}`)
    .join(', ');

/**
 * The status report for the council (Sachstandsbericht) of one cooperation the caller may see:
 * members and their contacts' offices, phases and history, obligations met, open escalation cases,
 * the success criteria, upcoming deadlines, and the chain's head with the latest signed checkpoint
 * that covers it — so that the printed report can be checked against the history.
 */
@Injectable()
export class StatusReportQuery {
  constructor(
    private readonly reader: CooperationReader,
    private readonly success: SuccessQuery,
    private readonly history: HistoryRepository,
    private readonly checkpoints: LatestCheckpointQuery,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, principal: Principal): Promise<StatusReport> {
    const view = await this.reader.view(id, principal);
    const { series } = await this.success.execute(id, principal);
    const ctx = view.context;
    const entries = await this.history.entries(id);
    const verification = await this.history.verify(id);
    const head = entries[entries.length - 1];

    const phases: StatusReport['history']['phases'] = [];
    const met = new Map<string, StatusReport['obligationsMet'][number]>();
    for (const e of entries) {
      const phase = e.stateAfter ? e.stateAfter.split(/[.,]/)[0] : null;
      if (phase && phases[phases.length - 1]?.phase !== phase) phases.push({ phase, since: e.recordedAt });
      for (const o of e.obligations as Array<{ id?: unknown; met?: unknown }>) {
        if (o.met === true && isObligationId(o.id) && !met.has(o.id)) {
          met.set(o.id, { id: o.id, text: OBLIGATIONS[o.id].text, at: e.recordedAt, event: e.eventType });
        }
      }
    }

    return {
      generatedAt: nowOf(this.clock).toISOString(),
      cooperation: {
        id,
        title: ctx.title,
        fieldOfWork: ctx.fieldOfWork,
        description: ctx.description,
        state: view.state,
        phase: phases[phases.length - 1]?.phase ?? 'partnerSearch',
        version: view.version,
        legalForm: currentContract(ctx)?.legalForm ?? null,
        inForceSince: ctx.contract.inForceOn ?? ctx.contract.inForceSince?.slice(0, 10) ?? null,
      },
      members: participants(ctx).map((m) => ({
        ags: m.ags,
        name: m.name,
        kind: m.kind,
        role: m.role,
        office: ctx.contacts[m.ags]?.position ?? null,
      })),
      history: {
        entries: entries.length,
        firstAt: entries[0]?.recordedAt ?? null,
        lastAt: head?.recordedAt ?? null,
        phases,
      },
      obligationsMet: [...met.values()],
      openCases: ctx.escalation.cases
        .filter((c) => c.status === 'open')
        .map((c) => ({
          number: c.number,
          subject: c.subject,
          level: c.level,
          deadlineOn: c.deadlineOn,
          parties: c.parties,
        })),
      success: series,
      deadlines: Object.values(ctx.timers)
        .sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1))
        .map((t) => ({
          dueAt: t.dueAt,
          what: eventSchema(t.event.type).doc ?? { de: t.event.type, en: t.event.type },
          detail: detailOf(t.event as unknown as Record<string, unknown>),
        })),
      chain: { valid: verification.valid, headSequence: head?.sequence ?? 0, headHash: head?.hash ?? null },
      checkpoint: await this.checkpoints.of(id),
    };
  }
}
