import { ApplicationError } from '../../common/errors';
import { problem } from '../../common/i18n';
import type { PersonalDataView } from './personal-data-view';

export class PersonalDataNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'personal-data-not-found';
  constructor(id: string) {
    super(problem('personal-data-not-found', { id }));
  }
}

export class AlreadyErased extends ApplicationError {
  readonly category = 'conflict';
  readonly code = 'already-erased';
  constructor(private readonly record: PersonalDataView) {
    super(problem('already-erased', { id: record.id }));
  }
  override extensions(): Record<string, unknown> {
    return { erasure: this.record.erasure };
  }
}
