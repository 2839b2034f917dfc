/**
 * Personal invitation links for surveys: a random 256-bit token (the caller passes the random bytes), stored only
 * as its SHA-256 hash. A link works once: opening it hands out an answer key (also stored hashed) for that one
 * questionnaire and that one enterprise, and the link is spent. Links expire; a reminder replaces unopened ones.
 */
import { createHash } from 'node:crypto';

export const tokenBytes = 32;

export function encodeToken(bytes: Uint8Array): string {
  if (bytes.length !== tokenBytes) throw new Error(`an invitation token needs ${tokenBytes} random bytes`);
  return Buffer.from(bytes).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token has the shape we hand out (43 base64url characters) before it is looked up. */
export const isWellFormedToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

export type InvitationState = 'valid' | 'used' | 'expired' | 'revoked';

export function invitationState(
  invitation: { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null },
  now: Date,
): InvitationState {
  if (invitation.revokedAt) return 'revoked';
  if (invitation.usedAt) return 'used';
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

/** An answer key stays valid until the invitation's expiry (and the response is not yet submitted). */
export function answerKeyState(
  invitation: { expiresAt: Date; revokedAt: Date | null },
  now: Date,
): 'valid' | 'expired' {
  return invitation.revokedAt || invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'valid';
}
