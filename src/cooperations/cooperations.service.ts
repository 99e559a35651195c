import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { escapeLike } from '../common/like';
import { decodeCursor, invalidCursor, type Page, toPage } from '../common/pagination';
import { ProblemException } from '../common/problem';
import { isUniqueViolation, sqlState } from '../database/postgres-errors';
import { type ChainVerification, type HistoryEntry, type HistoryEntryContent, HistoryRepository } from '../history';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { Clock } from './clock';
import {
  type Accepted,
  type Actor,
  type Contact,
  type CooperationState,
  decide,
  type LifecycleEvent,
  MUNICIPALITY_KINDS,
  type MunicipalityKind,
  type MunicipalityRef,
  migrateState,
  nextEvents,
  OPEN_COOPERATION,
  openCooperation,
  pendingTimers,
  type PersistedState,
  reportingPeriods,
  stateToString,
  SYSTEM_ACTOR,
  type TimerChanges,
  UnknownDefinitionVersionError,
  uuidV5,
} from './domain';
import type {
  CooperationDto,
  CooperationQuery,
  CooperationSummaryDto,
  CreateCooperationDto,
  HistoryQuery,
  NextEventsDto,
} from './dto/cooperation.dto';
import type { ReportsDto } from './dto/operation.dto';
import { type DocumentReference, documentReferences } from './documents/document-references';
import { type PersonReference, storeContact } from './personal-data/personal-data';
import type { EventBody } from './event-body.pipe';
import type { Language } from './language';
import { CooperationRecord } from './persistence/cooperation.entity';
import { IdempotencyRecord } from './persistence/idempotency-key.entity';
import { describeUnmet, notFound, rejectionProblem, unknownDefinitionProblem, unknownMunicipality } from './problems';
import { assertStorable, checkIfMatch, type parseIfMatch, requestFingerprint } from './request-conditions';

export const COOPERATIONS_PATH = '/api/v1/cooperations';

/** What the HTTP layer knows about a command beyond its body. */
export interface CommandContext {
  requestId: string | null;
  idempotencyKey?: string;
  ifMatch?: ReturnType<typeof parseIfMatch>;
  lang: Language;
}

/** A command's answer; `replayed` when it is the stored answer to an earlier request with the same key. */
export interface CommandResult {
  status: number;
  body: unknown;
  version: number;
  location?: string;
  replayed: boolean;
}

