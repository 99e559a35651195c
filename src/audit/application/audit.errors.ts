import { ApplicationError } from '../../common/errors';

export class CheckpointNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'checkpoint-not-found';
  readonly title = 'Not Found';
  constructor(id: string) {
    super(`There is no checkpoint ${id}.`);
  }
}
