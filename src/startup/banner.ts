import { resolve } from 'node:path';
import { DEVELOPMENT_JWT_SECRET, type Environment } from '../config/configuration';
import { VERSION } from '../common/version';
import { describeDatabaseUrl } from './preflight';

/** What the banner says about the token keys; also a field of the banner's log line. */
function tokenKeys(env: Environment): 'jwks' | 'public-key' | 'development-secret' | 'secret' {
  if (env.JWT_JWKS_URL) return 'jwks';
  if (env.JWT_PUBLIC_KEY) return 'public-key';
  return env.JWT_SECRET === DEVELOPMENT_JWT_SECRET ? 'development-secret' : 'secret';
}

function database(env: Environment): string {
  if (env.DATABASE_URL) {
    const schema = env.DATABASE_SCHEMA ? ` (schema ${env.DATABASE_SCHEMA})` : '';
    return `PostgreSQL ${describeDatabaseUrl(env.DATABASE_URL)}${schema}`;
  }
  const place = env.IKZ_DATA_DIR === ':memory:' ? 'im Speicher / in memory (nothing kept)' : resolve(env.IKZ_DATA_DIR);
  return `eingebettet / embedded (PGlite) ${place}`;
}

/**
 * The one start-up banner (German first, English second): where the server listens, its version,
 * its database, how tokens are checked and how to get one, and where the console, the API
 * documentation, health and metrics are. Logged once, with these facts as the field `startup`.
 */
export function banner(env: Environment, url: string): { text: string; fields: Record<string, unknown> } {
  const keys = tokenKeys(env);
  const signIn = {
    jwks: `Tokens des Identitätsanbieters / identity provider's tokens (JWKS ${env.JWT_JWKS_URL})`,
    'public-key': "Tokens des Identitätsanbieters / identity provider's tokens (JWT_PUBLIC_KEY, RS256)",
    'development-secret':
      'ENTWICKLUNGS-SECRET aktiv, nicht für den Betrieb / DEVELOPMENT SECRET in use, not for production — ' +
      'Token: npm run -s token -- --role coordinator --municipality 05315000',
    secret: 'JWT_SECRET (HS256) — Token: JWT_SECRET=… npm run -s token -- --role coordinator --municipality 05315000',
  }[keys];
  const metrics = env.METRICS_TOKEN
    ? `${url}/metrics (Bearer METRICS_TOKEN)`
    : env.NODE_ENV === 'production'
      ? 'aus / off (METRICS_TOKEN nicht gesetzt / not set)'
      : `${url}/metrics (offen / open: METRICS_TOKEN nicht gesetzt / not set)`;
  const lines = [
    `IKZ-Lebenszyklus-Engine / IKZ lifecycle engine ${VERSION} läuft auf / listening on ${url} (${env.NODE_ENV})`,
    `  Datenbank / database:   ${database(env)}`,
    `  Anmeldung / sign-in:    ${signIn}`,
    `  Konsole / console:      ${url}/`,
    `  API-Doku / API docs:    ${url}/docs`,
    `  Zustand / health:       ${url}/health/live, ${url}/health/ready`,
    `  Metriken / metrics:     ${metrics}`,
  ];
  return {
    text: lines.join('\n'),
    fields: {
      version: VERSION,
      url,
      database: env.DATABASE_URL ? 'postgres' : 'embedded',
      tokenKeys: keys,
      developmentSecret: keys === 'development-secret',
    },
  };
}
