import type { Messages } from './domain/messages';
import { localize, problem, type ProblemText, text, type Text } from './i18n';
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
 * machine-readable reason clients switch on: the problem's `type` is `/problems/<code>`. Title and
 * detail are texts of the catalogues (`common/i18n`), put into the answer's language by the filter.
 */
export abstract class ApplicationError extends Error {
  abstract readonly category: ErrorCategory;
  abstract readonly code: string;

  constructor(readonly texts: ProblemText) {
    super(localize('en', texts.detail));
    this.name = new.target.name;
  }

  title(lang: Language): string {
    return localize(lang, this.texts.title);
  }

  detail(lang: Language): string {
    return localize(lang, this.texts.detail);
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

/** A field error as raised: one path, its one message (a catalogue text or the domain's own). */
export interface FieldError {
  path: string;
  message: Text | Bilingual;
}

/** A field error as answers list them: one path, its message in the answer's language. */
export interface LocalizedFieldError {
  path: string;
  messages: string[];
}

export const localizeFieldErrors = (lang: Language, errors: readonly FieldError[]): LocalizedFieldError[] =>
  errors.map(({ path, message }) => ({ path, messages: [localize(lang, message)] }));

/** The `errors` extension of a problem about one field. */
export const fieldErrorsOf = (lang: Language, path: string, message: Text): { errors: LocalizedFieldError[] } => ({
  errors: localizeFieldErrors(lang, [{ path, message }]),
});

/** A cursor that this list did not issue (or that decodes to a key of the wrong shape). */
export class InvalidCursor extends ApplicationError {
  readonly category = 'invalid-input';
  readonly code = 'invalid-cursor';
  constructor() {
    super(problem('invalid-cursor'));
  }
}

/** Input that passed the edge's shape checks but is invalid for the application (400 with paths). */
export class InvalidInput extends ApplicationError {
  readonly category = 'invalid-input';
  readonly code = 'validation-failed';
  constructor(readonly errors: FieldError[]) {
    super(problem('validation-failed'));
  }
  override extensions(lang: Language): Record<string, unknown> {
    return { errors: localizeFieldErrors(lang, this.errors) };
  }
}

/**
 * A configured limit (docs/limits.md) would be passed: `conflict` for a count that only shrinks when
 * something is closed or never, `too-many` for a quota per day. The detail is `limits.<setting>`.
 */
export class LimitExceeded extends ApplicationError {
  readonly code = 'limit-exceeded';
  constructor(
    readonly category: 'conflict' | 'too-many',
    private readonly setting: keyof Messages['limits'],
    private readonly max: number,
  ) {
    super({ title: text('problems.limit-exceeded.title'), detail: text(`limits.${setting}`, { max }) });
  }
  override extensions(): Record<string, unknown> {
    return { limit: this.setting, max: this.max };
  }
}
