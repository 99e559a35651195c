import { ApplicationError, type ErrorCategory, type FieldError } from '../../common/errors';
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
  readonly title = 'Not Found';
  constructor(id: string) {
    super(`No cooperation ${id} is visible to you.`);
  }
}

/** `If-Match` names a version that is no longer the current one. */
export class VersionMismatch extends ApplicationError {
  readonly category = 'precondition-failed';
  readonly code = 'version-mismatch';
  readonly title = 'Precondition Failed';
  constructor(private readonly current: number) {
    super(`The cooperation has changed: its current version is ${current}. Reload it and decide again.`);
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
  readonly title = 'Idempotency key reused';
  constructor() {
    super('This Idempotency-Key was already used for a different request. Use a new key for a new request.');
  }
}

export class ConcurrentUpdate extends ApplicationError {
  readonly category = 'conflict';
  readonly code = 'concurrent-update';
  readonly title = 'Conflict';
  constructor() {
    super('Another request changed the cooperation at the same time. Reload it and try again.');
  }
}

/** Only coordinators of registered municipalities lead cooperations. */
export class NotARegisteredLead extends ApplicationError {
  readonly category = 'forbidden';
  readonly code = 'forbidden';
  readonly title = 'Forbidden';
  constructor() {
    super('Only a coordinator of a registered municipality can open a cooperation.');
  }
}

export class UnknownMunicipality extends ApplicationError {
  readonly category = 'unprocessable';
  readonly code = 'unknown-municipality';
  readonly title = 'Unknown municipality';
  constructor(
    private readonly path: string,
    private readonly ags: string,
  ) {
    super(`No public body ${ags} is registered.`);
  }
  override extensions(): Record<string, unknown> {
    return { errors: [{ path: this.path, messages: [`${this.ags} is not a registered public body`] }] };
  }
}

/** A registered body the lifecycle cannot represent yet (no district or region, or another kind). */
export class UnsupportedMunicipality extends ApplicationError {
  readonly category = 'unprocessable';
  readonly code = 'unsupported-municipality';
  readonly title = 'Unsupported public body';
  constructor(
    private readonly path: string,
    private readonly body: { ags: string; name: string; kind: string },
  ) {
    super(`${body.name} (${body.ags}) is a ${body.kind} without the district and region the lifecycle needs.`);
  }
  override extensions(): Record<string, unknown> {
    return { errors: [{ path: this.path, messages: [`${this.body.ags} cannot take part in a cooperation yet`] }] };
  }
}

/** A snapshot this engine cannot read must stop the request loudly, never be guessed at. */
export class UnknownDefinitionVersion extends ApplicationError {
  readonly category = 'internal';
  readonly code = 'unknown-definition-version';
  readonly title = 'Unknown lifecycle definition version';
  constructor(private readonly error: UnknownDefinitionVersionError) {
    super(error.message);
  }
  override extensions(): Record<string, unknown> {
    return { definitionVersion: this.error.definitionVersion };
  }
}

const REJECTIONS: Record<Rejected['kind'], { category: ErrorCategory; title: string }> = {
  'event-not-allowed': { category: 'conflict', title: 'Event not allowed in this state' },
  forbidden: { category: 'forbidden', title: 'Forbidden' },
  invalid: { category: 'unprocessable', title: 'The event is invalid' },
  'obligations-unmet': { category: 'conflict', title: 'Obligations unmet' },
};

/** The domain refused the event; `mapPath` translates domain field paths to the body's. */
export class EventRejected extends ApplicationError {
  readonly category: ErrorCategory;
  readonly code: string;
  readonly title: string;
  constructor(
    readonly rejection: Rejected,
    private readonly mapPath: (path: string) => string = (p) => p,
    /** The cooperation as it was: names the municipalities in `missingText`. */
    private readonly context?: CooperationContext,
  ) {
    super(rejection.detail);
    this.code = rejection.kind === 'invalid' ? 'invalid-event' : rejection.kind;
    ({ category: this.category, title: this.title } = REJECTIONS[rejection.kind]);
  }
  override extensions(lang: Language): Record<string, unknown> {
    switch (this.rejection.kind) {
      case 'invalid':
        return {
          errors: groupByPath((this.rejection.errors ?? []).map((e) => ({ ...e, path: this.mapPath(e.path) }))),
        };
      case 'obligations-unmet':
        return { obligations: describeUnmet(this.rejection.unmet ?? [], lang, this.context) };
      case 'event-not-allowed':
      case 'forbidden':
        return {};
    }
  }
}

/** The domain reports one message per field; answers group them per path like the edge's validation. */
function groupByPath(errors: readonly DomainFieldError[]): FieldError[] {
  const byPath = new Map<string, string[]>();
  for (const e of errors) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e.message]);
  return [...byPath].map(([path, messages]) => ({ path, messages }));
}
