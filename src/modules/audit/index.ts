/**
 * audit: the append-only, hash-chained trail of security events (logins, role changes, exports, denied access and
 * every read of sensitive data). Modules write with `writeAuditEvent`; administrators read, export and verify it.
 */
export { auditRoutes } from './audit-routes.js';
export { registerAuditCommands } from './audit-cli.js';
export {
  writeAuditEvent,
  verifyAuditTrail,
  listAuditEvents,
  exportAuditCsv,
  type AuditEventInput,
  type VerifyOutcome,
} from './audit-service.js';
export { auditOutcomes, type AuditOutcome, type StoredAuditEvent, type BrokenLink } from './audit-chain.js';
export type { AuditFilter } from './audit-repository.js';
