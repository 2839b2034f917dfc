/** The identity and audit API as the web UI uses it (types mirror the server's responses). */
import { apiRequest, withQuery } from '../../api/client.js';

export interface SessionOrganisation {
  readonly id: string;
  readonly name: string;
  readonly level: string;
  readonly organisationType: string | null;
  readonly roles?: readonly string[];
}

export type SessionView =
  | { readonly authenticated: false; readonly mode: { readonly demo: boolean; readonly oidc: boolean } }
  | {
      readonly authenticated: true;
      readonly mode: { readonly demo: boolean; readonly oidc: boolean };
      readonly csrfToken: string;
      readonly authMethod: 'oidc' | 'demo' | 'test';
      readonly user: { readonly id: string; readonly displayName: string; readonly demoPersona: string | null };
      readonly organisation: SessionOrganisation | null;
      readonly roles: readonly string[];
      readonly actorIds: readonly string[];
      readonly organisations: readonly SessionOrganisation[];
      readonly expiresAt: string;
      readonly idleExpiresAt: string;
    };

export interface DemoPersona {
  readonly id: string;
  readonly displayName: string;
  readonly description: { readonly nb: string; readonly en: string };
  readonly roles: readonly { organisationId: string; role: string }[];
}

export interface Organisation {
  readonly id: string;
  readonly parentId: string | null;
  readonly level: 'sector' | 'type' | 'enterprise' | 'unit';
  readonly organisationType: string | null;
  readonly name: string;
  readonly orgNumber: string | null;
  readonly sizeClass: string | null;
  readonly region: string | null;
  readonly actorId: string | null;
}

export interface UserView {
  readonly id: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly pidMasked: string | null;
  readonly hprNumber: string | null;
  readonly loginBound: boolean;
  readonly active: boolean;
  readonly demoPersona: string | null;
  readonly lastLoginAt: string | null;
  readonly roles: readonly { organisationId: string; organisationName: string; role: string; grantedAt: string }[];
}

export interface AuditEvent {
  readonly seq: number;
  readonly at: string;
  readonly actorUserId: string | null;
  readonly actorName: string | null;
  readonly organisationId: string | null;
  readonly action: string;
  readonly objectType: string | null;
  readonly objectId: string | null;
  readonly outcome: 'success' | 'denied' | 'failure';
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly detail: Record<string, unknown>;
}

export interface AuditFilter {
  readonly from?: string;
  readonly to?: string;
  readonly action?: string;
  readonly outcome?: string;
  readonly actor?: string;
  readonly organisation?: string;
}

export const roleNames = [
  'strategy-owner',
  'ministry-reader',
  'measure-owner',
  'enterprise-lead',
  'enterprise-member',
  'sector-analyst',
  'log-reviewer',
  'administrator',
] as const;

export const identityPaths = {
  session: '/api/v1/auth/session',
  demoPersonas: '/api/v1/auth/demo-personas',
  organisations: '/api/v1/identity/organisations',
  users: '/api/v1/identity/users',
  auditEvents: (filter: AuditFilter, before?: number) =>
    withQuery('/api/v1/audit/events', { ...filter, before: before ? String(before) : undefined, limit: '100' }),
  auditCsv: (filter: AuditFilter) => withQuery('/api/v1/audit/events.csv', { ...filter }),
  loginStart: (returnTo: string) => withQuery('/api/v1/auth/login', { returnTo }),
};

export const identityActions = {
  session: () => apiRequest<SessionView>(identityPaths.session),
  demoLogin: (persona: string) =>
    apiRequest<SessionView>('/api/v1/auth/demo-login', { method: 'POST', body: { persona } }),
  logout: () =>
    apiRequest<{ loggedOut: boolean; endSessionUrl: string | null }>('/api/v1/auth/logout', { method: 'POST' }),
  switchOrganisation: (organisationId: string) =>
    apiRequest<SessionView>('/api/v1/auth/session/organisation', { method: 'POST', body: { organisationId } }),
  createOrganisation: (body: Record<string, unknown>) =>
    apiRequest<Organisation>(identityPaths.organisations, { method: 'POST', body }),
  createUser: (body: Record<string, unknown>) => apiRequest<UserView>(identityPaths.users, { method: 'POST', body }),
  updateUser: (id: string, body: Record<string, unknown>) =>
    apiRequest<UserView>(`${identityPaths.users}/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  grantRole: (id: string, organisationId: string, role: string) =>
    apiRequest<UserView>(`${identityPaths.users}/${encodeURIComponent(id)}/roles`, {
      method: 'POST',
      body: { organisationId, role },
    }),
  revokeRole: (id: string, organisationId: string, role: string) =>
    apiRequest<UserView>(
      `${identityPaths.users}/${encodeURIComponent(id)}/roles/${encodeURIComponent(organisationId)}/${encodeURIComponent(role)}`,
      { method: 'DELETE' },
    ),
  verifyAudit: () =>
    apiRequest<{ ok: boolean; checked: number; lastSeq: number; broken: { seq: number; message: string } | null }>(
      '/api/v1/audit/verify',
    ),
};
