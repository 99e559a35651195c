import { text } from '../../common/i18n';
import { validationProblem } from '../../common/problem';
import { isUuid } from '../../common/domain/identifiers';
import { canonicalize, sha256hex } from '../../history';
import type { VersionPrecondition } from '../application/command-runner';

const ENTITY_TAG = /^(W\/)?"([^"]*)"$/;

/**
 * `If-Match`: undefined when absent, else the versions it names (`*` matches any). Weak tags never
 * match, as RFC 9110 requires strong comparison for `If-Match`.
 */
export function parseIfMatch(header: string | undefined): VersionPrecondition | undefined {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return { any: true, versions: [] };
  const tags = header.split(',').map((t) => ENTITY_TAG.exec(t.trim()));
  if (tags.length === 0 || tags.some((t) => t === null)) {
    throw validationProblem([{ path: 'If-Match', message: text('validation.ifMatch') }]);
  }
  return {
    any: false,
    versions: tags.filter((t) => !t![1] && /^[1-9]\d{0,9}$/.test(t![2])).map((t) => Number(t![2])),
  };
}

export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!isUuid(header.trim())) {
    throw validationProblem([{ path: 'Idempotency-Key', message: text('validation.idempotencyKey') }]);
  }
  return header.trim().toLowerCase();
}

/** What makes two requests "the same" for an idempotency key: method, path and canonical body. */
export const requestFingerprint = (method: string, path: string, body: unknown): string =>
  sha256hex(`${method.toUpperCase()} ${path}\n${canonicalize(body)}`);
