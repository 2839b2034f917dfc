/** The identity module's tables, added to the typed database schema. */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface OrganisationTable {
  id: string;
  parent_id: string | null;
  level: string;
  organisation_type: string | null;
  name: string;
  org_number: string | null;
  size_class: string | null;
  region: string | null;
  actor_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserTable {
  id: string;
  display_name: string;
  email: string | null;
  pid: string | null;
  hpr_number: string | null;
  oidc_subject: string | null;
  active: boolean;
  demo_persona: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_login_at: ColumnType<Date | null, string | null, string | null>;
}

export interface RoleAssignmentTable {
  user_id: string;
  organisation_id: string;
  role: string;
  granted_at: Timestamp;
  granted_by: string | null;
}

export interface SessionTable {
  /** sha256 of the cookie's token: a database leak gives no usable session. */
  id_hash: string;
  user_id: string;
  organisation_id: string | null;
  csrf_token: string;
  auth_method: string;
  security_level: number | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  /** The provider's tokens (backend-for-frontend: they never reach the browser). */
  token_set: Json<Record<string, unknown>> | null;
}

export interface LoginFlowTable {
  /** sha256 of the login cookie's token. */
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  dpop_key: Json<{ publicJwk: unknown; privateJwk: unknown }> | null;
  return_to: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    identity_organisation: OrganisationTable;
    identity_user: UserTable;
    identity_role_assignment: RoleAssignmentTable;
    identity_session: SessionTable;
    identity_login_flow: LoginFlowTable;
  }
}
