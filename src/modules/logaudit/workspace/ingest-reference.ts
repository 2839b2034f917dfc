/**
 * Ingest the reference files of a dataset (departments, staff, patients, encounters, care relations) as one unit:
 * all are staged and checked first, then stored in one transaction. A file whose content was stored before is
 * skipped. Ids become integer keys; a reference to an id no file defines is kept as an "unknown" entry and counted.
 */
import type { DatasetLayout, ReferenceFile } from '../dataset/layout.js';
import { fileSha256 } from '../dataset/text-file.js';
import { ENCOUNTER_MARGINS, MAX_CLINIC_SHARE } from '../domain/explain-policy.js';
import { ENCOUNTER_KINDS } from '../domain/codes.js';
import type { IngestIssue } from '../domain/ingest-issues.js';
import { checkRows, timestampSql, type RowRule } from './check-rows.js';
import { duplicateKey, referenceRules } from './reference-rules.js';
import { rebuildExplainers } from './explain-sql.js';
import { stageCsv, type StagedFile } from './stage-csv.js';
import { exec, ident, inTransaction, lit, scalar, type Db } from './sql.js';

export interface ReferenceFileResult {
  readonly kind: ReferenceFile;
  readonly unchanged: boolean;
  readonly rowsRead: number;
  readonly rowsStored: number;
  readonly issues: readonly { issue: IngestIssue; count: number }[];
}

interface Prepared {
  kind: ReferenceFile;
  sha: string;
  staged: StagedFile;
  good: string;
  issues: { issue: IngestIssue; count: number }[];
}

const KEYS: Partial<Record<ReferenceFile, string>> = {
  departments: 'department_id',
  staff: 'user_id',
  patients: 'patient_id',
  encounters: 'encounter_id',
};

/** Text column or NULL when the file lacks it (optional columns). */
function col(staged: StagedFile, name: string): string {
  return staged.present.has(name) ? `nullif(${ident(name)}, '')` : 'NULL';
}

async function prepare(
  db: Db,
  kind: ReferenceFile,
  file: string,
  sha: string,
  skipBadLines: boolean,
): Promise<Prepared> {
  const staged = await stageCsv(db, { file, kind, table: `stage_${kind}`, skipBadLines });
  const rules: RowRule[] = referenceRules(kind, staged.present);
  const key = KEYS[kind];
  if (key) {
    const dupTable = `${staged.table}_dups`;
    await exec(
      db,
      `CREATE OR REPLACE TEMP TABLE ${dupTable} AS SELECT rec FROM (
         SELECT rec, row_number() OVER (PARTITION BY ${ident(key)} ORDER BY rec) AS n FROM ${staged.table}
         WHERE ${ident(key)} IS NOT NULL) WHERE n > 1`,
    );
    rules.push(duplicateKey(key, dupTable));
  }
  const check = await checkRows(db, staged, rules);
  // Skipped rows leave the stage now, so that the later steps need not test every rule again.
  if (check.badRows > 0) await exec(db, `DELETE FROM ${staged.table} WHERE NOT (${check.goodPredicate})`);
  return { kind, sha, staged, good: 'true', issues: [...staged.issues, ...check.issues] };
}

/** Insert ids not yet known as "unknown" entries (kept so that lookups by or of them stay visible). */
async function ensureIdsOf(db: Db, table: 'departments' | 'users' | 'patients', idsSql: string): Promise<void> {
  const [idCol, keyCol] =
    table === 'departments'
      ? ['dept', 'department_id']
      : table === 'users'
        ? ['uid', 'user_id']
        : ['pid', 'patient_id'];
  await exec(
    db,
    `INSERT INTO ${table} (${idCol}, ${keyCol}, known)
     SELECT (SELECT coalesce(max(${idCol}), 0) FROM ${table}) + row_number() OVER (ORDER BY k), k, false
     FROM (SELECT DISTINCT k FROM (${idsSql}) AS ids(k) WHERE k IS NOT NULL AND k NOT IN (SELECT ${keyCol} FROM ${table}))`,
  );
}

