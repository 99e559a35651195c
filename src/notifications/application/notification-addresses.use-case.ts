import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import {
  NotificationAddressBook,
  type NotificationAddressFields,
  type NotificationAddressRecord,
} from '../../personal-data';
import { assertMayManage } from './notification-scope';
import { NotificationAddressNotFound } from './notifications.errors';

/**
 * A municipality's notification addresses per role (who receives the e-mails meant for its
 * coordinators or its steering-board members), kept as personal data: removing one erases it.
 */
@Injectable()
export class NotificationAddressesUseCase {
  constructor(
    private readonly book: NotificationAddressBook,
    private readonly clock: Clock,
  ) {}

  register(principal: Principal, ags: string, fields: NotificationAddressFields): Promise<NotificationAddressRecord> {
    assertMayManage(principal, ags);
    return this.book.register(ags, fields, nowOf(this.clock));
  }

  list(principal: Principal, ags: string): Promise<NotificationAddressRecord[]> {
    assertMayManage(principal, ags);
    return this.book.list(ags);
  }

  async remove(principal: Principal, ags: string, id: string): Promise<void> {
    assertMayManage(principal, ags);
    const found = await this.book.find(id);
    if (!found || found.municipality !== ags) throw new NotificationAddressNotFound(id);
    await this.book.remove(id, { sub: principal.sub, role: principal.role }, nowOf(this.clock));
  }
}
