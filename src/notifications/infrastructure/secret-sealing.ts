import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/*
 * Webhook secrets at rest (docs/notifications.md): sealed with AES-256-GCM under
 * NOTIFICATIONS_SECRET_KEY, the subscription's id as additional data (a sealed value copied to
 * another row does not open). The dispatcher needs the plain secret to sign, so it is sealed, not
 * hashed.
 */

export const DEVELOPMENT_SECRET_KEY_FILE = 'notifications-secret-key';
const SEALED_PREFIX = 'v1:';
/** Secrets written before sealing (migration 1764700000001): the Standard Webhooks form, in the clear. */
const LEGACY_PREFIX = 'whsec_';

export interface SecretKeySource {
  /** NOTIFICATIONS_SECRET_KEY: 32 bytes as base64 or as 64 hex digits. */
  configured?: string;
  /** IKZ_DATA_DIR of the embedded default; null for `:memory:` or PostgreSQL. */
  dataDirectory: string | null;
  /** DATABASE_URL, for the development key derived where neither of the above is there. */
  databaseUrl?: string;
}

export interface SecretKey {
  key: Buffer;
  origin: 'configured' | 'data-directory' | 'derived';
}

function decodeKey(text: string, where: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) {
    throw new Error(`NOTIFICATIONS_SECRET_KEY (${where}) must be 32 bytes, as base64 or 64 hex digits`);
  }
  return key;
}

/**
 * The configured key; else, for the embedded default, a development key generated once into the
 * data directory (mode 0600) and reused, like the audit key; else a development key derived from
 * the connection string — stable across restarts, so sealed secrets stay usable, but no secret:
 * configure a key for PostgreSQL.
 */
export function loadSecretKey(source: SecretKeySource): SecretKey {
  if (source.configured?.trim()) return { key: decodeKey(source.configured, 'configured'), origin: 'configured' };
  if (source.dataDirectory) {
    const file = join(resolve(source.dataDirectory), DEVELOPMENT_SECRET_KEY_FILE);
    if (existsSync(file)) return { key: decodeKey(readFileSync(file, 'utf8'), file), origin: 'data-directory' };
    const key = randomBytes(32);
    mkdirSync(resolve(source.dataDirectory), { recursive: true });
    writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    return { key, origin: 'data-directory' };
  }
  const derived = hkdfSync('sha256', source.databaseUrl ?? '', 'ikz-notifications', 'webhook-secrets', 32);
  return { key: Buffer.from(derived), origin: 'derived' };
}

/** `v1:<iv>:<tag>:<ciphertext>`, each base64. */
export function seal(key: Buffer, plain: string, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${SEALED_PREFIX}${[iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join(':')}`;
}

/** The plain secret; throws when the value was sealed under another key or for another row. */
export function unseal(key: Buffer, stored: string, boundTo: string): string {
  if (isLegacyPlain(stored)) return stored;
  if (!stored.startsWith(SEALED_PREFIX)) throw new Error('not a sealed webhook secret');
  const [iv, tag, body] = stored
    .slice(SEALED_PREFIX.length)
    .split(':')
    .map((p) => Buffer.from(p, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(boundTo, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

export const isLegacyPlain = (stored: string): boolean => stored.startsWith(LEGACY_PREFIX);