/**
 * Store one prepared file. `unknown` names the fields (`kind.field`) with ids that neither the workspace nor the
 * files of this run define; for the other checked fields every id is already stored when this file is (files are
 * stored in ORDER, definers first), so looking for new ids is skipped.
 */
async function store(db: Db, p: Prepared, unknown: ReadonlySet<string>): Promise<number> {
  const s = p.staged;
  const from = `FROM ${s.table} WHERE ${p.good}`;
  const ensureIds = (table: 'departments' | 'users' | 'patients', field: string, idsSql: string): Promise<void> =>
    field === 'parent_id' || unknown.has(`${p.kind}.${field}`) ? ensureIdsOf(db, table, idsSql) : Promise.resolve();
  switch (p.kind) {
    case 'departments':
      await exec(
        db,
        `INSERT INTO departments (dept, department_id, name, kind, parent_id, known)
         SELECT (SELECT coalesce(max(dept), 0) FROM departments) + row_number() OVER (ORDER BY department_id),
                department_id, name, lower(trim(kind)), ${col(s, 'parent_id')}, true ${from}
         ON CONFLICT (department_id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
           parent_id = excluded.parent_id, known = true`,
      );
      await ensureIds('departments', 'parent_id', `SELECT ${col(s, 'parent_id')} ${from}`);
      break;
    case 'staff':
      await ensureIds('departments', 'department_id', `SELECT department_id ${from}`);
      await exec(
        db,
        `INSERT INTO users (uid, user_id, family_name, given_name, role, department_id, address_id, employed_from,
                            employed_to, known)
         SELECT (SELECT coalesce(max(uid), 0) FROM users) + row_number() OVER (ORDER BY user_id), user_id,
                family_name, given_name, lower(trim(role)), department_id, ${col(s, 'address_id')},
                try_cast(left(${col(s, 'employed_from')}, 10) AS DATE), try_cast(left(${col(s, 'employed_to')}, 10) AS DATE),
                true ${from}
         ON CONFLICT (user_id) DO UPDATE SET family_name = excluded.family_name, given_name = excluded.given_name,
           role = excluded.role, department_id = excluded.department_id, address_id = excluded.address_id,
           employed_from = excluded.employed_from, employed_to = excluded.employed_to, known = true`,
      );
      break;
    case 'patients': {
      // Known patients keep their key and get the file's values; new ones get the next keys.
      const values = `SELECT patient_id, family_name, given_name, try_cast(${col(s, 'birth_year')} AS INTEGER) AS birth_year,
                             ${col(s, 'address_id')} AS address_id, ${col(s, 'municipality')} AS municipality,
                             ${col(s, 'employee_user_id')} AS employee_user_id ${from}`;
      await exec(
        db,
        `UPDATE patients SET family_name = v.family_name, given_name = v.given_name, birth_year = v.birth_year,
           address_id = v.address_id, municipality = v.municipality, employee_user_id = v.employee_user_id, known = true
         FROM (${values}) v WHERE patients.patient_id = v.patient_id;
         INSERT INTO patients (pid, patient_id, family_name, given_name, birth_year, address_id, municipality,
                               employee_user_id, known)
         SELECT (SELECT coalesce(max(pid), 0) FROM patients) + row_number() OVER (ORDER BY v.patient_id), v.patient_id,
                v.family_name, v.given_name, v.birth_year, v.address_id, v.municipality, v.employee_user_id, true
         FROM (${values}) v ANTI JOIN patients p ON p.patient_id = v.patient_id`,
      );
      break;
    }
    case 'encounters':
      await ensureIds('patients', 'patient_id', `SELECT patient_id ${from}`);
      await ensureIds('departments', 'department_id', `SELECT department_id ${from}`);
      // An encounter stored before is replaced by the file's version of it.
      await exec(
        db,
        `DELETE FROM encounters WHERE encounter_id IN (SELECT encounter_id ${from});
         INSERT INTO encounters (encounter_id, pid, dept, start_ts, end_ts, kind)
         SELECT s.encounter_id, p.pid, d.dept, ${timestampSql('start')}, ${s.present.has('end') ? timestampSql('end', true) : 'NULL'},
                lower(trim(s.kind))
         FROM (SELECT * ${from}) s JOIN patients p USING (patient_id) JOIN departments d USING (department_id)`,
      );
      break;
    case 'care_relations': {
      await ensureIds('patients', 'patient_id', `SELECT patient_id ${from}`);
      if (s.present.has('user_id')) await ensureIds('users', 'user_id', `SELECT ${col(s, 'user_id')} ${from}`);
      if (s.present.has('department_id'))
        await ensureIds('departments', 'department_id', `SELECT ${col(s, 'department_id')} ${from}`);
      await exec(
        db,
        `INSERT INTO care_relations
         SELECT DISTINCT p.pid, u.uid, d.dept, ${timestampSql('from')}, ${s.present.has('to') ? timestampSql('to', true) : 'NULL'},
                lower(trim(s.kind))
         FROM (SELECT * ${from}) s JOIN patients p USING (patient_id)
         LEFT JOIN users u ON u.user_id = ${col(s, 'user_id').replace('nullif(', 'nullif(s.')}
         LEFT JOIN departments d ON d.department_id = ${col(s, 'department_id').replace('nullif(', 'nullif(s.')}
         EXCEPT SELECT pid, uid, dept, valid_from, valid_to, kind FROM care_relations`,
      );
      break;
    }
  }
  return scalar<number>(db, `SELECT count(*) ${from}`);
}

