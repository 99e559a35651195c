import { type FieldError as ApiFieldError, ProblemException } from '../common/problem';
import {
  type FieldError,
  type ObligationResult,
  OBLIGATIONS,
  type Rejected,
  UnknownDefinitionVersionError,
} from './domain';
import type { Language } from './language';

/** An unmet obligation as clients see it: catalog texts in the answer language, what is missing. */
export interface UnmetObligation {
  id: string;
  message: string;
  citation: string;
  legalBasis: string | null;
  satisfiedBy: string;
  missing: string[];
}

export function describeUnmet(results: readonly ObligationResult[], lang: Language): UnmetObligation[] {
  return results
    .filter((r) => !r.met)
    .map((r) => {
      const o = OBLIGATIONS[r.id];
      return {
        id: r.id,
        message: o.text[lang],
        citation: o.citation,
        legalBasis: o.legalBasis,
        satisfiedBy: o.satisfiedBy[lang],
        missing: r.missing,
      };
    });
}

/** The domain reports one message per field; the API groups them per path like the DTO validation. */
export function toApiFieldErrors(errors: readonly FieldError[]): ApiFieldError[] {
  const byPath = new Map<string, string[]>();
  for (const e of errors) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e.message]);
  return [...byPath].map(([path, messages]) => ({ path, messages }));
}

const TITLES = {
  'event-not-allowed': 'Event not allowed in this state',
  forbidden: 'Forbidden',
  'invalid-event': 'The event is invalid',
  'obligations-unmet': 'Obligations unmet',
} as const;

/** A domain rejection as a problem document; `mapPath` translates domain field paths to the body's. */
export function rejectionProblem(
  rejection: Rejected,
  lang: Language,
  mapPath: (path: string) => string = (p) => p,
): ProblemException {
  const detail = rejection.detail[lang];
  switch (rejection.kind) {
    case 'event-not-allowed':
      return new ProblemException(409, 'event-not-allowed', TITLES['event-not-allowed'], detail);
    case 'forbidden':
      return new ProblemException(403, 'forbidden', TITLES.forbidden, detail);
    case 'invalid':
      return new ProblemException(422, 'invalid-event', TITLES['invalid-event'], detail, {
        errors: toApiFieldErrors((rejection.errors ?? []).map((e) => ({ ...e, path: mapPath(e.path) }))),
      });
    case 'obligations-unmet':
      return new ProblemException(409, 'obligations-unmet', TITLES['obligations-unmet'], detail, {
        obligations: describeUnmet(rejection.unmet ?? [], lang),
      });
  }
}

/** A snapshot this engine cannot read must stop the request loudly, never be guessed at. */
export function unknownDefinitionProblem(error: UnknownDefinitionVersionError): ProblemException {
  return new ProblemException(
    500,
    'unknown-definition-version',
    'Unknown lifecycle definition version',
    error.message,
    {
      definitionVersion: error.definitionVersion,
    },
  );
}

export const notFound = (id: string): ProblemException =>
  new ProblemException(404, 'cooperation-not-found', 'Not Found', `No cooperation ${id} is visible to you.`);

export const caseNotFound = (id: string): ProblemException =>
  new ProblemException(404, 'escalation-case-not-found', 'Not Found', `No escalation case ${id} is visible to you.`);

export const unknownMunicipality = (path: string, ags: string): ProblemException =>
  new ProblemException(422, 'unknown-municipality', 'Unknown municipality', `No public body ${ags} is registered.`, {
    errors: [{ path, messages: [`${ags} is not a registered public body`] }],
  });
