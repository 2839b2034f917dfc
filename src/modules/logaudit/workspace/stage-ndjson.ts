/**
 * Stage FHIR R4 AuditEvent NDJSON (IHE BALP shape) into the same text columns as access_events.csv, mapped in SQL:
 * the requestor agent is the user; the entity that is a Patient (a Patient reference, role 1, or type 1 "person"
 * without a role) the patient; C/R/U/D/E the action (E with a query is a search); purposeOfEvent or the agent's
 * purposeOfUse the purpose; the agent's location (its reference's last segment, else its identifier) the
 * department, and its network address the workstation. A line that is not JSON stops the batch (or is skipped and
 * counted with --skip-bad-lines), named by its line number.
 */
import path from 'node:path';
import { encodingHint } from '../dataset/encoding.js';
import { recordStartLines } from '../dataset/text-file.js';
import { PURPOSES, sqlList } from '../domain/codes.js';
import type { IngestIssue } from '../domain/ingest-issues.js';
import { keepsFileOrder, stopWith, type StagedFile } from './stage-csv.js';
import { exec, lit, rows, scalar, type Db } from './sql.js';

type Shape = 'VARCHAR' | 'BOOLEAN' | { readonly [key: string]: Shape } | readonly [Shape];

// Only the fields the mapping reads (code systems are not): building nested values is most of the reading cost.
const CODING: Shape = { code: 'VARCHAR' };
const CONCEPT: Shape = { coding: [CODING] };
const REFERENCE: Shape = { reference: 'VARCHAR', identifier: { value: 'VARCHAR' } };

/** The part of an AuditEvent the engine reads; everything else in the resource is ignored. */
const AUDIT_EVENT: { readonly [key: string]: Shape } = {
  resourceType: 'VARCHAR',
  id: 'VARCHAR',
  recorded: 'VARCHAR',
  action: 'VARCHAR',
  type: CODING,
  subtype: [CODING],
  purposeOfEvent: [CONCEPT],
  agent: [
    {
      requestor: 'BOOLEAN',
      who: REFERENCE,
      location: REFERENCE,
      network: { address: 'VARCHAR' },
      purposeOfUse: [CONCEPT],
    },
  ],
  entity: [{ what: REFERENCE, type: CODING, role: CODING, query: 'VARCHAR' }],
};

function duckType(shape: Shape): string {
  if (typeof shape === 'string') return shape;
  if (Array.isArray(shape)) return `${duckType(shape[0] as Shape)}[]`;
  const fields = Object.entries(shape as Record<string, Shape>).map(([k, v]) => `"${k}" ${duckType(v)}`);
  return `STRUCT(${fields.join(', ')})`;
}

function jsonStructure(shape: Shape): unknown {
  if (typeof shape === 'string') return shape;
  if (Array.isArray(shape)) return [jsonStructure(shape[0] as Shape)];
  return Object.fromEntries(Object.entries(shape as Record<string, Shape>).map(([k, v]) => [k, jsonStructure(v)]));
}

const UNIT_SEPARATOR = '\u001f';

function linesSource(file: string, rejects: string): string {
  return `(SELECT row_number() OVER () AS rec, line FROM read_csv(${lit(file)}, columns = {'line': 'VARCHAR'},
            header = false, auto_detect = false, delim = '${UNIT_SEPARATOR}', quote = '', escape = '',
            store_rejects = true, rejects_table = '${rejects}_errors', rejects_scan = '${rejects}_scans'))`;
}

const codes = (concepts: string): string =>
  `flatten(list_transform(coalesce(${concepts}, []), p -> list_transform(coalesce(p.coding, []), c -> c.code)))`;

// The mapping runs once per event while the file is read, so the usual shapes take a short way (plain string
// functions) and only other values go to the regular expressions; both ways give the same result
// (stage-ndjson.test.ts compares them).

/** `regexp_extract(x, '([^/]+)$', 1)`: the part after the last slash ('' when x ends with one). */
export function lastSegmentSql(x: string): string {
  const rest = `substr(${x}, strpos(${x}, '/') + 1)`;
  return `(CASE WHEN NOT contains(${x}, '/') THEN ${x} WHEN NOT contains(${rest}, '/') THEN ${rest}
    ELSE regexp_extract(${x}, '([^/]+)$', 1) END)`;
}

