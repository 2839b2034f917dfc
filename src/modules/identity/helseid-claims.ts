/**
 * HelseID's claims, read from a validated ID token into who logged in and for which organisation. HelseID sends
 * claim values as strings; numbers are accepted too. National ids and HPR numbers stay strings (leading zeros).
 */
export const helseIdClaim = {
  pid: 'helseid://claims/identity/pid',
  hprNumber: 'helseid://claims/hpr/hpr_number',
  securityLevel: 'helseid://claims/identity/security_level',
  orgnrParent: 'helseid://claims/client/claims/orgnr_parent',
  orgnrChild: 'helseid://claims/client/claims/orgnr_child',
} as const;

export interface HelseIdIdentity {
  readonly subject: string;
  readonly pid: string | null;
  readonly hprNumber: string | null;
  readonly securityLevel: number;
  readonly name: string | null;
  /** The legal entity (hovedenhet) and sub-unit (underenhet) the user logged in for, when given. */
  readonly orgnrParent: string | null;
  readonly orgnrChild: string | null;
}

function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (Array.isArray(value) && value.length === 1) return text(value[0]);
  return null;
}

/** Reads the identity; returns the problem instead when the token cannot be used for a login. */
export function readHelseIdIdentity(
  claims: Readonly<Record<string, unknown>>,
  minSecurityLevel: number,
): { identity: HelseIdIdentity } | { problem: string } {
  const subject = text(claims.sub);
  if (!subject) return { problem: 'the ID token has no subject' };
  const level = Number(text(claims[helseIdClaim.securityLevel]));
  if (!Number.isInteger(level)) return { problem: 'the ID token has no security level' };
  if (level < minSecurityLevel) return { problem: `security level ${level} is below the required ${minSecurityLevel}` };
  const pid = text(claims[helseIdClaim.pid]);
  if (pid !== null && !/^\d{11}$/.test(pid)) return { problem: 'the national identity number is not 11 digits' };
  const hprNumber = text(claims[helseIdClaim.hprNumber]);
  if (hprNumber !== null && !/^\d{1,10}$/.test(hprNumber)) return { problem: 'the HPR number is not a number' };
  const orgnr = (key: string) => {
    const value = text(claims[key]);
    return value !== null && /^\d{9}$/.test(value) ? value : null;
  };
  const given = text(claims.given_name);
  const family = text(claims.family_name);
  return {
    identity: {
      subject,
      pid,
      hprNumber,
      securityLevel: level,
      name: text(claims.name) ?? ([given, family].filter(Boolean).join(' ') || null),
      orgnrParent: orgnr(helseIdClaim.orgnrParent),
      orgnrChild: orgnr(helseIdClaim.orgnrChild),
    },
  };
}
