import type { EntityManager } from 'typeorm';
import { ProblemException } from '../../common/problem';

/** What a history entry records of a referenced document: the chain commits to its content. */
export interface DocumentReference {
  id: string;
  sha256: string;
}

/**
 * The references of `ids` for a history entry, in the order given, read in the command's
 * transaction. An id that is not a document of this cooperation is a 422 naming its position.
 */
export async function documentReferences(
  em: EntityManager,
  cooperationId: string,
  ids: readonly string[],
): Promise<DocumentReference[]> {
  const rows = await em.query<DocumentReference[]>(
    `SELECT id::text AS id, sha256 FROM cooperation_documents WHERE cooperation_id = $1 AND id = ANY($2::uuid[])`,
    [cooperationId, ids.map((id) => id.toLowerCase())],
  );
  const byId = new Map(rows.map((r) => [r.id, r.sha256]));
  const errors = ids.flatMap((id, i) =>
    byId.has(id.toLowerCase())
      ? []
      : [{ path: `documents.${i}`, messages: [`${id} is not a document of this cooperation`] }],
  );
  if (errors.length > 0)
    throw new ProblemException(
      422,
      'unknown-document',
      'Unknown document',
      'An event can only reference documents uploaded to the same cooperation.',
      { errors },
    );
  return ids.map((id) => ({ id: id.toLowerCase(), sha256: byId.get(id.toLowerCase())! }));
}