/** Issues for references to ids that no file defines (kept, counted). */
async function unknownReferences(
  db: Db,
  prepared: readonly Prepared[],
): Promise<{ issues: Map<ReferenceFile, { issue: IngestIssue; count: number }[]>; fields: Set<string> }> {
  const staged = new Map(prepared.map((p) => [p.kind, p]));
  const known = (table: 'departments' | 'users' | 'patients', key: string, kind: ReferenceFile): string => {
    const p = staged.get(kind);
    const fromStage = p ? ` UNION SELECT ${ident(key)} FROM ${p.staged.table} WHERE ${p.good}` : '';
    return `(SELECT ${key} FROM ${table} WHERE known${fromStage})`;
  };
  const checks: [ReferenceFile, string, 'departments' | 'users' | 'patients', ReferenceFile][] = [
    ['staff', 'department_id', 'departments', 'departments'],
    ['patients', 'employee_user_id', 'users', 'staff'],
    ['encounters', 'patient_id', 'patients', 'patients'],
    ['encounters', 'department_id', 'departments', 'departments'],
    ['care_relations', 'patient_id', 'patients', 'patients'],
    ['care_relations', 'user_id', 'users', 'staff'],
    ['care_relations', 'department_id', 'departments', 'departments'],
  ];
  const out = new Map<ReferenceFile, { issue: IngestIssue; count: number }[]>();
  const fields = new Set<string>();
  for (const [kind, field, table, definedBy] of checks) {
    const p = staged.get(kind);
    if (!p || !p.staged.present.has(field)) continue;
    const check = await checkRows(db, p.staged, [
      {
        field,
        issue: 'UNKNOWN_REFERENCE',
        bad: `(${p.good}) AND nullif(${ident(field)}, '') IS NOT NULL AND ${ident(field)} NOT IN ${known(table, field.replace('employee_user_id', 'user_id'), definedBy)}`,
        message: (v) => `${JSON.stringify(v)} is not defined in the ${definedBy} file; kept as unknown`,
      },
    ]);
    out.set(kind, [...(out.get(kind) ?? []), ...check.issues]);
    if (check.issues.some((i) => i.count > 0)) fields.add(`${kind}.${field}`);
  }
  return { issues: out, fields };
}

const ORDER: readonly ReferenceFile[] = ['departments', 'staff', 'patients', 'encounters', 'care_relations'];

