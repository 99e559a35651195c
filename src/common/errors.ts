import type { Bilingual, Language } from './language';

/**
 * What kind of failure an application error is. The categories say what went wrong in the
 * application's terms; the one problem filter (`problem.filter.ts`) maps each to an HTTP status,
 * so no code below `http/` knows a status code.
 */
export type ErrorCategory =
  | 'invalid-input'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'unsupported-media-type'
  | 'unprocessable'
  /** A quota per time: retry later. */
  | 'too-many'
  | 'internal';

/**
 * The base of every module's typed errors (`<context>.errors.ts`). `code` is the stable,
 * machine-readable reason clients switch on: the problem's `type` is `/problems/<code>`.
 */
export abstract class ApplicationError extends Error {
  abstract readonly category: ErrorCategory;
  abstract readonly code: string;
  abstract readonly title: string;

  constructor(readonly detail: string | Bilingual) {
    super(typeof detail === 'string' ? detail : detail.en);
    this.name = new.target.name;
  }

  /** Extension members of the problem document, in the answer's language. */
  extensions(_lang: Language): Record<string, unknown> {
    return {};
  }

  /** The current version of the resource the error is about, when the caller's copy is stale. */
  get currentVersion(): number | undefined {
    return undefined;
  }
}

/** A field error as answers list them: one path, its messages. */
export interface FieldError {
  path: string;
  messages: string[];
}

/** A cursor that this list did not issue (or that decodes to a key of the wrong shape). */
export class InvalidCursor extends ApplicationError {
  readonly category = 'invalid-input';
  readonly code = 'invalid-cursor';
  readonly title = 'Invalid cursor';
  constructor() {
    super('The cursor was not issued by this list.');
  }
}

/** Input that passed the edge's shape checks but is invalid for the application (400 with paths). */
export class InvalidInput extends ApplicationError {
  readonly category = 'invalid-input';
  readonly code = 'validation-failed';
  readonly title = 'The request is invalid';
  constructor(readonly errors: FieldError[]) {
    super('One or more fields are invalid.');
  }
  override extensions(): Record<string, unknown> {
    return { errors: this.errors };
  }
}

/**
 * A configured limit (docs/limits.md) would be passed: `conflict` for a count that only shrinks when
 * something is closed or never, `too-many` for a quota per day.
 */
export class LimitExceeded extends ApplicationError {
  readonly code = 'limit-exceeded';
  readonly title = 'Limit exceeded';
  constructor(
    readonly category: 'conflict' | 'too-many',
    private readonly setting: string,
    private readonly max: number,
    detail: Bilingual,
  ) {
    super(detail);
  }
  override extensions(): Record<string, unknown> {
    return { limit: this.setting, max: this.max };
  }
}
