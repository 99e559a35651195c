import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, validateSync } from 'class-validator';

/** The development secret is public (it is in this file); production must not accept tokens signed with it. */
export const DEVELOPMENT_JWT_SECRET = 'ikz-development-secret-do-not-use-in-production';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/** The rate limit of a production server unless RATE_LIMIT_PER_MINUTE says otherwise: 10 requests a second. */
export const PRODUCTION_RATE_LIMIT_PER_MINUTE = 600;
/** Development and tests: high enough never to get in the way, a limit all the same. */
export const DEVELOPMENT_RATE_LIMIT_PER_MINUTE = 600_000;

/** A claim name, or a dotted path into nested claims (`realm_access.roles`). */
const CLAIM_PATH = /^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/;

/** Every environment variable the server reads; README.md documents each. */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsString()
  HOST = '127.0.0.1';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Unset: the embedded PostgreSQL (PGlite) in IKZ_DATA_DIR. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /** Folder of the embedded database; `:memory:` keeps it in memory only (tests). */
  @IsString()
  IKZ_DATA_DIR = './data';

  /** Schema on DATABASE_URL to work in (created if missing); the tests use one per test file. */
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  DATABASE_SCHEMA?: string;

  @Transform(toBoolean)
  @IsBoolean()
  DB_MIGRATIONS_RUN = true;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  DB_STATEMENT_TIMEOUT_MS = 15_000;

  @IsString()
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  /** PEM-encoded RS256 public key; when set, HS256 tokens are no longer accepted. */
  @IsOptional()
  @IsString()
  JWT_PUBLIC_KEY?: string;

  /** JWKS endpoint of the identity provider (RS256/ES256); takes precedence over the other key settings. */
  @IsOptional()
  @IsString()
  JWT_JWKS_URL?: string;

  @IsOptional()
  @IsString()
  JWT_ISSUER?: string;

  @IsOptional()
  @IsString()
  JWT_AUDIENCE?: string;

  /**
   * OpenID Connect issuer the console signs in with (authorization code flow with PKCE). Set: the
   * API takes its keys from the issuer's discovery document (unless JWT_JWKS_URL is set), requires
   * `iss` = this issuer and `aud` = JWT_AUDIENCE or else OIDC_CLIENT_ID; the development sign-in is gone.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  OIDC_ISSUER?: string;

  /** The console's client at the identity provider (public client, PKCE, no secret). */
  @IsOptional()
  @IsString()
  OIDC_CLIENT_ID?: string;

  /** Scopes the console asks for, space-separated. */
  @Matches(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/)
  OIDC_SCOPES = 'openid profile';

  /** Access-token claim that carries the role: a string, or a list with one of the roles; dots reach into objects. */
  @Matches(CLAIM_PATH)
  OIDC_ROLE_CLAIM = 'role';

  /** Access-token claim that carries the municipality's AGS (coordinators and board members); dots as above. */
  @Matches(CLAIM_PATH)
  OIDC_MUNICIPALITY_CLAIM = 'municipality';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  BODY_LIMIT = '100kb';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  SHUTDOWN_GRACE_MS = 10_000;

  /** Run the durable-timer scheduler in this instance (several instances may share one database). */
  @Transform(toBoolean)
  @IsBoolean()
  TIMERS_ENABLED = true;

  /** How often the scheduler looks for due timers; the first look is at startup. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(10)
  TIMER_POLL_MS = 5_000;

  /**
   * Ed25519 private key (PEM, PKCS#8) that signs audit checkpoints, or the path of a file holding it.
   * Unset: a development key, generated once and kept in IKZ_DATA_DIR (per process in memory).
   */
  @IsOptional()
  @IsString()
  AUDIT_SIGNING_KEY?: string;

  /** How often the server signs a checkpoint of every chain's head; 0: only on request. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  CHECKPOINT_INTERVAL_MS = 3_600_000;

  /**
   * Requests per minute per caller (the token's `sub`; the IP address without a valid token), per
   * process. Unset: PRODUCTION_RATE_LIMIT_PER_MINUTE in production, generous elsewhere (docs/limits.md).
   */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE!: number;

  /** Largest evidence document accepted by `POST …/documents`, in bytes (413 above). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

  /*
   * Limits on what one caller can make grow (docs/limits.md). Per day means the last 24 hours of the
   * server's clock. Concurrent requests are checked one by one and may pass a limit by their number.
   */

  /** LoI drafts, and separately contract drafts, per cooperation (409 limit-exceeded above). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  MAX_DRAFTS_PER_COOPERATION = 100;

  /** Escalation cases open at once in one cooperation (409 limit-exceeded above). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  MAX_OPEN_CASES_PER_COOPERATION = 20;

  /** Cooperations one caller (token `sub`) opens per day (429 limit-exceeded above). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  MAX_COOPERATIONS_PER_CALLER_PER_DAY = 50;

  /** Evidence documents per cooperation (409 limit-exceeded above). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  MAX_DOCUMENTS_PER_COOPERATION = 1_000;

  /** Evidence documents one caller uploads per day (429 limit-exceeded above). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  MAX_DOCUMENTS_PER_CALLER_PER_DAY = 500;

  /**
   * How long a stored idempotent answer is replayed. Older answers are removed hourly and ignored
   * at lookup: a retry after that is decided afresh, like a new request.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  IDEMPOTENCY_RETENTION_HOURS = 48;
  /** Run the notification dispatcher and reminder scheduler in this instance (several may share one database). */
  @Transform(toBoolean)
  @IsBoolean()
  NOTIFY_ENABLED = true;

  /** How often the dispatcher looks for events to expand, reminders to send and deliveries to attempt. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(10)
  NOTIFY_POLL_MS = 2_000;

  /** Reminder lead times before a deadline, in NRW working days, comma-separated. */
  @Matches(/^\s*(\d{1,3}\s*(,\s*\d{1,3}\s*)*)?$/)
  NOTIFY_REMINDER_LEAD_DAYS = '14,3';

  /** Attempts of one delivery before it is parked as failed. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(100)
  NOTIFY_MAX_ATTEMPTS = 8;

  /** Wait after the first failed attempt; doubles with each further one up to NOTIFY_RETRY_MAX_MS. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  NOTIFY_RETRY_BASE_MS = 30_000;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  NOTIFY_RETRY_MAX_MS = 3_600_000;

  /** Time limit of one attempt (SMTP, webhook, broker); an attempt cut off by a crash is retried after twice this. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  NOTIFY_TIMEOUT_MS = 10_000;

  /** SMTP server for e-mail notifications, e.g. `smtp://user:pass@mail.example:587`; unset: no e-mail. */
  @IsOptional()
  @IsString()
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'IKZ-Plattform <noreply@localhost>';

  /** Base URL of the web console; e-mails link to `<CONSOLE_URL>/cooperations/<id>`. */
  @IsString()
  CONSOLE_URL = 'http://localhost:3000';

  /** In production, webhooks to loopback, private and link-local addresses are refused unless this is set. */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_NETWORKS = false;

  /** NATS server with JetStream, e.g. `nats://127.0.0.1:4222`; set: every event is also published there. */
  @IsOptional()
  @IsString()
  NATS_URL?: string;

  /** JetStream stream (created if missing) and subject prefix: events go to `<prefix>.<cooperation>.<event>`. */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  NATS_STREAM = 'IKZ_EVENTS';

  @Matches(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/)
  NATS_SUBJECT_PREFIX = 'ikz.events';
}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  env.RATE_LIMIT_PER_MINUTE ??=
    env.NODE_ENV === 'production' ? PRODUCTION_RATE_LIMIT_PER_MINUTE : DEVELOPMENT_RATE_LIMIT_PER_MINUTE;
  if (
    env.NODE_ENV === 'production' &&
    !env.JWT_PUBLIC_KEY &&
    !env.JWT_JWKS_URL &&
    !env.OIDC_ISSUER &&
    env.JWT_SECRET === DEVELOPMENT_JWT_SECRET
  ) {
    throw new Error(
      'Refusing to start in production with the development JWT secret: set OIDC_ISSUER, JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL.',
    );
  }
  checkOidc(env);
  return env;
}

