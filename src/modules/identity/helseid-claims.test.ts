import { describe, expect, it } from 'vitest';
import { helseIdClaim, readHelseIdIdentity } from './helseid-claims.js';

const claims = {
  sub: 'abc123',
  name: 'Kari Nordmann',
  [helseIdClaim.pid]: '01019012345',
  [helseIdClaim.hprNumber]: '565501872',
  [helseIdClaim.securityLevel]: '4',
  [helseIdClaim.orgnrParent]: '994598759',
  [helseIdClaim.orgnrChild]: '899020103',
};

describe('HelseID claims', () => {
  it('maps the identity, HPR number, security level and organisation numbers', () => {
    expect(readHelseIdIdentity(claims, 3)).toEqual({
      identity: {
        subject: 'abc123',
        pid: '01019012345',
        hprNumber: '565501872',
        securityLevel: 4,
        name: 'Kari Nordmann',
        orgnrParent: '994598759',
        orgnrChild: '899020103',
      },
    });
  });

  it('keeps leading zeros and accepts numbers for the security level', () => {
    const read = readHelseIdIdentity(
      { ...claims, [helseIdClaim.pid]: '01019012345', [helseIdClaim.securityLevel]: 3 },
      3,
    );
    expect(read).toMatchObject({ identity: { pid: '01019012345', securityLevel: 3 } });
  });

  it('refuses a too low security level, a missing subject and a malformed national id', () => {
    expect(readHelseIdIdentity({ ...claims, [helseIdClaim.securityLevel]: '2' }, 3)).toEqual({
      problem: 'security level 2 is below the required 3',
    });
    expect(readHelseIdIdentity({ ...claims, sub: '' }, 3)).toEqual({ problem: 'the ID token has no subject' });
    expect(readHelseIdIdentity({ ...claims, [helseIdClaim.pid]: '123' }, 3)).toMatchObject({
      problem: expect.stringContaining('11 digits'),
    });
    expect(readHelseIdIdentity({ ...claims, [helseIdClaim.securityLevel]: undefined }, 3)).toMatchObject({
      problem: expect.stringContaining('security level'),
    });
  });

  it('ignores organisation numbers that are not nine digits', () => {
    expect(readHelseIdIdentity({ ...claims, [helseIdClaim.orgnrChild]: 'x' }, 3)).toMatchObject({
      identity: { orgnrChild: null },
    });
  });
});
