import { isUuid, unstorableText } from '../common/domain/identifiers';
import { ProblemException, validationProblem } from '../common/problem';
import { canonicalize, sha256hex } from './domain';

const ENTITY_TAG = /^(W\/)?"([^"]*)"$/;

/** `ETag` value of a cooperation version. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * `If-Match`: undefined when absent, else the versions it names (`*` matches any). Weak tags never
 * match, as RFC 9110 requires strong comparison for `If-Match`.
 */
export function parseIfMatch(header: string | undefined): { any: boolean; versions: number[] } | undefined {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return { any: true, versions: [] };
  const tags = header.split(',').map((t) => ENTITY_TAG.exec(t.trim()));
  if (tags.length === 0 || tags.some((t) => t === null))
    throw validationProblem([{ path: 'If-Match', messages: ['If-Match must be "<version>" as sent in ETag, or *'] }]);
  return {
    any: false,
    versions: tags.filter((t) => !t![1] && /^[1-9]\d{0,9}$/.test(t![2])).map((t) => Number(t![2])),
  };
}

export function checkIfMatch(condition: ReturnType<typeof parseIfMatch>, currentVersion: number): void {
  if (!condition || condition.any || condition.versions.includes(currentVersion)) return;
  throw new ProblemException(
    412,
    'version-mismatch',
    'Precondition Failed',
    `The cooperation has changed: its current version is ${currentVersion}. Reload it and decide again.`,
    { currentVersion },
    { ETag: etagOf(currentVersion) },
  );
}

export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!isUuid(header.trim()))
    throw validationProblem([{ path: 'Idempotency-Key', messages: ['Idempotency-Key must be a UUID'] }]);
  return header.trim().toLowerCase();
}

/** What makes two requests "the same" for an idempotency key: method, path and canonical body. */
export const requestFingerprint = (method: string, path: string, body: unknown): string =>
  sha256hex(`${method.toUpperCase()} ${path}\n${canonicalize(body)}`);

/**
 * Paths of strings PostgreSQL's jsonb cannot store as sent: NUL characters are refused, and lone
 * UTF-16 surrogates would be stored as U+FFFD, so the stored payload would no longer match its
 * hash. Such input is refused up front rather than recorded wrongly.
 */
function unstorablePaths(value: unknown, path = ''): string[] {
  const at = (key: string | number) =>
    typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
  if (typeof value === 'string') return unstorableText(value) ? [path === '' ? '(body)' : path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorablePaths(v, at(i)));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => [
      ...(unstorableText(k) ? [at(k)] : []),
      ...unstorablePaths(v, at(k)),
    ]);
  return [];
}

export function assertStorable(body: unknown): void {
  const paths = unstorablePaths(body);
  if (paths.length > 0)
    throw validationProblem(
      paths.map((path) => ({ path, messages: ['must not contain NUL characters or unpaired surrogates'] })),
    );
}
