import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import { type MotiveId, OPEN_COOPERATION, openCooperation } from '../domain';
import { actorOf } from './actor';
import { type CommandMeta, type CommandOutcome, CommandRunner } from './command-runner';
import type { CooperationView } from './cooperation-view';
import { EventRejected, NotARegisteredLead } from './cooperations.errors';
import { DecisionRecorder } from './decision-recorder';
import { GrowthLimits } from './growth-limits';
import { MunicipalityLookup } from './municipality-lookup';

export interface OpenCooperationCommand {
  title: string;
  fieldOfWork: string;
  motive: string;
  description: string;
}

/** Opens a cooperation with the caller's municipality as lead. */
@Injectable()
export class OpenCooperationUseCase {
  constructor(
    private readonly runner: CommandRunner,
    private readonly recorder: DecisionRecorder,
    private readonly municipalities: MunicipalityLookup,
    private readonly clock: Clock,
    private readonly limits: GrowthLimits,
  ) {}

  async execute(
    input: OpenCooperationCommand,
    principal: Principal,
    meta: CommandMeta,
  ): Promise<CommandOutcome<CooperationView>> {
    // Registry lookups happen before the transaction: the embedded database has one connection.
    const lead = principal.municipality ? await this.municipalities.find(principal.municipality, 'lead') : null;
    if (!lead) throw new NotARegisteredLead();
    return this.runner.run(OPEN_COOPERATION, principal.sub, meta, async (tx) => {
      const replay = await this.runner.replayed<CooperationView>(tx, principal.sub, meta);
      if (replay) return replay;
      const now = nowOf(this.clock);
      await this.limits.checkOpening(tx, principal.sub, now);
      const opened = openCooperation(
        {
          id: randomUUID(),
          title: input.title,
          fieldOfWork: input.fieldOfWork,
          motive: input.motive as MotiveId,
          description: input.description,
          lead,
        },
        actorOf(principal),
        now,
      );
      if (!opened.ok) throw new EventRejected(opened);
      const { view, stored } = await this.recorder.opening(tx, opened, principal, meta, now);
      return this.runner.accepted(tx, principal.sub, meta, {
        answer: view,
        cooperationId: stored.id,
        version: stored.version,
        created: true,
      });
    });
  }
}
