import { generateKeyPairSync } from 'node:crypto';
import { checkDocument, HeadBuilder, HeadComparator, keyIdOf, signCheckpoint } from './checkpoint';

describe('checkpoint documents', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const hashes = (seed: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${seed}${String(i).padStart(8, '0')}`.padEnd(64, '0').slice(0, 64));
  const head = (id: string, hs: string[]) => {
    const b = new HeadBuilder(id);
    hs.forEach((h, i) => b.push(i + 1, h));
    return b.head()!;
  };
  const a = hashes('aa', 5);
  const b = hashes('bb', 3);
  const doc = signCheckpoint(
    { id: '00000000-0000-4000-8000-000000000001', createdAt: '2026-11-26T00:00:00.000Z' },
    [head('b0000000-0000-4000-8000-000000000000', b), head('a0000000-0000-4000-8000-000000000000', a)],
    privateKey,
  );

  it('sorts heads, counts entries, and verifies with the signing key only', () => {
    expect(doc.heads.map((h) => h.cooperationId)).toEqual([
      'a0000000-0000-4000-8000-000000000000',
      'b0000000-0000-4000-8000-000000000000',
    ]);
    expect(doc).toMatchObject({ cooperations: 2, entries: 8, keyId: keyIdOf(publicKey) });
    expect(checkDocument(doc, publicKey)).toBeNull();
    expect(checkDocument(doc, generateKeyPairSync('ed25519').publicKey)).toMatch(/another key/);
    expect(checkDocument({ ...doc, entries: 9 }, publicKey)).toMatch(/signature/);
    expect(checkDocument({ ...doc, heads: doc.heads.slice(1) }, publicKey)).toMatch(/root hash/);
  });

  it('names the first entry that differs, or the missing ones', () => {
    const compare = (hs: string[]) => {
      const c = new HeadComparator(doc.heads[0]);
      hs.forEach((h, i) => c.push(i + 1, h));
      return c.result();
    };
    expect(compare(a)).toBeNull();
    expect(compare([...a, 'f'.repeat(64)])).toBeNull(); // later entries are not the checkpoint's business
    const rewritten = a.map((h, i) => (i >= 2 ? `ff${h.slice(2)}` : h));
    expect(compare(rewritten)).toMatchObject({ sequence: 3, reason: expect.stringMatching(/differs/) });
    const lastOnly = a.map((h, i) => (i === 4 ? `${h.slice(0, 60)}ffff` : h)); // same fingerprint, other hash
    expect(compare(lastOnly)).toMatchObject({ sequence: 5, reason: expect.stringMatching(/head differs/) });
    expect(compare(a.slice(0, 3))).toMatchObject({ sequence: 4, reason: 'entries 4…5 are missing' });
  });
});
