import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import type { Language } from '../../common/language';
import { byDeadline, INBOX_HORIZON_DAYS, inboxOf, type InboxItem } from '../domain';
import { actorOf } from './actor';
import { VisibilityPolicy } from './visibility';

export interface InboxEntry extends Omit<InboxItem, 'text'> {
  text: string;
}

export interface InboxView {
  /** Deadlines of the caller's municipality up to this many days ahead are listed. */
  horizonDays: number;
  items: InboxEntry[];
}

/**
 * `GET /me/inbox`: what waits for the caller across the cooperations they may see, soonest deadline
 * first. Auditors and admins act for no municipality: nothing waits for them.
 */
@Injectable()
export class InboxQuery {
  constructor(
    private readonly visibility: VisibilityPolicy,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, lang: Language): Promise<InboxView> {
    const now = nowOf(this.clock);
    const actor = actorOf(principal);
    const states = principal.municipality ? await this.visibility.visibleStates(principal) : [];
    const items = states.flatMap((state) => inboxOf(state, actor, now)).sort(byDeadline);
    return { horizonDays: INBOX_HORIZON_DAYS, items: items.map((i) => ({ ...i, text: i.text[lang] })) };
  }
}
