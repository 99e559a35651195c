import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { text } from '../../common/i18n';
import type { DocumentReference } from '../domain/document';
import { DocumentRepository } from '../infrastructure/document.repository';
import { UnknownDocument } from './documents.errors';

/** Resolves the documents an event references, for its history entry, in the command's transaction. */
@Injectable()
export class DocumentReferences {
  constructor(private readonly documents: DocumentRepository) {}

  /** The references of `ids` in the order given; an id that is not a document of this cooperation names its position. */
  async resolve(tx: EntityManager, cooperationId: string, ids: readonly string[]): Promise<DocumentReference[]> {
    const wanted = ids.map((id) => id.toLowerCase());
    const found = await this.documents.references(tx, cooperationId, wanted);
    const byId = new Map(found.map((r) => [r.id, r.sha256]));
    const errors = ids.flatMap((id, i) =>
      byId.has(wanted[i]) ? [] : [{ path: `documents.${i}`, message: text('validation.notADocument', { id }) }],
    );
    if (errors.length > 0) throw new UnknownDocument(errors);
    return wanted.map((id) => ({ id, sha256: byId.get(id)! }));
  }
}