/** Roles that see every cooperation; the others see those their municipality takes part in. */
export const SEES_ALL: readonly Principal['role'][] = ['auditor', 'admin'];
/** Statuses that make a municipality part of a cooperation for visibility and `?municipality=`. */
const VISIBLE_STATUSES = new Set(['active', 'invited']);
/** UUID v5 namespace of the timers' idempotency keys. */
const TIMER_NAMESPACE = '6d3f0c1e-5b7a-4f21-9a8e-2c4b7d9e1f30';
/** The scheduler, as history entries record it (`docs/operation-phase.md`). */
const SYSTEM_PRINCIPAL = { sub: SYSTEM_ACTOR.sub, role: SYSTEM_ACTOR.role } as unknown as Principal;
/** A timer row's instance in SQL, as `timerInstance()` spells it: cooperation, key and due instant. */
const TIMER_INSTANCE = `(cooperation_id::text || ' ' || key || ' ' || to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

/** Names one timer instance (a row with its due instant); `skip` sets of `fireNextDueTimer` hold these. */
export const timerInstance = (t: Pick<TimerFiring, 'cooperationId' | 'key' | 'dueAt'>): string =>
  `${t.cooperationId} ${t.key} ${t.dueAt}`;

interface TimerRow {
  cooperation_id: string;
  key: string;
  due_at: Date;
  event: LifecycleEvent;
}

/** What happened to a claimed timer. */
export interface TimerFiring {
  cooperationId: string;
  key: string;
  dueAt: string;
  /**
   * fired: applied; noop: accepted, the state no longer expected it (history entry written);
   * duplicate: this instance already fired (nothing written); moot: the cooperation has left
   * `active` (deleted, nothing written); busy: the cooperation was locked, left for the next look;
   * rejected: kept (e.g. fired before its dueAt), logged.
   */
  outcome: 'fired' | 'noop' | 'duplicate' | 'moot' | 'busy' | 'rejected';
  sequence?: number;
  detail?: string;
}

@Injectable()
export class CooperationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly historyEntries: HistoryRepository,
    private readonly municipalities: MunicipalitiesService,
    private readonly clock: Clock,
  ) {}

  // ---- commands ------------------------------------------------------------------------------

  /** Opens a cooperation with the caller's municipality as lead; history entry 1 is OPEN_COOPERATION. */
  async open(input: CreateCooperationDto, principal: Principal, cmd: CommandContext): Promise<CommandResult> {
    const body = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
    assertStorable(body);
    const lead = await this.leadOf(principal);
    const fingerprint = requestFingerprint('POST', COOPERATIONS_PATH, body);
    return this.command(principal, cmd, fingerprint, async (em) => {
      const replay = await this.storedAnswer(em, principal, cmd, fingerprint);
      if (replay) return replay;
      const now = this.now();
      const opened = openCooperation(
        {
          id: randomUUID(),
          title: input.title,
          fieldOfWork: input.fieldOfWork,
          motive: input.motive as never,
          description: input.description,
          lead,
        },
        actorOf(principal),
        now,
      );
      if (!opened.ok) throw rejectionProblem(opened, cmd.lang);
      const record = em.create(CooperationRecord, {
        id: opened.input.id,
        ...snapshotColumns(opened.state),
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(CooperationRecord, record);
      await this.append(em, record.id, cmd, principal, now, {
        eventType: OPEN_COOPERATION,
        payload: opened.input,
        stateBefore: null,
        stateAfter: opened.stateAfter,
        obligations: [],
      });
      const answer = toCooperationDto(record, opened.state);
      await this.remember(em, principal, cmd, fingerprint, 201, answer);
      return { status: 201, body: answer, version: 1, location: locationOf(record.id), replayed: false };
    });
  }

  /** Decides one event and, if accepted, records it: snapshot, history entry and stored answer commit together. */
  async apply(id: string, body: EventBody, principal: Principal, cmd: CommandContext): Promise<CommandResult> {
    assertStorable(body);
    // Evidence references are the adapter's: the domain decides the event without them.
    const { documents: documentIds, ...eventBody } = body as EventBody & { documents?: string[] };
    const { event, mapPath } = await this.toDomainEvent(eventBody);
    const fingerprint = requestFingerprint('POST', `${locationOf(id)}/events`, body);
    return this.command(principal, cmd, fingerprint, async (em) => {
      // The row lock serializes commands on one cooperation: sequence numbers cannot collide or
      // skip, and a concurrent retry with the same key finds the first one's answer below.
      const record = await em.findOne(CooperationRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!record) throw notFound(id);
      const replay = await this.storedAnswer(em, principal, cmd, fingerprint);
      if (replay) return replay;
      if (!isVisible(record, principal)) throw notFound(id);
      checkIfMatch(cmd.ifMatch, record.version);
      const evidence = documentIds ? await documentReferences(em, id, documentIds) : undefined;
      const state = readState(record);
      const now = this.now();
      const decision = decide(state, event, actorOf(principal), now);
      if (!decision.ok) throw rejectionProblem(decision, cmd.lang, mapPath);
      // A contact's name and e-mail go to personal_data; the history gets a reference and a salted hash.
      const person =
        decision.event.type === 'APPOINT_CONTACT'
          ? await storeContact(
              em,
              id,
              principal.municipality ?? null,
              { name: decision.event.name, email: decision.event.email },
              now,
            )
          : undefined;
      const answer = await this.record(em, record, decision, principal, cmd, now, evidence, person);
      await this.remember(em, principal, cmd, fingerprint, 200, answer);
      return { status: 200, body: answer, version: answer.cooperation.version, replayed: false };
    });
  }

  /**
   * Fires the earliest due timer that is neither locked by another instance nor in `skip` (timer
   * instances as `timerInstance()` names them), in one
   * short transaction: claim the row (`FOR UPDATE SKIP LOCKED`), lock its cooperation without
   * waiting (an HTTP command holding it may be about to write this very row: leave it for the next
   * look), decide the stored event as the system actor, record it like any command, delete the row.
   * Returns what happened to the claimed timer, or null when no unlocked timer is due.
   * See docs/operation-phase.md, "The scheduler contract".
   */
  async fireNextDueTimer(now: Date, skip: ReadonlySet<string>): Promise<TimerFiring | null> {
    return this.dataSource.transaction(async (em) => {
      const rows = await em.query<TimerRow[]>(
        `SELECT cooperation_id, key, due_at, event FROM cooperation_timers
          WHERE due_at <= $1 AND NOT (${TIMER_INSTANCE} = ANY($2::text[]))
          ORDER BY due_at, cooperation_id, key LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [now.toISOString(), [...skip]],
      );
      if (rows.length === 0) return null;
      const row = rows[0];
      const timer = { cooperationId: row.cooperation_id, key: row.key, dueAt: new Date(row.due_at).toISOString() };
      const locked = await em.query<unknown[]>(`SELECT id FROM cooperations WHERE id = $1 FOR UPDATE SKIP LOCKED`, [
        timer.cooperationId,
      ]);
      if (locked.length === 0) return { ...timer, outcome: 'busy' };
      const deleteRow = () =>
        em.query(`DELETE FROM cooperation_timers WHERE cooperation_id = $1 AND key = $2 AND due_at = $3`, [
          timer.cooperationId,
          timer.key,
          row.due_at,
        ]);
      // The idempotency key names the timer instance: a second firing of it finds the first answer.
      const cmd: CommandContext = {
        requestId: null,
        idempotencyKey: uuidV5(TIMER_NAMESPACE, `${timer.cooperationId} ${timer.key} ${timer.dueAt}`),
        lang: 'en',
      };
      const fingerprint = requestFingerprint('POST', `${locationOf(timer.cooperationId)}/events`, row.event);
      if (await this.storedAnswer(em, SYSTEM_PRINCIPAL, cmd, fingerprint)) {
        await deleteRow();
        return { ...timer, outcome: 'duplicate' };
      }
      const record = await em.findOneByOrFail(CooperationRecord, { id: timer.cooperationId });
      const decision = decide(readState(record), row.event, SYSTEM_ACTOR, now);
      if (!decision.ok) {
        if (decision.kind === 'event-not-allowed') {
          await deleteRow();
          return { ...timer, outcome: 'moot' };
        }
        return { ...timer, outcome: 'rejected', detail: `${decision.kind}: ${JSON.stringify(decision.errors ?? [])}` };
      }
      await deleteRow();
      const answer = await this.record(em, record, decision, SYSTEM_PRINCIPAL, cmd, now);
      await this.remember(em, SYSTEM_PRINCIPAL, cmd, fingerprint, 200, answer);
      return { ...timer, outcome: decision.noop ? 'noop' : 'fired', sequence: answer.entry.sequence };
    });
  }

  /**
   * Writes the timer rows an `active` cooperation's state expects when it has none — the snapshots
   * written under definition version 2, whose timers only exist after migration on load
   * (docs/operation-phase.md, "Definition version 3"). One short transaction per cooperation: lock
   * it without waiting (a command holding it writes the rows itself), check again, insert with
   * `ON CONFLICT DO NOTHING`. Idempotent, and safe with several instances at once. Returns how many
   * cooperations got rows.
   */
  async reconcileTimers(): Promise<number> {
    const candidates = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT c.id FROM cooperations c
        WHERE c.phase = 'active' AND NOT EXISTS (SELECT 1 FROM cooperation_timers t WHERE t.cooperation_id = c.id)
        ORDER BY c.id`,
    );
    let reconciled = 0;
    for (const { id } of candidates) {
      const wrote = await this.dataSource.transaction(async (em) => {
        const [record] = await em.query<Array<{ state: PersistedState }>>(
          `SELECT state FROM cooperations c
            WHERE id = $1 AND phase = 'active'
              AND NOT EXISTS (SELECT 1 FROM cooperation_timers t WHERE t.cooperation_id = c.id)
            FOR UPDATE SKIP LOCKED`,
          [id],
        );
        if (!record) return false;
        const timers = pendingTimers(migrateState(record.state).context);
        for (const t of timers)
          await em.query(
            `INSERT INTO cooperation_timers (cooperation_id, key, due_at, event) VALUES ($1, $2, $3, $4)
             ON CONFLICT (cooperation_id, key) DO NOTHING`,
            [id, t.key, t.dueAt, JSON.stringify(t.event)],
          );
        return timers.length > 0;
      });
      if (wrote) reconciled++;
    }
    return reconciled;
  }

  /** Writes an accepted decision: history entry, snapshot, timer rows — in the caller's transaction. */
  private async record(
    em: EntityManager,
    record: CooperationRecord,
    decision: Accepted,
    principal: Principal,
    cmd: CommandContext,
    now: Date,
    evidence?: DocumentReference[],
    person?: PersonReference,
  ) {
    const id = record.id;
    const { type, ...fields } = decision.event;
    let payload: object = fields;
    if (person) {
      const { name: _name, email: _email, ...rest } = fields as { name?: string; email?: string };
      payload = { ...rest, ...person };
      decision = withPersonRef(decision, principal.municipality!, person.personRef);
    }
    const entry = await this.append(em, id, cmd, principal, now, {
      eventType: type,
      payload: evidence ? { ...payload, documents: evidence } : payload,
      stateBefore: decision.stateBefore,
      stateAfter: decision.stateAfter,
      obligations: decision.obligations,
    });
    const updated: CooperationRecord = {
      ...record,
      ...snapshotColumns(decision.state),
      version: record.version + 1,
      updatedAt: now,
    };
    const { affected } = await em.update(
      CooperationRecord,
      { id, version: record.version },
      {
        ...snapshotColumns(decision.state),
        version: updated.version,
        updatedAt: now,
      },
    );
    // Cannot happen under the row lock; if it ever did, committing would fork the history.
    if (affected !== 1) throw new Error(`cooperation ${id} changed under its row lock`);
    await writeTimers(em, id, decision.timers);
    return { cooperation: toCooperationDto(updated, decision.state), entry };
  }

  // ---- queries -------------------------------------------------------------------------------

  async list(query: CooperationQuery, principal: Principal): Promise<Page<CooperationSummaryDto>> {
    const qb = this.dataSource.getRepository(CooperationRecord).createQueryBuilder('c');
    if (!SEES_ALL.includes(principal.role))
      qb.andWhere('c.member_ags @> ARRAY[:own]::text[]', { own: principal.municipality ?? '' });
    if (query.municipality) qb.andWhere('c.member_ags @> ARRAY[:member]::text[]', { member: query.municipality });
    if (query.state) {
      qb.andWhere('c.phase = :phase', { phase: query.state.split('.')[0] });
      // A sub-state matches itself and its descendants, in any parallel region of the value.
      if (query.state.includes('.'))
        qb.andWhere('c.state_value ~ :pattern', { pattern: `(^|,)${query.state.replace(/\./g, '\\.')}($|[.,])` });
    }
    if (query.q)
      qb.andWhere(
        `(ikz_fold(c.title) LIKE '%' || ikz_fold(:q) || '%' OR ikz_fold_plain(c.title) LIKE '%' || ikz_fold_plain(:q) || '%')`,
        { q: escapeLike(query.q) },
      );
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, 2);
      if (!isIsoInstant(createdAt) || !isUuid(id)) throw invalidCursor();
      qb.andWhere('(c.created_at, c.id) > (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', { createdAt, id });
    }
    const rows = await qb
      .orderBy('c.createdAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(query.limit + 1)
      .getMany();
    return toPage(
      rows,
      query.limit,
      (r) => [r.createdAt.toISOString(), r.id],
      (r) => toSummary(r, readState(r)),
    );
  }

  async get(id: string, principal: Principal): Promise<CooperationDto> {
    const record = await this.findVisible(id, principal);
    return toCooperationDto(record, readState(record));
  }

  /** Every event the caller could send now: the "why not?" view. */
  async next(id: string, principal: Principal, lang: Language): Promise<NextEventsDto> {
    const record = await this.findVisible(id, principal);
    const state = readState(record);
    return {
      state: stateToString(state.value),
      version: record.version,
      events: nextEvents(state, actorOf(principal), this.now()).map((e) => ({
        type: e.type,
        allowed: e.allowed,
        ...(e.reason ? { reason: e.reason } : {}),
        ...(e.detail ? { detail: e.detail[lang] } : {}),
        ...(e.unmet ? { obligations: describeUnmet(e.unmet, lang) } : {}),
      })),
    };
  }

  /** The reporting periods of every duty with their status now (`reportingPeriods`). */
  async reports(id: string, principal: Principal): Promise<ReportsDto> {
    const record = await this.findVisible(id, principal);
    const state = readState(record);
    const now = this.now();
    return {
      cooperationId: id,
      state: stateToString(state.value),
      asOf: now.toISOString(),
      periods: reportingPeriods(state.context, now),
    };
  }

  async history(id: string, principal: Principal, query: HistoryQuery): Promise<Page<HistoryEntry>> {
    await this.assertVisible(id, principal);
    let after = query.after ?? 0;
    if (query.cursor) {
      const [sequence] = decodeCursor(query.cursor, 1);
      if (!Number.isInteger(sequence)) throw invalidCursor();
      after = sequence as number;
    }
    const entries = await this.historyEntries.entries(id, after, query.limit + 1);
    return toPage(
      entries,
      query.limit,
      (e) => [e.sequence],
      (e) => e,
    );
  }

  /** Recomputes the chain from the stored rows, in batches: a long history is never held in memory. */
  async verify(id: string, principal: Principal): Promise<ChainVerification> {
    await this.assertVisible(id, principal);
    return this.historyEntries.verify(id);
  }

  // ---- internals -----------------------------------------------------------------------------

  /** Decision time: the clock, to the millisecond that history entries record. */
  private now(): Date {
    return new Date(this.clock.now().getTime());
  }

  private async findVisible(id: string, principal: Principal): Promise<CooperationRecord> {
    const record = await this.dataSource.getRepository(CooperationRecord).findOneBy({ id });
    if (!record || !isVisible(record, principal)) throw notFound(id);
    return record;
  }

  private assertVisible(id: string, principal: Principal): Promise<void> {
    return assertVisible(this.dataSource, id, principal);
  }

  /**
   * One transaction per command. A unique violation on the idempotency key means a concurrent
   * request with the same key committed first (its event is applied, ours rolled back): its
   * stored answer is ours too.
   */
  private async command(
    principal: Principal,
    cmd: CommandContext,
    fingerprint: string,
    work: (em: EntityManager) => Promise<CommandResult>,
  ): Promise<CommandResult> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (cmd.idempotencyKey && isIdempotencyKeyViolation(error)) {
        const stored = await this.dataSource
          .getRepository(IdempotencyRecord)
          .findOneBy({ principalSub: principal.sub, key: cmd.idempotencyKey });
        if (stored) return replay(stored, fingerprint);
      }
      if (isUniqueViolation(error))
        throw new ProblemException(
          409,
          'concurrent-update',
          'Conflict',
          'Another request changed the cooperation at the same time. Reload it and try again.',
        );
      throw error;
    }
  }

  private async storedAnswer(
    em: EntityManager,
    principal: Principal,
    cmd: CommandContext,
    fingerprint: string,
  ): Promise<CommandResult | null> {
    if (!cmd.idempotencyKey) return null;
    const stored = await em.findOneBy(IdempotencyRecord, { principalSub: principal.sub, key: cmd.idempotencyKey });
    return stored ? replay(stored, fingerprint) : null;
  }

  /**
   * Only accepted commands are remembered: a rejection wrote nothing, so a retry is simply
   * decided again (and may pass once the missing facts are recorded).
   */
  private async remember(
    em: EntityManager,
    principal: Principal,
    cmd: CommandContext,
    fingerprint: string,
    status: number,
    body: object,
  ): Promise<void> {
    if (!cmd.idempotencyKey) return;
    await em.insert(IdempotencyRecord, {
      principalSub: principal.sub,
      key: cmd.idempotencyKey,
      fingerprint,
      responseStatus: status,
      responseBody: body,
    });
  }

  /** Appends the next entry of the cooperation's chain; the caller holds the row lock. */
  private async append(
    em: EntityManager,
    cooperationId: string,
    cmd: CommandContext,
    principal: Principal,
    now: Date,
    content: Pick<HistoryEntryContent, 'eventType' | 'payload' | 'stateBefore' | 'stateAfter' | 'obligations'>,
  ): Promise<HistoryEntry> {
    return this.historyEntries.append(em, {
      cooperationId,
      ...content,
      actor: { sub: principal.sub, role: principal.role, municipality: principal.municipality ?? null },
      recordedAt: now.toISOString(),
      requestId: cmd.requestId,
      idempotencyKey: cmd.idempotencyKey ?? null,
    });
  }

  /** The lead of a new cooperation is the caller's own municipality, as the registry knows it. */
  private async leadOf(principal: Principal): Promise<MunicipalityRef> {
    const ags = principal.municipality;
    const lead = ags ? await this.lookUp(ags, 'lead') : null;
    if (!lead)
      throw new ProblemException(
        403,
        'forbidden',
        'Forbidden',
        'Only a coordinator of a registered municipality can open a cooperation.',
      );
    return lead;
  }

  /**
   * Turns the API's event into the domain's: municipalities named by AGS become the registry's
   * MunicipalityRef, and the domain's field paths are mapped back to the body's.
   */
  private async toDomainEvent(body: EventBody): Promise<{ event: LifecycleEvent; mapPath: (path: string) => string }> {
    if (body.type === 'INVITE_PARTNER') {
      const ags = body.municipality as string;
      const municipality = await this.lookUp(ags, 'municipality');
      if (!municipality) throw unknownMunicipality('municipality', ags);
      return {
        event: { type: 'INVITE_PARTNER', municipality },
        mapPath: (path) => (path.startsWith('municipality.') ? 'municipality' : path),
      };
    }
    return { event: body as unknown as LifecycleEvent, mapPath: (path) => path };
  }

  /** null for an unknown key; a body the lifecycle cannot represent yet is a 422 naming the path. */
  private async lookUp(ags: string, path: string): Promise<MunicipalityRef | null> {
    let found;
    try {
      found = await this.municipalities.get(ags);
    } catch (error) {
      if (error instanceof ProblemException && error.getStatus() === 404) return null;
      throw error;
    }
    if (!(MUNICIPALITY_KINDS as readonly string[]).includes(found.kind) || !found.district || !found.region)
      throw new ProblemException(
        422,
        'unsupported-municipality',
        'Unsupported public body',
        `${found.name} (${ags}) is a ${found.kind} without the district and region the lifecycle needs.`,
        { errors: [{ path, messages: [`${ags} cannot take part in a cooperation yet`] }] },
      );
    return {
      ags: found.ags,
      name: found.name,
      kind: found.kind as MunicipalityKind,
      district: found.district,
      region: found.region,
    };
  }
}

// ---- mapping -------------------------------------------------------------------------------

/**
 * The snapshot's contact of `ags` with the reference of its personal data record, so that an
 * erasure finds the contact and clients can name the record (`personRef`).
 */
function withPersonRef(decision: Accepted, ags: string, personRef: string): Accepted {
  const ctx = decision.state.context;
  const contact = ctx.contacts[ags];
  if (!contact) return decision;
  // An adapter's annotation beside the domain's fields: the domain neither reads nor drops it.
  const annotated = { ...contact, personRef } as Contact;
  return {
    ...decision,
    state: { ...decision.state, context: { ...ctx, contacts: { ...ctx.contacts, [ags]: annotated } } },
  };
}

/** Deletes the cancelled timers and upserts the scheduled ones, by (cooperation, key). */
async function writeTimers(em: EntityManager, cooperationId: string, timers: TimerChanges): Promise<void> {
  if (timers.cancel.length > 0)
    await em.query(`DELETE FROM cooperation_timers WHERE cooperation_id = $1 AND key = ANY($2::text[])`, [
      cooperationId,
      timers.cancel,
    ]);
  for (const t of timers.schedule)
    await em.query(
      `INSERT INTO cooperation_timers (cooperation_id, key, due_at, event) VALUES ($1, $2, $3, $4)
       ON CONFLICT (cooperation_id, key) DO UPDATE SET due_at = EXCLUDED.due_at, event = EXCLUDED.event`,
      [cooperationId, t.key, t.dueAt, JSON.stringify(t.event)],
    );
}

export function actorOf(principal: Principal): Actor {
  return {
    sub: principal.sub,
    role: principal.role,
    ...(principal.municipality ? { municipality: principal.municipality } : {}),
  };
}

const locationOf = (id: string) => `${COOPERATIONS_PATH}/${id}`;

/** Loads a snapshot in the current definition; a version this engine does not know is a 500 naming it. */
export function readState(record: CooperationRecord): CooperationState {
  try {
    return migrateState(record.state as PersistedState);
  } catch (error) {
    if (error instanceof UnknownDefinitionVersionError) throw unknownDefinitionProblem(error);
    throw error;
  }
}

function snapshotColumns(state: CooperationState) {
  const ctx = state.context;
  return {
    title: ctx.title,
    leadAgs: ctx.lead,
    memberAgs: Object.values(ctx.members)
      .filter((m) => VISIBLE_STATUSES.has(m.status))
      .map((m) => m.ags)
      .sort(),
    stateValue: stateToString(state.value),
    state: state as object,
    definitionVersion: state.definitionVersion,
  };
}

/**
 * 404 unless the caller may see the cooperation. Only the member list is read, not the snapshot
 * document: history pages, verification and documents are frequent reads.
 */
export async function assertVisible(dataSource: DataSource, id: string, principal: Principal): Promise<void> {
  const record = await dataSource
    .getRepository(CooperationRecord)
    .findOne({ select: { id: true, memberAgs: true }, where: { id } });
  if (!record || !isVisible(record, principal)) throw notFound(id);
}

export function isVisible(record: Pick<CooperationRecord, 'memberAgs'>, principal: Principal): boolean {
  return (
    SEES_ALL.includes(principal.role) ||
    (principal.municipality !== undefined && record.memberAgs.includes(principal.municipality))
  );
}

function toSummary(record: CooperationRecord, state: CooperationState): CooperationSummaryDto {
  const ctx = state.context;
  return {
    id: record.id,
    title: ctx.title,
    fieldOfWork: ctx.fieldOfWork,
    lead: ctx.lead,
    state: stateToString(state.value),
    version: record.version,
    members: Object.values(ctx.members)
      .map((m) => ({ ags: m.ags, name: m.name, role: m.role, status: m.status }))
      .sort((a, b) => (a.ags < b.ags ? -1 : a.ags > b.ags ? 1 : 0)),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

function toCooperationDto(record: CooperationRecord, state: CooperationState): CooperationDto {
  return { ...toSummary(record, state), definitionVersion: state.definitionVersion, context: state.context };
}

function replay(stored: IdempotencyRecord, fingerprint: string): CommandResult {
  if (stored.fingerprint !== fingerprint)
    throw new ProblemException(
      422,
      'idempotency-key-reused',
      'Idempotency key reused',
      'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
    );
  const body = stored.responseBody as { id?: string; version?: number; cooperation?: { id: string; version: number } };
  const cooperation = body.cooperation ?? (body as { id: string; version: number });
  return {
    status: stored.responseStatus,
    body,
    version: cooperation.version,
    ...(stored.responseStatus === 201 ? { location: locationOf(cooperation.id) } : {}),
    replayed: true,
  };
}

function isIdempotencyKeyViolation(error: unknown): boolean {
  if (sqlState(error) !== '23505') return false;
  const driverError = (error as { driverError?: { constraint?: string; table?: string } }).driverError ?? {};
  return driverError.constraint === 'idempotency_keys_pkey' || driverError.table === 'idempotency_keys';
}

const isUuid = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(v);
const isIsoInstant = (v: unknown) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) && !Number.isNaN(Date.parse(v));
