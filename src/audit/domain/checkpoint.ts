import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalize, sha256hex } from '../../history/domain/hash-chain';

/**
 * Signed checkpoints (docs/audit.md § Checkpoints). Pure: no database, no clock.
 *
 * - A **head** is one cooperation's last entry at checkpoint time — `{cooperationId, sequence, hash}` —
 *   plus `fingerprints`: base64 of the first FINGERPRINT_BYTES bytes of the hash of every entry
 *   1…sequence, concatenated in sequence order. The head hash alone proves that the history up to it is
 *   unchanged; the fingerprints tell where a rewritten history first differs.
 * - `rootHash` = lowercase hex SHA-256 of the canonical JSON (docs/hash-chain.md § 2) of the heads
 *   sorted by `cooperationId`.
 * - The signature is Ed25519 over the UTF-8 canonical JSON of the signed members
 *   `{format, id, createdAt, cooperations, entries, rootHash, keyId}`, base64.
 * - `keyId` = lowercase hex SHA-256 of the public key's DER SubjectPublicKeyInfo.
 */
export const CHECKPOINT_FORMAT = 'ikz-checkpoint/1';
export const FINGERPRINT_BYTES = 4;

export interface CheckpointHead {
  cooperationId: string;
  sequence: number;
  hash: string;
  fingerprints: string;
}

export interface SignedMembers {
  format: typeof CHECKPOINT_FORMAT;
  id: string;
  createdAt: string;
  cooperations: number;
  entries: number;
  rootHash: string;
  keyId: string;
}

export interface CheckpointDocument extends SignedMembers {
  algorithm: 'Ed25519';
  signature: string;
  /** The signer's public key (PEM) for convenience; verify with a copy obtained independently. */
  publicKey: string;
  heads: CheckpointHead[];
}

export const keyIdOf = (publicKey: KeyObject): string =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');

export const publicKeyPem = (publicKey: KeyObject): string =>
  publicKey.export({ type: 'spki', format: 'pem' }).toString();

const byCooperation = (a: CheckpointHead, b: CheckpointHead) =>
  a.cooperationId < b.cooperationId ? -1 : a.cooperationId > b.cooperationId ? 1 : 0;

export const rootHashOf = (heads: readonly CheckpointHead[]): string =>
  sha256hex(canonicalize([...heads].sort(byCooperation)));

export function signedMessage(d: SignedMembers): string {
  const { format, id, createdAt, cooperations, entries, rootHash, keyId } = d;
  return canonicalize({ format, id, createdAt, cooperations, entries, rootHash, keyId });
}

export function signCheckpoint(
  members: Omit<SignedMembers, 'format' | 'rootHash' | 'keyId' | 'cooperations' | 'entries'>,
  heads: CheckpointHead[],
  privateKey: KeyObject,
): CheckpointDocument {
  const publicKey = createPublicKey(privateKey);
  const sorted = [...heads].sort(byCooperation);
  const signed: SignedMembers = {
    format: CHECKPOINT_FORMAT,
    id: members.id,
    createdAt: members.createdAt,
    cooperations: sorted.length,
    entries: sorted.reduce((n, h) => n + h.sequence, 0),
    rootHash: rootHashOf(sorted),
    keyId: keyIdOf(publicKey),
  };
  const signature = sign(null, Buffer.from(signedMessage(signed), 'utf8'), privateKey).toString('base64');
  return { ...signed, algorithm: 'Ed25519', signature, publicKey: publicKeyPem(publicKey), heads: sorted };
}

/** Signature, key id and root hash; null when all hold, else the reason. */
export function checkDocument(d: CheckpointDocument, publicKey: KeyObject): string | null {
  if (d.format !== CHECKPOINT_FORMAT) return `unknown checkpoint format ${String(d.format)}`;
  if (d.keyId !== keyIdOf(publicKey)) return 'the checkpoint was signed with another key';
  let ok = false;
  try {
    ok = verify(null, Buffer.from(signedMessage(d), 'utf8'), publicKey, Buffer.from(d.signature, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) return 'the signature does not match the checkpoint';
  if (rootHashOf(d.heads) !== d.rootHash) return 'the heads do not match the signed root hash';
  if (d.cooperations !== d.heads.length) return 'the number of cooperations does not match the heads';
  return null;
}

/** Collects one cooperation's head and fingerprints from its hashes in sequence order. */
export class HeadBuilder {
  private readonly prefixes: Buffer[] = [];
  private last?: { sequence: number; hash: string };

  constructor(readonly cooperationId: string) {}

  push(sequence: number, hash: string): void {
    this.prefixes.push(Buffer.from(hash.slice(0, FINGERPRINT_BYTES * 2), 'hex'));
    this.last = { sequence, hash };
  }

  head(): CheckpointHead | null {
    if (!this.last) return null;
    return {
      cooperationId: this.cooperationId,
      sequence: this.last.sequence,
      hash: this.last.hash,
      fingerprints: Buffer.concat(this.prefixes).toString('base64'),
    };
  }
}

export interface Divergence {
  cooperationId: string;
  sequence: number;
  reason: string;
}

/**
 * Compares one cooperation's current entries (fed in sequence order) with its head in a checkpoint:
 * the first sequence whose hash differs from the fingerprint the checkpoint signed, or the head
 * itself when only the full hash tells (or an entry is missing).
 */
export class HeadComparator {
  private readonly fingerprints: Buffer;
  private expected = 1;
  private divergence: Divergence | null = null;

  constructor(private readonly head: CheckpointHead) {
    this.fingerprints = Buffer.from(head.fingerprints, 'base64');
  }

  /** false once a divergence is found or the head is passed: later entries need not be read. */
  push(sequence: number, hash: string): boolean {
    if (this.divergence || this.expected > this.head.sequence) return false;
    if (sequence !== this.expected) return this.diverge(this.expected, `entry ${this.expected} is missing`);
    const at = (sequence - 1) * FINGERPRINT_BYTES;
    const signed = this.fingerprints.subarray(at, at + FINGERPRINT_BYTES).toString('hex');
    if (hash.slice(0, FINGERPRINT_BYTES * 2) !== signed) {
      return this.diverge(sequence, 'the entry differs from the one the checkpoint signed');
    }
    if (sequence === this.head.sequence && hash !== this.head.hash) {
      return this.diverge(sequence, 'the head differs from the one the checkpoint signed');
    }
    this.expected++;
    return true;
  }

  result(): Divergence | null {
    if (this.divergence) return this.divergence;
    if (this.expected <= this.head.sequence) {
      return {
        cooperationId: this.head.cooperationId,
        sequence: this.expected,
        reason: `entries ${this.expected}…${this.head.sequence} are missing`,
      };
    }
    return null;
  }

  private diverge(sequence: number, reason: string): false {
    this.divergence = { cooperationId: this.head.cooperationId, sequence, reason };
    return false;
  }
}
