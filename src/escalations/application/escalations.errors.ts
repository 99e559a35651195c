import { ApplicationError } from '../../common/errors';
import { problem } from '../../common/i18n';

/** Unknown, or not visible to the caller: the two are not told apart. */
export class CaseNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'escalation-case-not-found';
  constructor(id: string) {
    super(problem('escalation-case-not-found', { id }));
  }
}
