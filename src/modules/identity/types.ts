/** The identity module's plain domain types. */
import type { Role } from '../../platform/http/access.js';
import type { OrganisationLevel, OrganisationType, Region, SizeClass } from './organisation-types.js';

export interface Organisation {
  readonly id: string;
  readonly parentId: string | null;
  readonly level: OrganisationLevel;
  /** The type of organisation: on a type node its own, on enterprises and units the type they sit under. */
  readonly organisationType: OrganisationType | null;
  readonly name: string;
  readonly orgNumber: string | null;
  readonly sizeClass: SizeClass | null;
  readonly region: Region | null;
  /** The catalogue actor this organisation is, when it is one (e.g. "nhn" for Norsk Helsenett SF). */
  readonly actorId: string | null;
}

export interface User {
  readonly id: string;
  readonly displayName: string;
  readonly email: string | null;
  /** National identity number (fødselsnummer) as HelseID gives it in helseid://claims/identity/pid. */
  readonly pid: string | null;
  readonly hprNumber: string | null;
  /** The `sub` of the user at the identity provider, bound at first login. */
  readonly oidcSubject: string | null;
  readonly active: boolean;
  readonly demoPersona: string | null;
  readonly lastLoginAt: Date | null;
}

export interface RoleAssignment {
  readonly userId: string;
  readonly organisationId: string;
  readonly role: Role;
  readonly grantedAt: Date;
  readonly grantedBy: string | null;
}

export type AuthMethod = 'oidc' | 'demo' | 'test';
