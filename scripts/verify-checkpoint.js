#!/usr/bin/env node
// Checks an NDJSON export (GET /audit/transitions, Accept: application/x-ndjson) against a signed
// checkpoint (GET /audit/checkpoints/{id}) and the signer's public key (PEM, obtained independently).
// The format is docs/audit.md; hashes and canonical JSON are docs/hash-chain.md (./verify-chain.js).
// Usage: node scripts/verify-checkpoint.js checkpoint.json public-key.pem export.ndjson [--only-exported]
// Exit code 0: the signature holds and every signed head is in the export unchanged; 1 otherwise.
const { createHash, createPublicKey, verify: verifySignature } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { canon, chains, readNdjson, sha256, verify } = require('./verify-chain.js');
const [checkpointFile, keyFile, exportFile, flag] = process.argv.slice(2);
const cp = JSON.parse(readFileSync(checkpointFile, 'utf8'));
const key = createPublicKey(readFileSync(keyFile, 'utf8'));
const keyId = createHash('sha256')
  .update(key.export({ type: 'spki', format: 'der' }))
  .digest('hex');
function documentError() {
  if (cp.format !== 'ikz-checkpoint/1') return `unknown checkpoint format ${cp.format}`;
  if (cp.keyId !== keyId) return 'the checkpoint was signed with another key';
  const { format, id, createdAt, cooperations, entries, rootHash } = cp;
  const signed = Buffer.from(canon({ format, id, createdAt, cooperations, entries, rootHash, keyId }), 'utf8');
  if (!verifySignature(null, signed, key, Buffer.from(cp.signature, 'base64'))) return 'the signature does not match';
  const heads = [...cp.heads].sort((a, b) => (a.cooperationId < b.cooperationId ? -1 : 1));
  if (sha256(canon(heads)) !== rootHash) return 'the heads do not match the signed root hash';
  return cooperations === heads.length ? null : 'the number of cooperations does not match the heads';
}
// The first sequence whose entry differs from the one the checkpoint signed (fingerprint, then head hash).
function divergence(head, chain) {
  const fingerprints = Buffer.from(head.fingerprints, 'base64');
  for (let s = 1; s <= head.sequence; s++) {
    const e = chain[s - 1];
    const at = { cooperationId: head.cooperationId, sequence: s };
    if (!e || e.sequence !== s) return { ...at, reason: `entry ${s} is missing from the export` };
    if (e.hash.slice(0, 8) !== fingerprints.subarray((s - 1) * 4, s * 4).toString('hex')) {
      return { ...at, reason: 'the entry differs from the one the checkpoint signed' };
    }
    if (s === head.sequence && e.hash !== head.hash) {
      return { ...at, reason: 'the head differs from the one the checkpoint signed' };
    }
  }
  return null;
}
const error = documentError();
const byId = new Map(chains(readNdjson(exportFile)).map((c) => [c[0].cooperationId, c]));
const heads = error ? [] : cp.heads.filter((h) => flag !== '--only-exported' || byId.has(h.cooperationId));
const divergences = heads.map((h) => divergence(h, byId.get(h.cooperationId) ?? [])).filter(Boolean);
const broken = [...byId.values()]
  .map((c) => ({ cooperationId: c[0].cooperationId, ...verify(c) }))
  .filter((r) => !r.valid);
const valid = !error && divergences.length === 0 && broken.length === 0;
const result = {
  valid,
  checkpoint: cp.id,
  createdAt: cp.createdAt,
  documentError: error,
  heads: heads.length,
  divergences,
  broken,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exitCode = valid ? 0 : 1;
