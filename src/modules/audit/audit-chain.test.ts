import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  chainStart,
  genesisHash,
  hashAuditEvent,
  normaliseDetail,
  verifyRun,
  type AuditEventFields,
  type StoredAuditEvent,
} from './audit-chain.js';

function chain(count: number): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = [];
  let prevHash = genesisHash;
  for (let seq = 1; seq <= count; seq++) {
    const fields: AuditEventFields = {
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)),
      actorUserId: `user-${seq % 3}`,
      actorName: 'Kari Nordmann',
      organisationId: 'org-a',
      action: 'auth.login',
      objectType: null,
      objectId: null,
      outcome: 'success',
      ip: '127.0.0.1',
      userAgent: 'test',
      detail: { n: seq, nested: { b: 1, a: [1, 'x'] } },
    };
    const hash = hashAuditEvent(fields, prevHash);
    events.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('writes canonical JSON with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same hash whatever the key order of the detail', () => {
    const [first] = chain(1);
    const reordered = { ...first!, detail: { nested: { a: [1, 'x'], b: 1 }, n: 1 } };
    expect(hashAuditEvent(reordered, genesisHash)).toBe(first!.hash);
  });

  it('accepts an intact chain, also when checked in batches', () => {
    const events = chain(10);
    const whole = verifyRun(chainStart, events);
    expect(whole).toEqual({ cursor: { nextSeq: 11, lastHash: events[9]!.hash } });
    const firstHalf = verifyRun(chainStart, events.slice(0, 4));
    if (!('cursor' in firstHalf)) throw new Error('first half broken');
    expect(verifyRun(firstHalf.cursor, events.slice(4))).toEqual(whole);
  });

  it('reports an edited event by its seq', () => {
    const events = chain(6);
    events[3] = { ...events[3]!, actorName: 'Someone else' };
    expect(verifyRun(chainStart, events)).toEqual({
      broken: expect.objectContaining({ seq: 4, reason: 'hash-mismatch' }),
    });
  });

  it('reports an edited event whose hash was recomputed at the next link', () => {
    const events = chain(6);
    const edited = { ...events[2]!, outcome: 'denied' as const };
    events[2] = { ...edited, hash: hashAuditEvent(edited, edited.prevHash) };
    expect(verifyRun(chainStart, events)).toEqual({
      broken: expect.objectContaining({ seq: 4, reason: 'prev-hash-mismatch' }),
    });
  });

  it('reports a deleted event as missing', () => {
    const events = chain(6);
    events.splice(1, 1);
    expect(verifyRun(chainStart, events)).toEqual({ broken: expect.objectContaining({ seq: 2, reason: 'missing' }) });
  });

  it('normalises detail to what jsonb stores (no undefined, no NUL, dates as text)', () => {
    expect(normaliseDetail({ a: undefined, b: 'x\u0000y', c: new Date('2026-01-01T00:00:00Z') })).toEqual({
      b: 'xy',
      c: '2026-01-01T00:00:00.000Z',
    });
  });
});
