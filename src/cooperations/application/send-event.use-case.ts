import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import { DocumentReferences } from '../../documents';
import { PersonalDataStore } from '../../personal-data';
import type { Language } from '../../common/language';
import type { Accepted, Contact, EscalationCase, LifecycleEvent, LifecycleEventType } from '../domain';
import { CooperationRepository, type WriteFragment } from '../infrastructure/cooperation.repository';
import { actorOf } from './actor';
import { type CommandMeta, type CommandOutcome, CommandRunner } from './command-runner';
import type { EventResult } from './cooperation-view';
import { CooperationNotFound, EventRejected, UnknownMunicipality } from './cooperations.errors';
import { DecisionRecorder } from './decision-recorder';
import { GrowthLimits } from './growth-limits';
import { decideOn, loadState } from './load-state';
import { MunicipalityLookup } from './municipality-lookup';
import { describeUnmet } from './unmet-obligations';
import { isVisible } from './visibility';

/** An event as the API takes it: the domain's fields, municipalities by key, evidence by document id. */
export type EventCommand = { type: LifecycleEventType; documents?: string[] } & Record<string, unknown>;

/**
 * Decides one event and, if accepted, records it: snapshot, history entry and stored answer
 * commit together. The row lock serializes commands on one cooperation: sequence numbers cannot
 * collide or skip, and a concurrent retry with the same key finds the first one's answer.
 */
@Injectable()
export class SendEventUseCase {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cooperations: CooperationRepository,
    private readonly recorder: DecisionRecorder,
    private readonly municipalities: MunicipalityLookup,
    private readonly documents: DocumentReferences,
    private readonly personalData: PersonalDataStore,
    private readonly clock: Clock,
    private readonly limits: GrowthLimits,
  ) {}

  async execute(
    id: string,
    command: EventCommand,
    principal: Principal,
    meta: CommandMeta,
    lang: Language = 'de',
  ): Promise<CommandOutcome<EventResult>> {
    // Evidence references are the adapter's: the domain decides the event without them.
    const { documents: documentIds, ...body } = command;
    const { event, mapPath } = await this.toDomainEvent(body);
    return this.runner.run(command.type, principal.sub, meta, async (tx) => {
      const current = await this.cooperations.lock(tx, id, this.runner.answerProbe(principal.sub, meta));
      if (!current) throw new CooperationNotFound(id);
      // Visibility before the stored answers: a key the caller used elsewhere must not tell a foreign
      // cooperation from an unknown one. Only the caller's own accepted event on this very
      // cooperation replays when it is no longer visible to them (e.g. after their DECLINE_INVITATION).
      const visible = isVisible(current.memberAgs, principal);
      const replay = await this.runner.replayed<EventResult>(
        tx,
        principal.sub,
        meta,
        visible ? undefined : id,
        current.answer,
      );
      if (replay) return replay;
      if (!visible) throw new CooperationNotFound(id);
      this.runner.checkPrecondition(meta, current.version);
      const evidence = documentIds ? await this.documents.resolve(tx, id, documentIds) : undefined;
      const now = nowOf(this.clock);
      let decision = decideOn(current.state, event, actorOf(principal), now);
      if (!decision.ok) throw new EventRejected(decision, mapPath, loadState(current.state).context);
      this.limits.checkGrowth(current.state, decision.state);
      const { type: _type, ...fields } = decision.event;
      let payload: object = fields;
      let also: WriteFragment[] = [];
      if (decision.event.type === 'APPOINT_CONTACT') {
        // A contact's name and e-mail go to personal data; the history gets a reference and a salted hash.
        const { name, email, ...rest } = fields as { name: string; email?: string };
        const person = this.personalData.contactRecord(id, principal.municipality ?? null, { name, email }, now);
        payload = { ...rest, ...person.reference };
        also = [person.write];
        decision = withPersonRef(decision, principal.municipality!, person.reference.personRef);
      }
      const result = await this.recorder.event(
        tx,
        current,
        decision,
        evidence ? { ...payload, documents: evidence } : payload,
        principal,
        meta,
        now,
        { outcome: outcomeOf(decision, lang), also },
      );
      return this.runner.recorded({
        answer: result,
        cooperationId: id,
        version: result.cooperation.version,
        created: false,
      });
    });
  }

  /**
   * Turns the API's event into the domain's: municipalities named by key become the registry's
   * MunicipalityRef, and the domain's field paths are mapped back to the body's.
   */
  private async toDomainEvent(
    body: Omit<EventCommand, 'documents'>,
  ): Promise<{ event: LifecycleEvent; mapPath: (path: string) => string }> {
    if (body.type === 'INVITE_PARTNER') {
      const ags = body.municipality as string;
      const municipality = await this.municipalities.find(ags, 'municipality');
      if (!municipality) throw new UnknownMunicipality('municipality', ags);
      return {
        event: { type: 'INVITE_PARTNER', municipality },
        mapPath: (path) => (path.startsWith('municipality.') ? 'municipality' : path),
      };
    }
    if (body.type === 'PROPOSE_AMENDMENT' && Array.isArray(body.joining)) {
      const joining = [];
      for (const [i, ags] of (body.joining as string[]).entries()) {
        const municipality = await this.municipalities.find(ags, `joining[${i}]`);
        if (!municipality) throw new UnknownMunicipality(`joining[${i}]`, ags);
        joining.push(municipality);
      }
      return {
        event: { ...body, joining } as unknown as LifecycleEvent,
        mapPath: (path) => path.replace(/^(joining\[\d+\])\..*$/, '$1'),
      };
    }
    return { event: body as unknown as LifecycleEvent, mapPath: (path) => path };
  }
}

const WARNING = {
  de: 'Angenommen – aber so wird diese Pflicht später nicht erfüllt:',
  en: 'Accepted – but this way the obligation will not be met later:',
};

/**
 * What an accepted event's answer adds to the snapshot (stored with it, so a replay says the same):
 * the case a RAISE_CONFLICT opened, and the later obligations its record will not satisfy.
 */
function outcomeOf(decision: Accepted, lang: Language): Partial<EventResult> {
  // The case RAISE_CONFLICT opens is the one with the next number.
  const raised =
    decision.event.type === 'RAISE_CONFLICT'
      ? decision.state.context.escalation.cases.reduce<EscalationCase | undefined>(
          (last, c) => (!last || c.number > last.number ? c : last),
          undefined,
        )
      : undefined;
  const warnings = describeUnmet(decision.warnings ?? [], lang, decision.state.context).map((w) => ({
    ...w,
    detail: `${WARNING[lang]} ${w.message}`,
  }));
  return {
    ...(raised ? { escalationCase: { id: raised.id, number: raised.number } } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/**
 * The snapshot's new appointment of `ags` — the contact, or the pending appointment when it names
 * another's token subject — with the reference of its personal data record, so that an erasure
 * finds it and clients can name the record (`personRef`).
 */
function withPersonRef(decision: Accepted, ags: string, personRef: string): Accepted {
  const ctx = decision.state.context;
  // Every appointment made since pending ones exist carries a reference: one without is this one.
  const pending = ctx.pendingContacts?.[ags];
  const key = pending && !('personRef' in pending) ? 'pendingContacts' : 'contacts';
  const contact = ctx[key]?.[ags];
  if (!contact) return decision;
  // An adapter's annotation beside the domain's fields: the domain neither reads nor drops it.
  const annotated = { ...contact, personRef } as Contact;
  return {
    ...decision,
    state: { ...decision.state, context: { ...ctx, [key]: { ...ctx[key], [ags]: annotated } } },
  };
}
