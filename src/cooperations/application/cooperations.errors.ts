import {
  ApplicationError,
  type ErrorCategory,
  type FieldError,
  fieldErrorsOf,
  localizeFieldErrors,
} from '../../common/errors';
import { problem, text, type Text } from '../../common/i18n';
import type { Language } from '../../common/language';
import {
  type CooperationContext,
  type FieldError as DomainFieldError,
  type Rejected,
  UnknownDefinitionVersionError,
} from '../domain';
import { describeUnmet } from './unmet-obligations';

/** Unknown, or not visible to the caller: the two are not told apart. */
export class CooperationNotFound extends ApplicationError {
  readonly category = 'not-found';
  readonly code = 'cooperation-not-found';
  constructor(id: string) {
    super(problem('cooperation-not-found', { id }));
  }
}

/** `If-Match` names a version that is no longer the current one. */
export class VersionMismatch extends ApplicationError {
  readonly category = 'precondition-failed';
  readonly code = 'version-mismatch';
  constructor(private readonly current: number) {
    super(problem('version-mismatch', { current }));
  }
  override extensions(): Record<string, unknown> {
    return { currentVersion: this.current };
  }
  override get currentVersion(): number {
    return this.current;
  }
}

export class IdempotencyKeyReused extends ApplicationError {
  readonly category = 'unprocessable';
  readonly code = 'idempotency-key-reused';
  constructor() {
    super(problem('idempotency-key-reused'));
  }
}

export class ConcurrentUpdate extends ApplicationError {
  readonly category = 'conflict';
  readonly code = 'concurrent-update';
  constructor() {
    super(problem('concurrent-update'));
  }
}

/** Only coordinators of registered municipalities lead cooperations. */
export class NotARegisteredLead extends ApplicationError {
  readonly category = 'forbidden';
  readonly code = 'forbidden';
  constructor() {
    super(problem('not-a-registered-lead'));
  }
}

export class UnknownMunicipality extends ApplicationError {
  readonly category = 'unprocessable';
  readonly code = 'unknown-municipality';
  constructor(
    private readonly path: string,
    private readonly ags: string,
  ) {
    super(problem('unknown-municipality', { ags }));
  }
  override extensions(lang: Language): Record<string, unknown> {
    return fieldErrorsOf(lang, this.path, text('validation.notRegistered', { ags: this.ags }));
  }
}

/** A registered body the lifecycle cannot represent yet (no district or region, or another kind). */
export class UnsupportedMunicipality extends ApplicationError {
  readonly category = 'unprocessable';
  readonly code = 'unsupported-municipality';
  constructor(
    private readonly path: string,
    private readonly body: { ags: string; name: string; kind: string },
  ) {
    super(problem('unsupported-municipality', body));
  }
  override extensions(lang: Language): Record<string, unknown> {
    return fieldErrorsOf(lang, this.path, text('validation.cannotTakePart', { ags: this.body.ags }));
  }
}

/** A snapshot this engine cannot read must stop the request loudly, never be guessed at. */
export class UnknownDefinitionVersion extends ApplicationError {
  readonly category = 'internal';
  readonly code = 'unknown-definition-version';
  constructor(private readonly error: UnknownDefinitionVersionError) {
    super(problem('unknown-definition-version', { version: String(error.definitionVersion) }));
  }
  override extensions(): Record<string, unknown> {
    return { definitionVersion: this.error.definitionVersion };
  }
}

const REJECTIONS: Record<Rejected['kind'], { category: ErrorCategory; code: string; title: Text }> = {
  'event-not-allowed': {
    category: 'conflict',
    code: 'event-not-allowed',
    title: text('problems.event-not-allowed.title'),
  },
  forbidden: { category: 'forbidden', code: 'forbidden', title: text('problems.event-forbidden.title') },
  invalid: { category: 'unprocessable', code: 'invalid-event', title: text('problems.invalid-event.title') },
  'obligations-unmet': {
    category: 'conflict',
    code: 'obligations-unmet',
    title: text('problems.obligations-unmet.title'),
  },
};

/** The domain refused the event; `mapPath` translates domain field paths to the body's. */
export class EventRejected extends ApplicationError {
  readonly category: ErrorCategory;
  readonly code: string;
  constructor(
    readonly rejection: Rejected,
    private readonly mapPath: (path: string) => string = (p) => p,
    /** The cooperation as it was: names the municipalities in `missingText`. */
    private readonly context?: CooperationContext,
  ) {
    // The domain words its refusals itself (bilingual data beside its rules).
    super({ title: REJECTIONS[rejection.kind].title, detail: rejection.detail });
    ({ category: this.category, code: this.code } = REJECTIONS[rejection.kind]);
  }
  override extensions(lang: Language): Record<string, unknown> {
    switch (this.rejection.kind) {
      case 'invalid':
        return {
          errors: localizeFieldErrors(
            lang,
            firstPerPath((this.rejection.errors ?? []).map((e) => ({ ...e, path: this.mapPath(e.path) }))),
          ),
        };
      case 'obligations-unmet':
        return { obligations: describeUnmet(this.rejection.unmet ?? [], lang, this.context) };
      case 'event-not-allowed':
      case 'forbidden':
        return {};
    }
  }
}

/** One message per field, as the edge's validation answers: the domain's first for each path. */
function firstPerPath(errors: readonly DomainFieldError[]): FieldError[] {
  const byPath = new Map<string, FieldError>();
  for (const e of errors) if (!byPath.has(e.path)) byPath.set(e.path, e);
  return [...byPath.values()];
}
