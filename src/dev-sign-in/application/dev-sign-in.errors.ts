import { ApplicationError, fieldErrorsOf } from '../../common/errors';
import { problem, text } from '../../common/i18n';
import type { Language } from '../../common/language';

/** Coordinators and board members act for a municipality; their token must name one. */
export class MunicipalityRequired extends ApplicationError {
  readonly category = 'invalid-input';
  readonly code = 'validation-failed';
  constructor(private readonly role: string) {
    super(problem('municipality-required', { role }));
  }
  override extensions(lang: Language): Record<string, unknown> {
    return fieldErrorsOf(lang, 'municipality', text('validation.requiredForRole', { role: this.role }));
  }
}

export class UnknownSignInMunicipality extends ApplicationError {
  readonly category = 'unprocessable';
  readonly code = 'unknown-municipality';
  constructor(private readonly ags: string) {
    super(problem('unknown-municipality', { ags }));
  }
  override extensions(lang: Language): Record<string, unknown> {
    return fieldErrorsOf(lang, 'municipality', text('validation.notRegistered', { ags: this.ags }));
  }
}
