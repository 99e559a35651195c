import { ApplicationError } from '../../common/errors';
import type { PersonalDataView } from './personal-data-view';

export class PersonalDataNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'personal-data-not-found';
  readonly title = 'Not Found';
  constructor(id: string) {
    super(`No personal data record ${id}.`);
  }
}

export class AlreadyErased extends ApplicationError {
  readonly category = 'conflict';
  readonly code = 'already-erased';
  readonly title = 'Already erased';
  constructor(private readonly record: PersonalDataView) {
    super(`Personal data ${record.id} was already erased.`);
  }
  override extensions(): Record<string, unknown> {
    return { erasure: this.record.erasure };
  }
}
