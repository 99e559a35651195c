#!/usr/bin/env node
// Verifies an NDJSON export of history entries; the encoding is docs/hash-chain.md. One cooperation:
// {valid, entries, headHash | firstBrokenSequence, reason}; several (the audit feed's export): each
// chain on its own, {valid, chains, entries, broken: [{cooperationId, …}]}.
// Usage: node scripts/verify-chain.js [file] (reads stdin without one). Exit code 0 valid, 1 broken.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const FIELDS = 'cooperationId sequence eventType payload actor stateBefore stateAfter obligations';
const CONTENT = `${FIELDS} recordedAt requestId idempotencyKey`.split(' ');
// Fixed-width hex per code point: comparing these strings compares keys by Unicode code point.
const cp = (s) => [...s].map((c) => c.codePointAt(0).toString(16).padStart(6, '0')).join('');
const sortedKeys = (v) => Object.keys(v).sort((a, b) => (cp(a) < cp(b) ? -1 : 1));
const member = (v) => (k) => `${JSON.stringify(k)}:${canon(v[k])}`;
// Input comes from JSON.parse: no undefined, non-finite numbers or class instances to refuse.
const canon = (v) =>
  v === null || typeof v !== 'object'
    ? JSON.stringify(v)
    : Array.isArray(v)
      ? `[${v.map(canon).join(',')}]`
      : `{${sortedKeys(v).map(member(v)).join(',')}}`;
const content = (e) => Object.fromEntries(CONTENT.filter((k) => k in e).map((k) => [k, e[k]]));
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
function verify(entries) {
  const n = entries.length;
  let prev = '0'.repeat(64);
  for (const [i, e] of entries.entries()) {
    const failed = [
      [e.sequence === i + 1, `expected sequence ${i + 1}, found ${e.sequence}`],
      [e.cooperationId === entries[0].cooperationId, 'entry belongs to another cooperation'],
      [e.prevHash === prev, 'prevHash does not match the previous entry'],
      [sha256(prev + canon(content(e))) === e.hash, 'hash does not match the entry content'],
    ].find(([ok]) => !ok);
    if (failed) return { valid: false, entries: n, firstBrokenSequence: i + 1, reason: failed[1] };
    prev = e.hash;
  }
  return { valid: true, entries: n, headHash: prev };
}
// The entries of each cooperation in sequence order (an export across cooperations interleaves them).
function chains(entries) {
  const byId = new Map();
  for (const e of entries) {
    if (!byId.has(e.cooperationId)) byId.set(e.cooperationId, []);
    byId.get(e.cooperationId).push(e);
  }
  return [...byId.values()].map((c) =>
    c.sort((a, b) => (a.sequence > b.sequence ? 1 : a.sequence < b.sequence ? -1 : 0)),
  );
}
function verifyExport(entries) {
  const all = chains(entries);
  if (all.length <= 1) return verify(all[0] ?? []);
  const broken = all.map((c) => ({ cooperationId: c[0].cooperationId, ...verify(c) })).filter((r) => !r.valid);
  return { valid: broken.length === 0, chains: all.length, entries: entries.length, broken };
}
const readNdjson = (file) =>
  readFileSync(file ?? 0, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
module.exports = { canon, chains, readNdjson, sha256, verify };
if (require.main === module) {
  const result = verifyExport(readNdjson(process.argv[2]));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exitCode = result.valid ? 0 : 1;
}