/** `regexp_extract(ref, 'Patient/([^/?#]+)', 1)`: the id of a `Patient/<id>` reference. */
export function patientIdSql(ref: string): string {
  return `(CASE WHEN starts_with(${ref}, 'Patient/') AND NOT contains(substr(${ref}, 9), '/') AND NOT contains(${ref}, '?')
      AND NOT contains(${ref}, '#') THEN substr(${ref}, 9) ELSE regexp_extract(${ref}, 'Patient/([^/?#]+)', 1) END)`;
}

/** `regexp_matches(coalesce(ref, ''), '(^|/)Patient/')`. */
export const isPatientRefSql = (ref: string): string =>
  `(starts_with(coalesce(${ref}, ''), 'Patient/') OR contains(coalesce(${ref}, ''), '/Patient/'))`;

/** SQL mapping AuditEvents (`raw`, with a `rec` column when `numbered`) to the columns of access_events.csv. */
function mappingSql(raw: string, numbered: boolean): string {
  // The first agent is usually the requestor.
  const requestor = `CASE WHEN agent[1].requestor THEN agent[1] ELSE list_filter(coalesce(agent, []), a -> coalesce(a.requestor, false))[1] END`;
  const patients = `list_distinct(list_transform(
      list_filter(coalesce(entity, []), e -> ${isPatientRefSql('e.what.reference')} OR e.role.code = '1'
        OR (e.role.code IS NULL AND e.type.code = '1')),
      e -> coalesce(nullif(${patientIdSql('e.what.reference')}, ''), e.what.identifier.value)))`;
  const isSearch = `(list_has_any(subtype_codes, ['search', 'search-type', 'search-system'])
      OR type.code = '110112'
      OR len(list_filter(coalesce(entity, []), e -> e.query IS NOT NULL OR e.role.code = '24')) > 0)`;
  // FHIR has no action for printing; logs mark it with a subtype coded "print" on a read or an export.
  const isPrint = `list_contains(subtype_codes, 'print')`;
  const purposes = `list_concat(${codes('purposeOfEvent')}, ${codes('req.purposeOfUse')})`;
  // The first purpose code given, when it is a known one, is the answer without building the list of all.
  // (list_contains, not IN: the optimizer turns a long IN list into a join, which would not keep the file order.)
  const firstPurpose = 'purposeOfEvent[1].coding[1].code';
  const known = `[${PURPOSES.map((p) => `'${p}'`).join(', ')}]`;
  return `WITH raw AS (${raw}),
    m AS (SELECT *, ${requestor} AS req, ${patients} AS pats,
            list_transform(coalesce(subtype, []), s -> lower(s.code)) AS subtype_codes FROM raw)
    SELECT ${numbered ? 'rec, ' : ''}resourceType AS resource_type, id AS event_id, recorded AS "timestamp",
      coalesce(req.who.identifier.value, nullif(${lastSegmentSql('req.who.reference')}, '')) AS user_id,
      CASE WHEN len(pats) = 1 THEN pats[1] END AS patient_id,
      len(pats) AS patient_count,
      CASE WHEN ${isPrint} THEN 'print'
        ELSE CASE action WHEN 'C' THEN 'create' WHEN 'R' THEN 'read' WHEN 'U' THEN 'update' WHEN 'D' THEN 'delete'
          WHEN 'E' THEN CASE WHEN ${isSearch} THEN 'search' ELSE 'export' END ELSE action END END AS action,
      CASE WHEN list_contains(${known}, ${firstPurpose}) THEN ${firstPurpose}
        ELSE coalesce(list_filter(${purposes}, x -> x IN ${sqlList(PURPOSES)})[1], (${purposes})[1]) END AS purpose,
      coalesce(nullif(${lastSegmentSql('req.location.reference')}, ''), nullif(req.location.identifier.value, '')) AS department_id,
      coalesce(req.network.address, list_filter(list_transform(coalesce(agent, []), a -> a.network.address), x -> x IS NOT NULL)[1]) AS workstation
    FROM m`;
}

export const NDJSON_COLUMNS = [
  'event_id',
  'timestamp',
  'user_id',
  'patient_id',
  'action',
  'purpose',
  'department_id',
  'workstation',
];

