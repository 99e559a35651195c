import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationAddressFields } from '../domain/personal-data';
import { type NotificationAddressRecord, PersonalDataRepository } from '../infrastructure/personal-data.repository';

/**
 * Municipalities' notification addresses and contacts' e-mail addresses, for notifications. The
 * addresses are personal data (`personal_data`, subject kind `notification-address`), so erasure
 * destroys them; deliveries name a record, never the address itself.
 */
@Injectable()
export class NotificationAddressBook {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: PersonalDataRepository,
  ) {}

  async register(
    municipality: string,
    fields: NotificationAddressFields,
    at: Date,
  ): Promise<NotificationAddressRecord> {
    const id = randomUUID();
    const clean: NotificationAddressFields = {
      email: fields.email,
      role: fields.role,
      ...(fields.name !== undefined ? { name: fields.name } : {}),
    };
    await this.dataSource.transaction((tx) =>
      this.records.insertNotificationAddress(
        tx,
        { id, municipality, fields: clean, salt: randomBytes(32).toString('hex') },
        at,
      ),
    );
    return { id, municipality, fields: clean, createdAt: at };
  }

  /** `tx`: inside a transaction (the embedded database has one connection). */
  list(municipality: string, role?: string, tx?: EntityManager): Promise<NotificationAddressRecord[]> {
    return this.records.notificationAddresses(municipality, role, tx);
  }

  find(id: string): Promise<NotificationAddressRecord | null> {
    return this.records.notificationAddress(id);
  }

  /** Removing an address erases it: the fields become a tombstone, as for any erasure. */
  async remove(id: string, by: { sub: string; role: string }, at: Date): Promise<void> {
    await this.dataSource.transaction((tx) =>
      this.records.markErased(tx, id, { at, by, reason: 'notification address removed' }),
    );
  }

  /** The e-mail address a delivery to record `id` goes to: a notification address or a contact's. */
  async emailOf(id: string, tx?: EntityManager): Promise<string | null> {
    return (await this.records.notificationAddress(id, tx))?.fields.email ?? (await this.records.contactEmail(id, tx));
  }
}
