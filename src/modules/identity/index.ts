/**
 * identity: organisations in a tree (sector → type → enterprise → unit), users and their roles per organisation,
 * OpenID Connect login as HelseID does it, server-side sessions, and the access rules every module uses for
 * "who may do what" (role checks and organisation isolation).
 */
export { registerIdentity, type IdentityDeps } from './identity-plugin.js';
export {
  requireRole,
  requireOrganisationScope,
  hasRole,
  isInOrganisationScope,
  organisationScopeOf,
} from './access-rules.js';
export { writeAuditEvent, type AuditEventInput } from '../audit/index.js';
export { seedIdentityDemo } from './demo-seed.js';
export { demoOrganisations, demoPersonas, demoUserId } from './demo-data.js';
export { isValidOrgNumber, orgNumberProblem, normaliseOrgNumber, completeOrgNumber } from './org-number.js';
export { isValidPersonId, completePersonId } from './person-id.js';
export {
  organisationTypes,
  organisationTypeLabels,
  sizeClasses,
  sizeClassLabels,
  regions,
  regionLabels,
  organisationLevels,
} from './organisation-types.js';
export type { OrganisationType, SizeClass, Region, OrganisationLevel } from './organisation-types.js';
export type { Organisation, User, RoleAssignment, AuthMethod } from './types.js';
export { startSession, type StartedSession } from './session-service.js';
export { requestOrigin, cookieNames } from './identity-http.js';
export * from './organisation-lookup.js';
export type * from './authorization-fixture-types.js';
export { registerIdentityCommands } from './identity-cli.js';
