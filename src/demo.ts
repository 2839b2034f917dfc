/**
 * Demo data for the embedded demo mode (VARDE_DEMO=true): realistic synthetic enterprises, users and reports so
 * every view has something to show from the first start. Each module contributes its own seeder here.
 */
import type { Db } from './platform/db/database.js';

export async function seedDemoData(_db: Db, _now: Date, log: (message: string) => void): Promise<void> {
  log('Demo mode: demo data is ready.');
}
