import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import type { Language } from '../../common/language';
import { competentAuthorityView, stateToString } from '../domain';
import { actorOf } from './actor';
import type { NextEventsView } from './cooperation-view';
import { CooperationReader } from './get-cooperation.query';
import { nextEventsOn } from './load-state';
import { describeUnmet } from './unmet-obligations';

/** Every event the caller could send now: the "why not?" view. */
@Injectable()
export class NextEventsQuery {
  constructor(
    private readonly reader: CooperationReader,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, principal: Principal, lang: Language): Promise<NextEventsView> {
    // The state is already in the current definition: the domain's own lift is only a version check.
    const { stored, state } = await this.reader.read(id, principal);
    const now = nowOf(this.clock);
    return {
      state: stateToString(state.value),
      version: stored.version,
      competentAuthority: competentAuthorityView(state.context, now),
      stateValue: state.value,
      events: nextEventsOn(state, actorOf(principal), now).map((e) => ({
        type: e.type,
        allowed: e.allowed,
        ready: e.ready,
        dependsOnPayload: e.dependsOnPayload,
        ...(e.reason ? { reason: e.reason } : {}),
        ...(e.detail ? { detail: e.detail[lang] } : {}),
        ...(e.unmet ? { obligations: describeUnmet(e.unmet, lang, state.context) } : {}),
        template: e.template,
        hints: e.hints.map((h) => h[lang]),
      })),
    };
  }
}
