import { ApplicationError } from '../../common/errors';

/** Unknown, or not visible to the caller: the two are not told apart. */
export class CaseNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'escalation-case-not-found';
  readonly title = 'Not Found';
  constructor(id: string) {
    super(`No escalation case ${id} is visible to you.`);
  }
}
