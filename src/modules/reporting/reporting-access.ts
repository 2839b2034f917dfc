/**
 * Who may see and do what in reporting, on top of the route policies. A measure owner reaches only the reports of
 * the actors its organisation represents (as responsible actor or as the delegate that writes them); any other
 * report answers 404, as if it did not exist. The ministry reader sees approved reports; the strategy owner all.
 */
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import type { StatusReport } from './types.js';

export const isStrategyOwner = (p: Principal) => p.roles.includes('strategy-owner');
export const isMeasureOwner = (p: Principal) => p.roles.includes('measure-owner');
export const isMinistryReader = (p: Principal) => p.roles.includes('ministry-reader');

/** The actors this principal writes for (empty unless it holds the measure-owner role). */
export function ownActorIds(p: Principal): string[] {
  return isMeasureOwner(p) ? [...p.actorIds] : [];
}

/** The principal writes this report: measure owner for the actor that reports it. */
export function writesReport(p: Principal, report: Pick<StatusReport, 'reporterActorId'>): boolean {
  return ownActorIds(p).includes(report.reporterActorId);
}

export function canReadReport(
  p: Principal,
  report: Pick<StatusReport, 'actorId' | 'reporterActorId' | 'state'>,
): boolean {
  if (isStrategyOwner(p)) return true;
  const own = ownActorIds(p);
  if (own.includes(report.actorId) || own.includes(report.reporterActorId)) return true;
  return isMinistryReader(p) && report.state === 'approved';
}

/** The report when the principal may read it; otherwise the same 404 as for a report that does not exist. */
export function requireReadableReport<T extends Pick<StatusReport, 'actorId' | 'reporterActorId' | 'state'>>(
  p: Principal,
  report: T | null,
): T {
  if (!report || !canReadReport(p, report)) throw new AppError('STATUS_REPORT_NOT_FOUND', 'No such status report');
  return report;
}

export function requireStrategyOwner(p: Principal): void {
  if (!isStrategyOwner(p)) throw new AppError('FORBIDDEN', 'Only the strategy owner may do this');
}

export function canReadSectorReports(p: Principal): boolean {
  return isStrategyOwner(p) || isMinistryReader(p) || isMeasureOwner(p);
}

/** The principal used by the CLI and the scheduler: acts for the system, as the strategy owner. */
export const systemPrincipal: Principal = {
  userId: 'system',
  displayName: 'Varde (system)',
  sessionId: 'system',
  organisationId: null,
  roles: ['strategy-owner'],
  actorIds: [],
};
