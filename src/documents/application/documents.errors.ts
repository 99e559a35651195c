import { ApplicationError, type FieldError, localizeFieldErrors } from '../../common/errors';
import { problem } from '../../common/i18n';
import type { Language } from '../../common/language';

export class DocumentNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'not-found';
  constructor(id: string) {
    super(problem('document-not-found', { id }));
  }
}

/** An event references ids that are not documents of its cooperation. */
export class UnknownDocument extends ApplicationError {
  readonly category = 'unprocessable';
  readonly code = 'unknown-document';
  constructor(private readonly errors: FieldError[]) {
    super(problem('unknown-document'));
  }
  override extensions(lang: Language): Record<string, unknown> {
    return { errors: localizeFieldErrors(lang, this.errors) };
  }
}

export class UnsupportedDocumentType extends ApplicationError {
  readonly category = 'unsupported-media-type';
  readonly code = 'unsupported-media-type';
  constructor() {
    super(problem('unsupported-document-type'));
  }
}
