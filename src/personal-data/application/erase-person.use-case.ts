import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { Clock, nowOf } from '../../common/clock';
import { CooperationCopies } from '../../cooperations';
import { ERASED_TEXT, samePerson } from '../domain/personal-data';
import { PersonalDataRepository } from '../infrastructure/personal-data.repository';
import { AlreadyErased, PersonalDataNotFound } from './personal-data.errors';
import { type PersonalDataView, viewOf } from './personal-data-view';

/**
 * Erases a person (docs/personal-data.md): in one transaction, every record of theirs in the
 * cooperation — the one named and the earlier appointments of the same person — becomes a
 * tombstone with its salt destroyed, their copies in the snapshot and in stored idempotent answers
 * are overwritten by path, and each row records who erased when and why. The history is not
 * touched: it never held the fields, so every chain still verifies. A municipality's notification
 * address (no cooperation) is erased alone: its record is the only place the address lives.
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
    const { erased, all } = await this.dataSource.transaction(async (tx) => {
      const found = await this.records.find(id, tx);
      if (!found) throw new PersonalDataNotFound(id);
      const erasure = { at: nowOf(this.clock), by: { sub: principal.sub, role: principal.role }, reason };
      const cooperationId = found.cooperationId;
      if (cooperationId === null) {
        // A municipality's notification address: no cooperation holds a copy, deliveries name the record.
        const record = await this.records.lock(tx, id);
        if (record.erasure) throw new AlreadyErased(viewOf(record));
        return { erased: await this.records.markErased(tx, id, erasure), all: [id] };
      }
      // The cooperation's row lock first (as commands take it), then the records'.
      await this.copies.lock(tx, cooperationId);
      const record = await this.records.lock(tx, id);
      if (record.erasure) throw new AlreadyErased(viewOf(record));
      const subjects = new Map(
        (await this.copies.appointments(tx, cooperationId)).map((a) => [a.personRef, a.userSub]),
      );
      const records = await this.records.lockContactsOf(tx, cooperationId, record.municipality);
      const person = samePerson(record, records, (ref) => subjects.get(ref));
      await this.copies.erasePerson(
        tx,
        cooperationId,
        {
          municipality: record.municipality,
          personRefs: new Set(person.map((r) => r.id)),
          subs: new Set(person.flatMap((r) => subjects.get(r.id) ?? [])),
        },
        ERASED_TEXT,
      );
      const marked = [];
      for (const r of person) if (!r.erasure) marked.push(await this.records.markErased(tx, r.id, erasure));
      return { erased: marked[0], all: marked.map((r) => r.id) };
    });
    this.logger.log(
      { personRef: id, records: all, cooperationId: erased.cooperationId, by: principal.sub },
      'Personal data erased',
    );
    return viewOf(erased);
  }
}
