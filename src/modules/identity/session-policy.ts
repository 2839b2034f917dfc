/**
 * When a server-side session ends, and the secrets that identify it. Plain functions: the clock and the random
 * bytes come from the caller.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { SessionConfig } from '../../platform/config.js';

export interface SessionTimes {
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
}

/** Why a session is over at `now`, or null while it is alive. */
export function sessionEndReason(session: SessionTimes, now: Date, config: SessionConfig): 'idle' | 'absolute' | null {
  if (now.getTime() >= session.expiresAt.getTime()) return 'absolute';
  if (now.getTime() - session.lastSeenAt.getTime() >= config.idleMinutes * 60_000) return 'idle';
  return null;
}

export function absoluteExpiry(createdAt: Date, config: SessionConfig): Date {
  return new Date(createdAt.getTime() + config.absoluteHours * 3_600_000);
}

export function idleExpiry(lastSeenAt: Date, config: SessionConfig): Date {
  return new Date(lastSeenAt.getTime() + config.idleMinutes * 60_000);
}

/** Writing "last seen" on every request is wasteful; once a minute keeps the idle timeout exact enough. */
export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= 60_000;
}

/** Only the hash of a session or login token is stored. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 256 random bits as base64url, from bytes the caller provides (crypto.randomBytes(32) in production). */
export function tokenFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 32) throw new Error('a session token needs at least 256 random bits');
  return Buffer.from(bytes).toString('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A path inside this site to return to after login; anything else (another site, `//host`) becomes "/". */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\r\n\t]/.test(value)) return '/';
  return value;
}