export async function stageNdjson(
  db: Db,
  options: { file: string; table: string; skipBadLines: boolean },
): Promise<StagedFile> {
  const name = path.basename(options.file);
  const columns = `{${Object.entries(AUDIT_EVENT)
    .map(([k, v]) => `'${k}': '${duckType(v)}'`)
    .join(', ')}}`;
  // No row_number() here if the table is written in file order (then its rowid + 1 is the record number):
  // row_number() would make DuckDB read the file on one thread.
  const read = `read_json(${lit(options.file)}, format = 'newline_delimited', columns = ${columns})`;
  const create = (numbered: boolean): string =>
    `CREATE OR REPLACE TEMP TABLE ${options.table} AS ${mappingSql(`SELECT ${numbered ? 'row_number() OVER () AS rec, ' : ''}* FROM ${read}`, numbered)}`;
  const issues: { issue: IngestIssue; count: number }[] = [];
  let numbered: boolean;
  try {
    numbered = !(await keepsFileOrder(db, create(false)));
    await exec(db, create(numbered));
  } catch (error) {
    // Find the lines that are not JSON (or not UTF-8), with their numbers, and decide.
    const rejects = `${options.table}_lines`;
    await exec(db, `DROP TABLE IF EXISTS ${rejects}_errors; DROP TABLE IF EXISTS ${rejects}_scans;`);
    await exec(
      db,
      `CREATE OR REPLACE TEMP TABLE ${rejects} AS SELECT rec, line, json_valid(line) AS ok FROM ${linesSource(options.file, rejects)}`,
    );
    const encoding = await rows<{ line: number; csv_line: string }>(
      db,
      `SELECT line, csv_line FROM ${rejects}_errors WHERE error_type = 'INVALID ENCODING' ORDER BY line LIMIT 1`,
    );
    if (encoding[0]) {
      stopWith(`${name} is not UTF-8`, [
        { issue: 'ENCODING_INVALID', file: name, line: encoding[0].line, message: encodingHint(encoding[0].csv_line) },
      ]);
    }
    const bad = await rows<{ rec: number; line: string }>(
      db,
      `SELECT rec, left(line, 80) AS line FROM ${rejects} WHERE NOT ok ORDER BY rec LIMIT 5`,
    );
    const badCount = await scalar<number>(db, `SELECT count(*) FROM ${rejects} WHERE NOT ok`);
    if (badCount === 0) {
      stopWith(`${name} could not be read as AuditEvent NDJSON`, [
        { issue: 'LINE_MALFORMED', file: name, message: (error as Error).message.split('\n')[0] ?? 'unreadable' },
      ]);
    }
    const lines = await recordStartLines(
      options.file,
      bad.map((b) => b.rec),
      { csv: false, header: false },
    );
    const found = bad.map((b, i): { issue: IngestIssue; count: number } => ({
      issue: {
        issue: 'LINE_MALFORMED',
        file: name,
        line: lines.get(b.rec),
        message: `not a JSON object: ${JSON.stringify(b.line)}`,
      },
      count: i === 0 ? badCount : 0,
    }));
    if (!options.skipBadLines) {
      stopWith(
        `${name} has ${badCount} line(s) that are not valid JSON; nothing was stored (fix the file, or pass --skip-bad-lines to skip and count them)`,
        found.map((f) => f.issue),
      );
    }
    issues.push(...found);
    const structure = JSON.stringify(jsonStructure(AUDIT_EVENT as Shape)).replaceAll("'", "''");
    const slow = `SELECT rec, unnest(json_transform(line, '${structure}')) FROM ${rejects} WHERE ok`;
    await exec(db, `CREATE OR REPLACE TEMP TABLE ${options.table} AS ${mappingSql(slow, true)}`);
    numbered = true;
    await exec(
      db,
      `DROP TABLE IF EXISTS ${rejects}; DROP TABLE IF EXISTS ${rejects}_errors; DROP TABLE IF EXISTS ${rejects}_scans;`,
    );
  }
  const records = await scalar<number>(db, `SELECT count(*) FROM ${options.table}`);
  return {
    table: options.table,
    rec: numbered ? 'rec' : '(rowid + 1)',
    path: options.file,
    name,
    kind: 'ndjson',
    present: new Set([...NDJSON_COLUMNS, 'patient_count', 'resource_type']),
    records,
    droppedLines: new Set(),
    issues,
  };
}