export async function ingestReferenceFiles(
  db: Db,
  layout: DatasetLayout,
  options: { skipBadLines: boolean; now: Date; sha256?: (file: string) => Promise<string> },
): Promise<ReferenceFileResult[]> {
  const files: Record<ReferenceFile, string | null> = {
    departments: layout.departments,
    staff: layout.staff,
    patients: layout.patients,
    encounters: layout.encounters,
    care_relations: layout.careRelations,
  };
  const prepared: Prepared[] = [];
  const results: ReferenceFileResult[] = [];
  const sha256 = options.sha256 ?? fileSha256;
  // All files are hashed at once (read and hashed while DuckDB stages the first ones).
  const shas = new Map(ORDER.flatMap((kind) => (files[kind] ? [[kind, sha256(files[kind] as string)] as const] : [])));
  for (const p of shas.values()) p.catch(() => undefined);
  for (const kind of ORDER) {
    const file = files[kind];
    if (!file) continue;
    const sha = await (shas.get(kind) as Promise<string>);
    const seen = await scalar<number>(
      db,
      `SELECT count(*) FROM reference_files WHERE file_kind = ${lit(kind)} AND content_sha256 = ${lit(sha)}`,
    );
    if (seen > 0) {
      results.push({ kind, unchanged: true, rowsRead: 0, rowsStored: 0, issues: [] });
      continue;
    }
    prepared.push(await prepare(db, kind, file, sha, options.skipBadLines));
  }
  if (prepared.length === 0) return results;
  const unknown = await unknownReferences(db, prepared);
  await inTransaction(db, async () => {
    for (const p of prepared) {
      const stored = await store(db, p, unknown.fields);
      const issues = [...p.issues, ...(unknown.issues.get(p.kind) ?? [])];
      await exec(
        db,
        `INSERT INTO reference_files VALUES (${lit(p.kind)}, ${lit(p.sha)}, ${lit(options.now.toISOString())}, ${stored},
           ${lit(JSON.stringify(issues.map((i) => ({ ...i.issue, count: i.count }))))})`,
      );
      results.push({ kind: p.kind, unchanged: false, rowsRead: p.staged.records, rowsStored: stored, issues });
    }
    await rebuildDerived(db);
  });
  for (const p of prepared)
    await exec(db, `DROP TABLE IF EXISTS ${p.staged.table}; DROP TABLE IF EXISTS ${p.staged.table}_dups;`);
  return results;
}

/** Rebuild the tables derived from reference data: department clinics and encounter windows. */
export async function rebuildDerived(db: Db): Promise<void> {
  await exec(
    db,
    `DELETE FROM dept_info;
     INSERT INTO dept_info
     WITH kids AS (SELECT parent_id, count(*) AS n FROM departments WHERE parent_id IS NOT NULL GROUP BY parent_id),
          total AS (SELECT count(*) AS n FROM departments WHERE known)
     SELECT d.dept, d.kind,
            CASE WHEN k.n >= 2 AND k.n <= greatest(2, ${MAX_CLINIC_SHARE} * total.n) THEN p.dept END
     FROM departments d LEFT JOIN kids k ON k.parent_id = d.parent_id
     LEFT JOIN departments p ON p.department_id = d.parent_id CROSS JOIN total`,
  );
  const margins = ENCOUNTER_KINDS.map((kind) => {
    const m = ENCOUNTER_MARGINS[kind];
    return `('${kind}', ${m.beforeHours}, ${m.afterHours}, ${m.openHours ?? 'NULL'})`;
  }).join(', ');
  await exec(
    db,
    `DELETE FROM encounter_windows;
     INSERT INTO encounter_windows
     SELECT e.pid, e.dept, di.clinic, e.kind, di.kind, coalesce(e.kind = 'emergency' OR di.kind = 'emergency', false),
            e.start_ts, e.end_ts,
            e.start_ts - to_hours(m.before_h),
            CASE WHEN e.end_ts IS NOT NULL THEN e.end_ts + to_hours(m.after_h)
                 WHEN m.open_h IS NULL THEN TIMESTAMPTZ 'infinity'
                 ELSE e.start_ts + to_hours(m.open_h + m.after_h) END
     FROM encounters e JOIN (VALUES ${margins}) AS m(kind, before_h, after_h, open_h) ON m.kind = e.kind
     LEFT JOIN dept_info di ON di.dept = e.dept`,
  );
  await rebuildExplainers(db);
}
