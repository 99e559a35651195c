import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import { germanDate, type LifecycleEvent, type PartnerSearchInterest, phaseOf } from '../domain';
import { CooperationRepository } from '../infrastructure/cooperation.repository';
import { actorOf } from './actor';
import { type CommandMeta, type CommandOutcome, CommandRunner } from './command-runner';
import { CooperationNotFound, EventRejected, UnknownMunicipality } from './cooperations.errors';
import { DecisionRecorder } from './decision-recorder';
import type { EventResult } from './cooperation-view';
import { decideOn, loadState } from './load-state';
import { MunicipalityLookup } from './municipality-lookup';

/** What the sender of an interest learns: their interest, never the cooperation. */
export interface InterestAnswer {
  cooperation: { id: string; version: number };
  interest: PartnerSearchInterest & { searchId: string };
}

/**
 * An expression of interest by a municipality outside the cooperation: an event of the cooperation
 * (EXPRESS_INTEREST, in its history like every other), sent where the cooperation is not visible to
 * the sender. What stands in for visibility is the published search: a cooperation without an open
 * one is answered like an unknown one, so nothing unpublished can be probed.
 */
@Injectable()
export class ExpressInterestUseCase {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cooperations: CooperationRepository,
    private readonly recorder: DecisionRecorder,
    private readonly municipalities: MunicipalityLookup,
    private readonly clock: Clock,
  ) {}

  async execute(
    id: string,
    message: string,
    principal: Principal,
    meta: CommandMeta,
  ): Promise<CommandOutcome<InterestAnswer>> {
    const own = principal.municipality ? await this.municipalities.find(principal.municipality, 'municipality') : null;
    if (principal.municipality && !own) throw new UnknownMunicipality('municipality', principal.municipality);
    const event = { type: 'EXPRESS_INTEREST', ...(own ? { municipality: own } : {}), message } as LifecycleEvent;
    return this.runner.run('EXPRESS_INTEREST', principal.sub, meta, async (tx) => {
      const current = await this.cooperations.lock(tx, id);
      if (!current) throw new CooperationNotFound(id);
      // Only this cooperation's answers replay: a key used elsewhere must not tell it exists.
      const replay = await this.runner.replayed<InterestAnswer>(tx, principal.sub, meta, id);
      if (replay) return replay;
      const now = nowOf(this.clock);
      const { value, context } = loadState(current.state);
      const search = context.partnerSearch;
      const open =
        phaseOf(value) === 'partnerSearch' && search?.status === 'open' && search.openUntil >= germanDate(now);
      if (!open) throw new CooperationNotFound(id);
      const decision = decideOn(current.state, event, actorOf(principal), now);
      if (!decision.ok) {
        throw new EventRejected(decision, (path) => (path.startsWith('municipality.') ? 'municipality' : path));
      }
      const { type: _type, ...payload } = decision.event;
      const interests = decision.state.context.partnerSearch!.interests;
      // The outsider learns of its interest only, never the snapshot: that is also the stored answer.
      const answerOf = (result: EventResult): InterestAnswer => ({
        cooperation: { id, version: result.cooperation.version },
        interest: { searchId: id, ...interests[interests.length - 1] },
      });
      const result = await this.recorder.event(tx, current, decision, payload, principal, meta, now, {
        answer: answerOf,
      });
      return this.runner.recorded({
        answer: answerOf(result),
        cooperationId: id,
        version: result.cooperation.version,
        created: false,
      });
    });
  }
}
