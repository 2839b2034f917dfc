/**
 * Bringing a workspace written by an earlier version of the engine up to the current schema, in one transaction, so
 * that years of stored lookups need not be ingested again. Each step names the version it starts from.
 */
import { explanationId } from '../domain/explanations.js';
import { SRC_COLLEAGUE_RELATION, rebuildExplainers } from './explain-sql.js';
import { rebuildPairDays } from './pair-days-sql.js';
import { ENCOUNTERS_COLUMNS, PATIENTS_COLUMNS, SCHEMA_VERSION } from './schema.js';
import { exec, inTransaction, lit, type Db } from './sql.js';

type Step = (db: Db, timezone: string) => Promise<void>;

/** From each version, the step to the next one. */
export const MIGRATIONS: Readonly<Record<string, Step>> = {
  // 3 → 4: pair_days counts writes among the unexplained lookups (the user charted in the record).
  '3': async (db, timezone) => {
    await exec(db, 'ALTER TABLE pair_days ADD COLUMN n_write_unexplained INTEGER DEFAULT 0');
    await rebuildPairDays(db, timezone, 'all');
  },
  // 4 → 5: pair_days lists the workstations of weakly explained lookups too (ws_unexplained → ws_undocumented).
  '4': async (db, timezone) => {
    await exec(db, 'ALTER TABLE pair_days RENAME COLUMN ws_unexplained TO ws_undocumented');
    await rebuildPairDays(db, timezone, 'all');
  },
  // 5 → 6: patients and encounters without the unique index on their text ids (see schema.ts).
  '5': async (db) => {
    for (const [table, columns] of [
      ['patients', PATIENTS_COLUMNS],
      ['encounters', ENCOUNTERS_COLUMNS],
    ] as const) {
      await exec(
        db,
        `CREATE TABLE ${table}_v6 (${columns}); INSERT INTO ${table}_v6 SELECT * FROM ${table};
         DROP TABLE ${table}; ALTER TABLE ${table}_v6 RENAME TO ${table};`,
      );
    }
  },
  // 6 → 7: a care relation of a colleague in the lookup's unit weakly explains it (COLLEAGUE_CARE_RELATION). It has
  // the lowest priority, so only stored lookups that nothing explained can take it.
  '6': async (db, timezone) => {
    await rebuildExplainers(db);
    await exec(
      db,
      `UPDATE events SET explanation = ${explanationId('COLLEAGUE_CARE_RELATION')}
       WHERE explanation = 0 AND EXISTS (
         SELECT 1 FROM explainers x WHERE x.src = ${SRC_COLLEAGUE_RELATION} AND x.pid = events.pid
           AND x.dept = events.dept AND events.ts BETWEEN x.win_from AND x.win_to)`,
    );
    await rebuildPairDays(db, timezone, 'all');
  },
};

export async function migrate(db: Db, from: string, timezone: string): Promise<void> {
  await inTransaction(db, async () => {
    let version = from;
    while (version !== SCHEMA_VERSION) {
      const step = MIGRATIONS[version];
      if (!step) throw new Error(`no migration from workspace schema version ${version}`);
      await step(db, timezone);
      version = String(Number(version) + 1);
    }
    await exec(db, `UPDATE meta SET value = ${lit(SCHEMA_VERSION)} WHERE key = 'schema_version'`);
  });
}
