/**
 * Configuration is read from the environment once, validated, and passed down. The process refuses to start on
 * invalid configuration and names the variable that is wrong.
 */
import path from 'node:path';
import { AppError } from './errors.js';

export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  /** Embedded demo mode: demo data and the one-click demo login. Never on together with a real identity provider. */
  readonly demo: boolean;
  /** Public base URL, used for cookies (https ⇒ `__Host-` prefix, HSTS) and OIDC redirects. */
  readonly publicUrl: string;
  readonly logLevel: string;
  readonly oidc: OidcConfig | null;
  readonly sessionSecret: string | null;
  readonly smtp: { url: string; from: string } | null;
  /** Server-side sessions (identity module). Optional so hand-built test configs stay valid; defaults apply. */
  readonly session?: SessionConfig;
  readonly rateLimit?: RateLimitConfig;
}

export interface SessionConfig {
  /** A session unused this long ends (SESSION_IDLE_MINUTES, default 30). */
  readonly idleMinutes: number;
  /** A session ends this long after login whatever happens (SESSION_ABSOLUTE_HOURS, default 12). */
  readonly absoluteHours: number;
}

export interface RateLimitConfig {
  /** Requests per minute per client address to /api (RATE_LIMIT_API_PER_MINUTE, default 600). */
  readonly apiPerMinute: number;
  /** Login attempts per minute per client address (RATE_LIMIT_LOGIN_PER_MINUTE, default 20). */
  readonly loginPerMinute: number;
}

export const defaultSessionConfig: SessionConfig = { idleMinutes: 30, absoluteHours: 12 };
export const defaultRateLimitConfig: RateLimitConfig = { apiPerMinute: 600, loginPerMinute: 20 };

export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  /** Private JWK (JSON) or a path to a file holding it, for private_key_jwt client authentication. */
  readonly privateJwk: string;
  readonly scope: string;
  /** Lowest accepted helseid://claims/identity/security_level (OIDC_MIN_SECURITY_LEVEL, default 3). */
  readonly minSecurityLevel?: number;
}

type Env = Readonly<Record<string, string | undefined>>;

function readPort(env: Env): number {
  const raw = env.PORT ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('CONFIG_INVALID', `PORT must be an integer from 0 to 65535, got "${raw}"`, [
      { field: 'PORT', message: 'not a valid port' },
    ]);
  }
  return port;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new AppError('CONFIG_INVALID', `${name} must be true or false, got "${raw}"`, [
    { field: name, message: 'not a boolean' },
  ]);
}

function readOidc(env: Env): OidcConfig | null {
  const issuer = env.OIDC_ISSUER;
  if (!issuer) return null;
  const clientId = env.OIDC_CLIENT_ID;
  const privateJwk = env.OIDC_PRIVATE_JWK;
  const missing = [!clientId && 'OIDC_CLIENT_ID', !privateJwk && 'OIDC_PRIVATE_JWK'].filter(Boolean) as string[];
  if (missing.length > 0 || !clientId || !privateJwk) {
    throw new AppError(
      'CONFIG_INVALID',
      `OIDC_ISSUER is set, so ${missing.join(' and ')} must be set too`,
      missing.map((field) => ({ field, message: 'required when OIDC_ISSUER is set' })),
    );
  }
  return {
    issuer,
    clientId,
    privateJwk,
    scope: env.OIDC_SCOPE ?? 'openid profile helseid://scopes/identity/pid helseid://scopes/identity/security_level',
    minSecurityLevel: readPositiveInteger(env, 'OIDC_MIN_SECURITY_LEVEL', 3, 4),
  };
}

function readPositiveInteger(env: Env, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new AppError('CONFIG_INVALID', `${name} must be a whole number from 1 to ${max}, got "${raw}"`, [
      { field: name, message: 'not a valid number' },
    ]);
  }
  return value;
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const dataDir = path.resolve(cwd, env.VARDE_DATA_DIR ?? '.varde');
  const url = env.DATABASE_URL;
  const database: DatabaseConfig = url
    ? { kind: 'postgres', url }
    : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') };
  const oidc = readOidc(env);
  const demo = readBoolean(env, 'VARDE_DEMO', false);
  if (demo && oidc) {
    throw new AppError(
      'CONFIG_INVALID',
      'VARDE_DEMO cannot be combined with OIDC_ISSUER: demo login is for the embedded demo only',
      [{ field: 'VARDE_DEMO', message: 'demo mode is refused when a real identity provider is configured' }],
    );
  }
  if (demo && database.kind !== 'pglite') {
    throw new AppError('CONFIG_INVALID', 'VARDE_DEMO runs only on the embedded database (unset DATABASE_URL)', [
      { field: 'VARDE_DEMO', message: 'demo mode is refused with DATABASE_URL' },
    ]);
  }
  const port = readPort(env);
  const host = env.HOST ?? '127.0.0.1';
  const smtpUrl = env.SMTP_URL;
  return {
    port,
    host,
    dataDir,
    database,
    demo,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    logLevel: env.LOG_LEVEL ?? 'info',
    oidc,
    sessionSecret: env.SESSION_SECRET ?? null,
    smtp: smtpUrl ? { url: smtpUrl, from: env.SMTP_FROM ?? 'varde@localhost' } : null,
    session: {
      idleMinutes: readPositiveInteger(env, 'SESSION_IDLE_MINUTES', defaultSessionConfig.idleMinutes, 24 * 60),
      absoluteHours: readPositiveInteger(env, 'SESSION_ABSOLUTE_HOURS', defaultSessionConfig.absoluteHours, 7 * 24),
    },
    rateLimit: {
      apiPerMinute: readPositiveInteger(
        env,
        'RATE_LIMIT_API_PER_MINUTE',
        defaultRateLimitConfig.apiPerMinute,
        1_000_000,
      ),
      loginPerMinute: readPositiveInteger(
        env,
        'RATE_LIMIT_LOGIN_PER_MINUTE',
        defaultRateLimitConfig.loginPerMinute,
        1_000_000,
      ),
    },
  };
}
