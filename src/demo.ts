/**
 * Demo data for the embedded demo mode (VARDE_DEMO=true): realistic synthetic enterprises, users and reports so
 * every view has something to show from the first start. Each module contributes its own seeder here.
 */
import type { Db } from './platform/db/database.js';
import { seedIdentityDemo } from './modules/identity/index.js';

export async function seedDemoData(db: Db, now: Date, log: (message: string) => void): Promise<void> {
  const identity = await seedIdentityDemo(db, now);
  log(`Demo mode: ${identity.organisations} organisations and ${identity.personas} demo personas.`);
  log('Demo mode: demo data is ready.');
}
