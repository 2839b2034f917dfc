/**
 * Demo data for the embedded demo mode (VARDE_DEMO=true): realistic synthetic enterprises, users and reports so
 * every view has something to show from the first start. Each module contributes its own seeder here.
 */
import type { Db } from './platform/db/database.js';
import { seedIdentityDemo } from './modules/identity/index.js';
import { seedReportingDemo } from './modules/reporting/index.js';
import { seedAssessmentDemo } from './modules/assessment/index.js';
import { seedLogReviewDemo } from './modules/logaudit/review/index.js';
import { loadConfig } from './platform/config.js';

export async function seedDemoData(db: Db, now: Date, log: (message: string) => void): Promise<void> {
  const identity = await seedIdentityDemo(db, now);
  log(`Demo mode: ${identity.organisations} organisations and ${identity.personas} demo personas.`);
  const reporting = await seedReportingDemo(db, now);
  if (reporting.seeded)
    log(`Demo mode: status reports for ${reporting.years.join(', ')} (two published years and an open cycle).`);
  await seedLogReviewDemo(db, loadConfig().dataDir, now, log);
  const sector = await seedAssessmentDemo(db, now);
  if (!sector.skipped)
    log(`Demo mode: ${sector.enterprises} enterprises with ${sector.responses} survey answers over three years.`);
  log('Demo mode: demo data is ready.');
}
