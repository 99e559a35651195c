import { ApplicationError } from '../../common/errors';

export class MunicipalityNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'municipality-not-found';
  readonly title = 'Not Found';
  constructor(ags: string) {
    super(`No public body with the key ${ags} is registered.`);
  }
}

export class MunicipalityExists extends ApplicationError {
  readonly category = 'conflict';
  readonly code = 'municipality-exists';
  readonly title = 'Conflict';
  constructor(ags: string) {
    super(`A public body with the key ${ags} is already registered.`);
  }
}
