/**
 * Migrations live beside the module that owns the tables: `src/modules/<module>/migrations/<timestamp>_<name>.ts`,
 * each exporting `up(db)` (and `down(db)` where reversal is safe). They are found by scanning the module folders and
 * run in name order, so the timestamp prefix decides the order across modules.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import { AppError } from '../errors.js';

const modulesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../modules');

export class ModuleMigrationProvider implements MigrationProvider {
  constructor(private readonly root: string = modulesDir) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    const modules = await fs.readdir(this.root, { withFileTypes: true });
    for (const entry of modules) {
      if (!entry.isDirectory()) continue;
      const dir = path.join(this.root, entry.name, 'migrations');
      const files = await fs.readdir(dir).catch(() => [] as string[]);
      for (const file of files) {
        if (!/^\d{12}_[a-z0-9_]+\.ts$/.test(file)) continue;
        const name = file.replace(/\.ts$/, '');
        if (migrations[name]) throw new AppError('INTERNAL', `Migration ${name} exists twice`);
        migrations[name] = (await import(pathToFileURL(path.join(dir, file)).href)) as Migration;
      }
    }
    return migrations;
  }
}

// Migrations run on an untyped handle: they create the schema the typed one describes.
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: new ModuleMigrationProvider(),
    migrationTableName: 'varde_migration',
    migrationLockTableName: 'varde_migration_lock',
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new AppError('INTERNAL', `Migration ${failed?.migrationName ?? '(unknown)'} failed`, [], {
      cause: result.error,
    });
  }
  return result;
}
