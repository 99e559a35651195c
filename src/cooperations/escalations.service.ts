import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { decodeCursor, invalidCursor, type Page, toPage } from '../common/pagination';
import { Clock } from './clock';
import { actorOf, isVisible, readState, SEES_ALL } from './cooperations.service';
import { type CooperationContext, type EscalationCase, escalationQueue, findCase, mayActOnCase } from './domain';
import type { EscalationCaseDto, EscalationEntryDto, EscalationQuery } from './dto/operation.dto';
import { CooperationRecord } from './persistence/cooperation.entity';
import { caseNotFound } from './problems';

/**
 * The steering board's queue (`GET /escalations`) and single cases. Cases live in the cooperations'
 * states; the queue reads the states of the cooperations the caller may see that have cases of the
 * requested status (found through a jsonb index on the cases array), and
 * merges their entries by deadline (then case id). Scope: board members see the cases at the
 * levels whose body their municipality belongs to; coordinators the cases of their cooperations;
 * auditors and admins all.
 */
@Injectable()
export class EscalationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(query: EscalationQuery, principal: Principal): Promise<Page<EscalationEntryDto>> {
    const qb = this.dataSource
      .getRepository(CooperationRecord)
      .createQueryBuilder('c')
      // Containment on the cases array is served by the index cooperations_escalation_cases: only
      // cooperations with a case of the requested status are read, not every visible snapshot.
      .where(`c.state #> '{context,escalation,cases}' @> CAST(:probe AS jsonb)`, {
        probe: JSON.stringify([{ status: query.status }]),
      });
    if (!SEES_ALL.includes(principal.role))
      qb.andWhere('c.member_ags @> ARRAY[:own]::text[]', { own: principal.municipality ?? '' });
    if (query.cooperation) qb.andWhere('c.id = :id', { id: query.cooperation });
    let after: [string, string] | null = null;
    if (query.cursor) {
      const [deadlineAt, caseId] = decodeCursor(query.cursor, 2);
      if (typeof deadlineAt !== 'string' || typeof caseId !== 'string') throw invalidCursor();
      after = [deadlineAt, caseId];
    }
    const now = new Date(this.clock.now().getTime());
    const entries = (await qb.getMany())
      .flatMap((record) => entriesOf(readState(record).context, now, principal, query))
      .sort(byDeadline)
      .filter((e) => !after || e.deadlineAt > after[0] || (e.deadlineAt === after[0] && e.caseId > after[1]));
    return toPage(
      entries.slice(0, query.limit + 1),
      query.limit,
      (e) => [e.deadlineAt, e.caseId],
      (e) => e,
    );
  }

  /** One case with its own history (`steps`); 404 when unknown or not visible to the caller. */
  async get(caseId: string, principal: Principal): Promise<EscalationCaseDto> {
    const record = await this.dataSource
      .getRepository(CooperationRecord)
      .createQueryBuilder('c')
      .where(`c.state #> '{context,escalation,cases}' @> CAST(:probe AS jsonb)`, {
        probe: JSON.stringify([{ id: caseId }]),
      })
      .getOne();
    if (!record || !isVisible(record, principal)) throw caseNotFound(caseId);
    const ctx = readState(record).context;
    const c = findCase(ctx, caseId)!;
    const now = new Date(this.clock.now().getTime());
    const [entry] = entriesOf(ctx, now, { ...principal, role: 'admin' }, { status: c.status, only: caseId });
    return {
      ...entry,
      mayAct: c.status === 'open' && mayActOnCase(ctx, actorOf(principal), c),
      description: c.description,
      decision: c.decision,
      closedAt: c.closedAt,
      steps: c.steps,
    };
  }
}

/**
 * Queue entries (the domain's `escalationQueue`) of the cases with `status`. The domain's queue
 * lists open cases; for closed ones it is given the cases as if open, and the entry says otherwise.
 */
function entriesOf(
  ctx: CooperationContext,
  now: Date,
  principal: Principal,
  query: { status: EscalationCase['status']; level?: number; only?: string },
): EscalationEntryDto[] {
  const cases = (ctx.escalation?.cases ?? []).filter(
    (c) => c.status === query.status && (!query.only || c.id === query.only),
  );
  if (cases.length === 0) return [];
  const actor = actorOf(principal);
  const asOpen: CooperationContext = {
    ...ctx,
    escalation: { ...ctx.escalation, cases: cases.map((c) => ({ ...c, status: 'open' as const })) },
  };
  const board = principal.role === 'steering-board';
  return escalationQueue(asOpen, now, {
    ...(board ? { actor } : {}),
    ...(query.level !== undefined ? { level: query.level } : {}),
  }).map((e) => {
    const open = query.status === 'open';
    return {
      ...e,
      status: query.status,
      overdue: open && e.overdue,
      mayAct: open && mayActOnCase(ctx, actor, findCase(ctx, e.caseId)!),
    };
  });
}

const byDeadline = (a: EscalationEntryDto, b: EscalationEntryDto) =>
  a.deadlineAt !== b.deadlineAt ? (a.deadlineAt < b.deadlineAt ? -1 : 1) : a.caseId < b.caseId ? -1 : 1;
