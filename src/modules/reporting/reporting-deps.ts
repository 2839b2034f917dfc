/** What the reporting services need from outside: the database, where the app is reached, where files are kept. */
import path from 'node:path';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';

export interface ReportingDeps {
  readonly db: Db;
  /** Base URL for links in e-mails. */
  readonly publicUrl: string;
  /** Folder for uploaded evidence files (VARDE_DATA_DIR/evidence). */
  readonly evidenceDir: string;
}

export function reportingDeps(db: Db, config: Pick<AppConfig, 'publicUrl' | 'dataDir'>): ReportingDeps {
  return { db, publicUrl: config.publicUrl.replace(/\/$/, ''), evidenceDir: path.join(config.dataDir, 'evidence') };
}
