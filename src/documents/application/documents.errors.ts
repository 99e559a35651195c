import { ApplicationError, type FieldError } from '../../common/errors';

export class DocumentNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'not-found';
  readonly title = 'Not Found';
  constructor(id: string) {
    super(`No document ${id} in this cooperation.`);
  }
}

/** An event references ids that are not documents of its cooperation. */
export class UnknownDocument extends ApplicationError {
  readonly category = 'unprocessable';
  readonly code = 'unknown-document';
  readonly title = 'Unknown document';
  constructor(private readonly errors: FieldError[]) {
    super('An event can only reference documents uploaded to the same cooperation.');
  }
  override extensions(): Record<string, unknown> {
    return { errors: this.errors };
  }
}

export class UnsupportedDocumentType extends ApplicationError {
  readonly category = 'unsupported-media-type';
  readonly code = 'unsupported-media-type';
  readonly title = 'Unsupported Media Type';
  constructor() {
    super('Only PDF, ODT, DOCX, PNG and JPEG documents are accepted; the content of this file is none of them.');
  }
}
