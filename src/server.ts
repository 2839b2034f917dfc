/**
 * Starting Varde: read configuration, open and migrate the database, load the shipped catalogue editions, add demo
 * data in demo mode, build the web UI if needed, and listen. Prints the address to open.
 */
import { buildApp } from './app.js';
import type { AppConfig } from './platform/config.js';
import { openDatabase, type Db } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { buildWebApp, webBuildIsStale } from './platform/http/web-app.js';
import { syncShippedEditions } from './modules/catalogue/index.js';
import { syncShippedFrameworks } from './modules/frameworks/index.js';
import { syncShippedMappings } from './modules/analysis/index.js';
import { seedDemoData } from './demo.js';

export async function prepareDatabase(config: AppConfig, log: (message: string) => void): Promise<Db> {
  const db = await openDatabase(config.database);
  const migrations = await migrateToLatest(db);
  const applied = migrations.results?.filter((r) => r.status === 'Success').length ?? 0;
  if (applied > 0) log(`Applied ${applied} database migration(s).`);
  for (const outcome of await syncShippedEditions(db, new Date())) {
    if (outcome.outcome === 'refused') {
      log(`Catalogue edition in ${outcome.folder} was REFUSED; the stored edition is kept. ${outcome.error.message}:`);
      for (const d of outcome.error.details) log(`  ${d.place ?? ''} ${d.field ?? ''}: ${d.message}`);
    } else if (outcome.outcome === 'imported') log(`Catalogue edition ${outcome.editionId} imported.`);
  }
  for (const outcome of await syncShippedFrameworks(db, new Date())) {
    if (outcome.outcome === 'refused') {
      log(`Framework library ${outcome.fileName} was REFUSED; stored versions are kept. ${outcome.error.message}:`);
      for (const d of outcome.error.details) log(`  ${d.place ?? ''} ${d.field ?? ''}: ${d.message}`);
    } else if (outcome.outcome === 'imported')
      log(`Framework library ${outcome.libraryId} v${outcome.version} imported.`);
  }
  for (const outcome of await syncShippedMappings(db, new Date())) {
    if (outcome.outcome === 'refused') {
      log(`Measure mapping ${outcome.fileName} was REFUSED; the stored mapping is kept. ${outcome.error.message}:`);
      for (const d of outcome.error.details) log(`  ${d.place ?? ''} ${d.field ?? ''}: ${d.message}`);
    } else if (outcome.outcome === 'imported')
      log(`Measure mapping ${outcome.fileName} loaded for ${outcome.editionId}.`);
  }
  return db;
}

export async function startServer(config: AppConfig): Promise<void> {
  const log = (message: string) => console.log(message);
  const db = await prepareDatabase(config, log);
  if (config.demo) await seedDemoData(db, new Date(), log);
  if (await webBuildIsStale()) await buildWebApp(log);
  const app = await buildApp({ config, db, serveWeb: true });
  const close = async () => {
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  await app.listen({ port: config.port, host: config.host });
  const where =
    config.database.kind === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  log('');
  log(`Varde is running${config.demo ? ' in DEMO mode' : ''}: open ${config.publicUrl}`);
  log(`  database: ${where}`);
  log(`  API: ${config.publicUrl}/api/docs`);
}
