import { ApplicationError } from '../../common/errors';
import { problem } from '../../common/i18n';

export class CheckpointNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'checkpoint-not-found';
  constructor(id: string) {
    super(problem('checkpoint-not-found', { id }));
  }
}
