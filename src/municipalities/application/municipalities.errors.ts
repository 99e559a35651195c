import { ApplicationError } from '../../common/errors';
import { problem } from '../../common/i18n';

export class MunicipalityNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'municipality-not-found';
  constructor(ags: string) {
    super(problem('municipality-not-found', { ags }));
  }
}

export class MunicipalityExists extends ApplicationError {
  readonly category = 'conflict';
  readonly code = 'municipality-exists';
  constructor(ags: string) {
    super(problem('municipality-exists', { ags }));
  }
}
