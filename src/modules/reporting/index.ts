/**
 * reporting: the annual status reporting of seed 004 §1.2. The strategy owner opens a cycle per year; each
 * responsible actor reports on its measures (status, progress, contribution to the goal, indicators, evidence);
 * reports are reviewed, chased with reminders, and compiled into a frozen sector report for the ministry, exported
 * as PDF, XLSX and CSV, with dashboards for the ministry and a to-do list for measure owners.
 */
export { reportingRoutes, type ReportingRouteOptions } from './reporting-routes.js';
export { reportingDeps, type ReportingDeps } from './reporting-deps.js';
export { openCycle, closeCycle, listCycleSummaries } from './cycle-service.js';
export { runReminders, runReminderJob, remindActorNow } from './reminder-service.js';
export { drainOutbox, smtpMailer, type Mailer, type MailMessage } from './mailer.js';
export { previewSectorReport, publishSectorReport, getPublished } from './sector-report-service.js';
export { sectorReportPdf } from './sector-report-pdf.js';
export { sectorReportXlsx, sectorReportCsv } from './sector-report-files.js';
export { systemPrincipal } from './reporting-access.js';
export type * from './types.js';
export type { SectorReportSnapshot, PublishedSectorReport } from './sector-report-types.js';
export { seedReportingDemo, type ReportingDemoOptions } from './demo/seed-reporting-demo.js';
