import { ApplicationError } from '../../common/errors';

/** Coordinators and board members act for a municipality; their token must name one. */
export class MunicipalityRequired extends ApplicationError {
  readonly category = 'invalid-input';
  readonly code = 'validation-failed';
  readonly title = 'The request is invalid';
  constructor(private readonly role: string) {
    super({
      de: `Für die Rolle ${role} ist eine Kommune anzugeben.`,
      en: `The role ${role} acts for a municipality: name one.`,
    });
  }
  override extensions(): Record<string, unknown> {
    return { errors: [{ path: 'municipality', messages: [`required for the role ${this.role}`] }] };
  }
}

export class UnknownSignInMunicipality extends ApplicationError {
  readonly category = 'unprocessable';
  readonly code = 'unknown-municipality';
  readonly title = 'Unknown municipality';
  constructor(private readonly ags: string) {
    super(`No public body ${ags} is registered.`);
  }
  override extensions(): Record<string, unknown> {
    return { errors: [{ path: 'municipality', messages: [`${this.ags} is not a registered public body`] }] };
  }
}
