import { describe, expect, it } from 'vitest';
import type { Principal } from '../../platform/http/access.js';
import { requireOrganisationScope, requireRole } from './access-rules.js';

const lead: Principal = {
  userId: 'u',
  displayName: 'U',
  sessionId: 's',
  organisationId: 'hf-a',
  roles: ['enterprise-lead'],
  actorIds: [],
  organisationScope: ['hf-a', 'hf-a-unit'],
};
const admin: Principal = { ...lead, organisationId: 'org-x', roles: ['administrator'], organisationScope: ['org-x'] };

describe('access rules', () => {
  it('requires a login, then one of the roles', () => {
    expect(() => requireRole(null)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => requireRole(lead, 'administrator')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(requireRole(lead, 'administrator', 'enterprise-lead')).toBe(lead);
  });

  it('allows the active organisation and what is below it, nothing else', () => {
    expect(requireOrganisationScope(lead, 'hf-a-unit')).toBe(lead);
    expect(() => requireOrganisationScope(lead, 'hf-b')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'This belongs to another organisation' }),
    );
    expect(() => requireOrganisationScope(lead, null)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('gives administrators no bypass into other organisations', () => {
    expect(() => requireOrganisationScope(admin, 'hf-a')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('falls back to the active organisation when no scope was computed', () => {
    const { organisationScope: _, ...plain } = lead;
    expect(requireOrganisationScope(plain, 'hf-a')).toEqual(plain);
    expect(() => requireOrganisationScope(plain, 'hf-a-unit')).toThrow();
  });
});
