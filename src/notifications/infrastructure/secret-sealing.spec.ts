import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateEnvironment } from '../../config/configuration';
import { DEVELOPMENT_SECRET_KEY_FILE, loadSecretKey, seal, unseal } from './secret-sealing';

const KEY = Buffer.alloc(32, 1);
const SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;

describe('webhook secrets sealed at rest (AES-256-GCM)', () => {
  it('opens what it sealed, with a fresh IV each time', () => {
    const a = seal(KEY, SECRET, 'sub-1');
    expect(a).toMatch(/^v1:/);
    expect(a).not.toContain(SECRET.slice(6));
    expect(seal(KEY, SECRET, 'sub-1')).not.toBe(a);
    expect(unseal(KEY, a, 'sub-1')).toBe(SECRET);
  });

  it('does not open under another key or for another subscription (the id is authenticated data)', () => {
    const sealed = seal(KEY, SECRET, 'sub-1');
    expect(() => unseal(Buffer.alloc(32, 2), sealed, 'sub-1')).toThrow();
    expect(() => unseal(KEY, sealed, 'sub-2')).toThrow();
  });

  it('reads a secret still in the clear from before the migration', () => {
    expect(unseal(KEY, SECRET, 'sub-1')).toBe(SECRET);
    expect(() => unseal(KEY, 'garbage', 'sub-1')).toThrow(/not a sealed/);
  });

  it('takes the configured key as base64 or hex and refuses another length', () => {
    expect(loadSecretKey({ configured: KEY.toString('base64'), dataDirectory: null }).key).toEqual(KEY);
    expect(loadSecretKey({ configured: KEY.toString('hex'), dataDirectory: null })).toEqual({
      key: KEY,
      origin: 'configured',
    });
    expect(() => loadSecretKey({ configured: 'c2hvcnQ=', dataDirectory: null })).toThrow(/32 bytes/);
  });

  it('refuses to start with a NOTIFICATIONS_SECRET_KEY that is not 32 bytes', () => {
    expect(() => validateEnvironment({ NOTIFICATIONS_SECRET_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/);
    expect(validateEnvironment({ NOTIFICATIONS_SECRET_KEY: KEY.toString('base64') }).NOTIFICATIONS_SECRET_KEY).toBe(
      KEY.toString('base64'),
    );
  });

  it('generates a development key once into the data directory (0600) and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ikz-secret-key-'));
    const first = loadSecretKey({ dataDirectory: dir });
    expect(first.origin).toBe('data-directory');
    const file = join(dir, DEVELOPMENT_SECRET_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8'), 'base64')).toEqual(first.key);
    expect(loadSecretKey({ dataDirectory: dir }).key).toEqual(first.key);
  });

  it('derives a stable development key from the connection string where there is no data directory', () => {
    const a = loadSecretKey({ dataDirectory: null, databaseUrl: 'postgres://db/ikz' });
    expect(a.origin).toBe('derived');
    expect(loadSecretKey({ dataDirectory: null, databaseUrl: 'postgres://db/ikz' }).key).toEqual(a.key);
    expect(loadSecretKey({ dataDirectory: null, databaseUrl: 'postgres://other/ikz' }).key).not.toEqual(a.key);
  });
});
