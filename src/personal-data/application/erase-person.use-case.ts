import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import { CooperationCopies, type PersistedState } from '../../cooperations';
import { ERASED_TEXT, type PersonFields, scrub } from '../domain/personal-data';
import { PersonalDataRepository } from '../infrastructure/personal-data.repository';
import { AlreadyErased, PersonalDataNotFound } from './personal-data.errors';
import { type PersonalDataView, viewOf } from './personal-data-view';

/**
 * Erases a person (docs/personal-data.md): in one transaction, the fields become a tombstone and
 * the salt is destroyed, the copies in the cooperation's snapshot and in stored idempotent answers
 * are overwritten, and the row records who erased when and why. The history is not touched: it
 * never held the fields, so every chain still verifies.
 */
@Injectable()
export class ErasePersonUseCase {
  private readonly logger = new Logger('PersonalData');

  constructor(
    private readonly dataSource: DataSource,
    private readonly records: PersonalDataRepository,
    private readonly copies: CooperationCopies,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, reason: string, principal: Principal): Promise<PersonalDataView> {
    const erased = await this.dataSource.transaction(async (tx) => {
      const found = await this.records.find(id, tx);
      if (!found) throw new PersonalDataNotFound(id);
      // The cooperation's row lock first (as commands take it), then the record's.
      await this.copies.lock(tx, found.cooperationId);
      const record = await this.records.lock(tx, id);
      if (record.erasure) throw new AlreadyErased(viewOf(record));
      const fields = record.fields as PersonFields;
      const secrets = new Set(
        [fields.name, fields.email].filter((v): v is string => typeof v === 'string' && v !== ''),
      );
      await this.copies.rewrite(
        tx,
        record.cooperationId,
        (state) => scrubSnapshot(state, id, secrets),
        (body) => scrub(body, secrets),
      );
      return this.records.markErased(tx, id, {
        at: nowOf(this.clock),
        by: { sub: principal.sub, role: principal.role },
        reason,
      });
    });
    this.logger.log({ personRef: id, cooperationId: erased.cooperationId, by: principal.sub }, 'Personal data erased');
    return viewOf(erased);
  }
}

/** The snapshot's copies: the contact this record was, and every other occurrence (signatures). */
function scrubSnapshot(state: PersistedState, personRef: string, secrets: ReadonlySet<string>): PersistedState {
  const scrubbed = scrub(state, secrets) as PersistedState & { context?: { contacts?: Record<string, object> } };
  const contacts = scrubbed.context?.contacts ?? {};
  for (const [ags, contact] of Object.entries(contacts)) {
    if ((contact as { personRef?: string }).personRef === personRef) {
      const { email: _email, ...rest } = contact as { email?: string; name: string };
      contacts[ags] = { ...rest, name: ERASED_TEXT, erased: true };
    }
  }
  return scrubbed;
}
