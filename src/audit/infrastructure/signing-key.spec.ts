import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyIdOf } from '../domain/checkpoint';
import { DEVELOPMENT_KEY_FILE, loadSigningKey } from './signing-key';

describe('the checkpoint signing key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ikz-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  it('takes a configured PEM, with \\n escapes, or a path to one', () => {
    const key = pem();
    expect(loadSigningKey({ configured: key.replace(/\n/g, '\\n'), dataDirectory: null }).origin).toBe('configured');
    const file = join(dir, 'key.pem');
    writeFileSync(file, key);
    const loaded = loadSigningKey({ configured: file, dataDirectory: dir }).privateKey;
    expect(loaded.export({ type: 'pkcs8', format: 'pem' })).toBe(key);
  });

  it('refuses keys that are not Ed25519 PEM private keys', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() => loadSigningKey({ configured: rsa.toString(), dataDirectory: null })).toThrow(/Ed25519/);
    expect(() => loadSigningKey({ configured: '-----BEGIN nonsense', dataDirectory: null })).toThrow(/not a PEM/);
  });

  it('generates a development key once into the data directory (0600) and keeps it', () => {
    const first = loadSigningKey({ dataDirectory: join(dir, 'data') });
    const file = join(dir, 'data', DEVELOPMENT_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadSigningKey({ dataDirectory: join(dir, 'data') });
    expect(keyIdOf(createPublicKey(again.privateKey))).toBe(keyIdOf(createPublicKey(first.privateKey)));
    expect(readFileSync(file, 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
    const ephemeral = loadSigningKey({ dataDirectory: null });
    expect(ephemeral.origin).toBe('ephemeral');
    const data = Buffer.from('x');
    expect(verify(null, data, createPublicKey(ephemeral.privateKey), sign(null, data, ephemeral.privateKey))).toBe(
      true,
    );
  });
});
