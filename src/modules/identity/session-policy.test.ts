import { describe, expect, it } from 'vitest';
import { safeReturnPath, sessionEndReason, shouldTouch, tokenFromBytes, tokenHash } from './session-policy.js';

const config = { idleMinutes: 30, absoluteHours: 12 };
const login = new Date('2026-03-01T08:00:00Z');
const minutes = (n: number) => new Date(login.getTime() + n * 60_000);

describe('session policy', () => {
  it('ends a session after 30 idle minutes', () => {
    const session = { createdAt: login, lastSeenAt: minutes(10), expiresAt: minutes(12 * 60) };
    expect(sessionEndReason(session, minutes(39), config)).toBeNull();
    expect(sessionEndReason(session, minutes(40), config)).toBe('idle');
  });

  it('ends a session 12 hours after login even when in use', () => {
    const session = { createdAt: login, lastSeenAt: minutes(12 * 60 - 1), expiresAt: minutes(12 * 60) };
    expect(sessionEndReason(session, minutes(12 * 60), config)).toBe('absolute');
  });

  it('writes last-seen at most once a minute', () => {
    expect(shouldTouch(login, minutes(0.5))).toBe(false);
    expect(shouldTouch(login, minutes(1))).toBe(true);
  });

  it('makes tokens of 256 bits and stores only their hash', () => {
    const token = tokenFromBytes(new Uint8Array(32).fill(7));
    expect(token).toHaveLength(43);
    expect(tokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash(token)).not.toContain(token);
    expect(() => tokenFromBytes(new Uint8Array(16))).toThrow(/256/);
  });

  it('returns only to paths on this site after login', () => {
    expect(safeReturnPath('/tiltak/4.6?x=1')).toBe('/tiltak/4.6?x=1');
    for (const bad of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/a\r\nSet-Cookie: x',
      undefined,
      42,
    ]) {
      expect(safeReturnPath(bad)).toBe('/');
    }
  });
});
