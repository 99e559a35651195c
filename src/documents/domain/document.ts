/** What a document is evidence of; `other` when the uploader does not say. */
export const DOCUMENT_KINDS = ['signed-loi', 'council-resolution', 'contract', 'approval-notice', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A stored document's metadata; the content is read separately. */
export interface EvidenceDocument {
  id: string;
  cooperationId: string;
  kind: string;
  description: string | null;
  /** As sent by the client; not trusted. */
  fileName: string | null;
  /** Sniffed from the content (`sniff.ts`). */
  mediaType: string;
  sizeBytes: number;
  /** SHA-256 of the content, hex. */
  sha256: string;
  uploadedBy: { sub: string; role: string; municipality: string | null };
  uploadedAt: string;
}

/** What a history entry records of a referenced document: the chain commits to its content. */
export interface DocumentReference {
  id: string;
  sha256: string;
}
