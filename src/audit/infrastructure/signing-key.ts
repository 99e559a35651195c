import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DEVELOPMENT_KEY_FILE = 'audit-signing-key.pem';

export interface SigningKeySource {
  /** AUDIT_SIGNING_KEY: a PEM (PKCS#8) or the path of a file holding one. */
  configured?: string;
  /** IKZ_DATA_DIR of the embedded default; null for `:memory:` or PostgreSQL. */
  dataDirectory: string | null;
}

export interface SigningKey {
  privateKey: KeyObject;
  origin: 'configured' | 'data-directory' | 'ephemeral';
}

function ed25519(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new Error(`AUDIT_SIGNING_KEY (${where}) is not a PEM private key: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`AUDIT_SIGNING_KEY (${where}) must be an Ed25519 key, not ${String(key.asymmetricKeyType)}`);
  }
  return key;
}

function readKeyFile(path: string): string {
  try {
    return readFileSync(resolve(path), 'utf8');
  } catch (error) {
    throw new Error(
      `AUDIT_SIGNING_KEY is neither a PEM key nor a readable file (${resolve(path)}: ${(error as NodeJS.ErrnoException).code}): ` +
        'give the Ed25519 private key as PEM (PKCS#8) or the path of a file holding it, or unset it for a development key',
    );
  }
}

/**
 * The key a server on `source` would sign with, if it exists already: the configured one, or the
 * development key in the data directory. Null where a server would generate one (nothing is
 * written here): backup and restore name keys, they never make them.
 */
export function existingSigningKey(source: SigningKeySource): KeyObject | null {
  if (source.configured?.trim()) return loadSigningKey(source).privateKey;
  if (!source.dataDirectory) return null;
  return existsSync(join(resolve(source.dataDirectory), DEVELOPMENT_KEY_FILE))
    ? loadSigningKey(source).privateKey
    : null;
}

/**
 * The configured key; else, for the embedded default, a development key generated once into the
 * data directory (mode 0600) and reused; else one for this process only (checkpoints it signed
 * stay verifiable with the public key they carry, but configure a key for PostgreSQL).
 */
export function loadSigningKey(source: SigningKeySource): SigningKey {
  const configured = source.configured?.trim();
  if (configured) {
    const pem = configured.startsWith('-----BEGIN') ? configured.replace(/\\n/g, '\n') : readKeyFile(configured);
    return { privateKey: ed25519(pem, configured.startsWith('-----BEGIN') ? 'PEM' : configured), origin: 'configured' };
  }
  if (source.dataDirectory) {
    const file = join(resolve(source.dataDirectory), DEVELOPMENT_KEY_FILE);
    if (existsSync(file)) return { privateKey: ed25519(readFileSync(file, 'utf8'), file), origin: 'data-directory' };
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(resolve(source.dataDirectory), { recursive: true });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    return { privateKey, origin: 'data-directory' };
  }
  return { privateKey: generateKeyPairSync('ed25519').privateKey, origin: 'ephemeral' };
}