/** An issuer without its client is half a configuration; tokens over plain HTTP only on the developer's machine. */
function checkOidc(env: Environment): void {
  if (!env.OIDC_ISSUER) return;
  if (!env.OIDC_CLIENT_ID) {
    throw new Error('Invalid configuration:\n  OIDC_CLIENT_ID: required when OIDC_ISSUER is set');
  }
  if (env.NODE_ENV === 'production' && !env.OIDC_ISSUER.startsWith('https://')) {
    throw new Error('Invalid configuration:\n  OIDC_ISSUER: must be an https:// URL in production');
  }
  if (!env.OIDC_SCOPES.split(' ').includes('openid')) {
    throw new Error('Invalid configuration:\n  OIDC_SCOPES: must include openid');
  }
}

/**
 * Whether the console's development sign-in exists: not in production, and not with an identity
 * provider, whose keys its HS256 tokens would not match.
 */
export const offersDevelopmentSignIn = (
  env: Pick<Environment, 'NODE_ENV' | 'JWT_PUBLIC_KEY' | 'JWT_JWKS_URL' | 'OIDC_ISSUER'>,
): boolean => env.NODE_ENV !== 'production' && !env.JWT_PUBLIC_KEY && !env.JWT_JWKS_URL && !env.OIDC_ISSUER;
