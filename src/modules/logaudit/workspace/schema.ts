/**
 * Tables of a log-audit workspace (one DuckDB file in a folder). Ids from the files are mapped once to small integer
 * keys (users.uid, patients.pid, departments.dept) so that the large tables stay compact and joins stay cheap.
 * `events` keeps every stored lookup with the explanation it got; `pair_days` holds one row per user, patient, local
 * day and batch so that analysis reads aggregates, not the past events again.
 */

export const SCHEMA_VERSION = '7';

export const PATIENTS_COLUMNS = `
  pid INTEGER PRIMARY KEY,
  patient_id VARCHAR NOT NULL,
  family_name VARCHAR,
  given_name VARCHAR,
  birth_year INTEGER,
  address_id VARCHAR,
  municipality VARCHAR,
  employee_user_id VARCHAR,
  known BOOLEAN NOT NULL
`;

export const ENCOUNTERS_COLUMNS = `
  encounter_id VARCHAR NOT NULL,
  pid INTEGER NOT NULL,
  dept INTEGER NOT NULL,
  start_ts TIMESTAMPTZ NOT NULL,
  end_ts TIMESTAMPTZ,
  kind VARCHAR NOT NULL
`;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

CREATE TABLE IF NOT EXISTS batches (
  batch_id INTEGER PRIMARY KEY,
  source_file VARCHAR NOT NULL,
  format VARCHAR NOT NULL,
  content_sha256 VARCHAR NOT NULL UNIQUE,
  ingested_at TIMESTAMPTZ NOT NULL,
  records_read BIGINT NOT NULL,
  events_stored BIGINT NOT NULL,
  issues VARCHAR NOT NULL,
  first_ts TIMESTAMPTZ,
  last_ts TIMESTAMPTZ
);

CREATE TABLE IF NOT EXISTS reference_files (
  file_kind VARCHAR NOT NULL,
  content_sha256 VARCHAR NOT NULL,
  ingested_at TIMESTAMPTZ NOT NULL,
  rows_stored BIGINT NOT NULL,
  issues VARCHAR NOT NULL,
  PRIMARY KEY (file_kind, content_sha256)
);

CREATE TABLE IF NOT EXISTS departments (
  dept INTEGER PRIMARY KEY,
  department_id VARCHAR NOT NULL UNIQUE,
  name VARCHAR,
  kind VARCHAR,
  parent_id VARCHAR,
  known BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS users (
  uid INTEGER PRIMARY KEY,
  user_id VARCHAR NOT NULL UNIQUE,
  family_name VARCHAR,
  given_name VARCHAR,
  role VARCHAR,
  department_id VARCHAR,
  address_id VARCHAR,
  employed_from DATE,
  employed_to DATE,
  known BOOLEAN NOT NULL
);

-- patient_id and encounter_id are unique by how they are stored (each file's duplicates are refused; known ids are
-- updated, new ones inserted): an index on them cost more than a second per million rows at every ingest (schema 6).
CREATE TABLE IF NOT EXISTS patients (${PATIENTS_COLUMNS});

CREATE TABLE IF NOT EXISTS encounters (${ENCOUNTERS_COLUMNS});

CREATE TABLE IF NOT EXISTS care_relations (
  pid INTEGER NOT NULL,
  uid INTEGER,
  dept INTEGER,
  valid_from TIMESTAMPTZ NOT NULL,
  valid_to TIMESTAMPTZ,
  kind VARCHAR NOT NULL
);

-- Organisation-approved explanation rules (issue 8 adds the workflow that writes them). Every non-null condition
-- must hold; encounter_kind, when set, requires an encounter of that kind within window_days of the lookup.
CREATE TABLE IF NOT EXISTS explanation_rules (
  rule_id VARCHAR PRIMARY KEY,
  description_nb VARCHAR NOT NULL,
  description_en VARCHAR NOT NULL,
  user_role VARCHAR,
  user_department_id VARCHAR,
  user_department_kind VARCHAR,
  action VARCHAR,
  purpose VARCHAR,
  encounter_kind VARCHAR,
  window_days INTEGER NOT NULL DEFAULT 7,
  active BOOLEAN NOT NULL DEFAULT true,
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS workstations (ws INTEGER PRIMARY KEY, workstation VARCHAR NOT NULL UNIQUE);

CREATE TABLE IF NOT EXISTS events (
  event_id VARCHAR NOT NULL,
  ts TIMESTAMPTZ NOT NULL,
  uid INTEGER NOT NULL,
  pid INTEGER NOT NULL,
  action UTINYINT NOT NULL,
  purpose UTINYINT NOT NULL,
  dept INTEGER,
  ws INTEGER,
  batch_id INTEGER NOT NULL,
  explanation UTINYINT NOT NULL,
  flags UTINYINT NOT NULL
);

CREATE TABLE IF NOT EXISTS pair_days (
  uid INTEGER NOT NULL,
  pid INTEGER NOT NULL,
  day DATE NOT NULL,
  batch_id INTEGER NOT NULL,
  n_events INTEGER NOT NULL,
  n_unexplained INTEGER NOT NULL,
  n_weak INTEGER NOT NULL,
  first_ts TIMESTAMPTZ NOT NULL,
  last_ts TIMESTAMPTZ NOT NULL,
  first_unexplained_ts TIMESTAMPTZ,
  hours_all INTEGER NOT NULL,
  hours_unexplained INTEGER NOT NULL,
  search_then_read BOOLEAN NOT NULL,
  n_print_export INTEGER NOT NULL,
  n_etreat INTEGER NOT NULL,
  n_etreat_no_emergency INTEGER NOT NULL,
  n_after_employment INTEGER NOT NULL,
  dept INTEGER,
  explanation UTINYINT NOT NULL,
  -- workstations of the lookups without a documented reason of the user's own unit (weakly explained ones count; schema 5)
  ws_undocumented INTEGER[] NOT NULL,
  -- writes (update, create, delete) among the unexplained lookups: the user charted in the record (schema 4)
  n_write_unexplained INTEGER NOT NULL DEFAULT 0
);

-- Lookups per user, workstation and local day: the user's usual places of work.
CREATE TABLE IF NOT EXISTS user_ws_days (
  uid INTEGER NOT NULL,
  ws INTEGER NOT NULL,
  day DATE NOT NULL,
  batch_id INTEGER NOT NULL,
  n_events INTEGER NOT NULL
);

-- Derived from encounters (rebuilt when encounters change): the period in which an encounter explains a lookup.
CREATE TABLE IF NOT EXISTS encounter_windows (
  pid INTEGER NOT NULL,
  dept INTEGER NOT NULL,
  clinic INTEGER,
  enc_kind VARCHAR NOT NULL,
  dept_kind VARCHAR,
  is_emergency BOOLEAN NOT NULL,
  start_ts TIMESTAMPTZ NOT NULL,
  end_ts TIMESTAMPTZ,
  win_from TIMESTAMPTZ NOT NULL,
  win_to TIMESTAMPTZ NOT NULL
);

-- Derived from encounters and care relations: every period in which something explains lookups of a patient.
-- src: 1 = care relation (uid or dept set), 2 = encounter, 3 = after discharge (administrative follow-up).
CREATE TABLE IF NOT EXISTS explainers (
  pid INTEGER NOT NULL,
  src UTINYINT NOT NULL,
  uid INTEGER,
  dept INTEGER,
  clinic INTEGER,
  is_order BOOLEAN NOT NULL,
  -- For orders: the kind of service unit that received the order (lab, radiology, pharmacy), NULL when not known.
  service_kind VARCHAR,
  is_emergency BOOLEAN NOT NULL,
  win_from TIMESTAMPTZ NOT NULL,
  win_to TIMESTAMPTZ NOT NULL
);

-- Derived from departments: kind, and the clinic (parent) when the parent is a real grouping, not the whole hospital.
CREATE TABLE IF NOT EXISTS dept_info (dept INTEGER PRIMARY KEY, kind VARCHAR, clinic INTEGER);

-- Analysis runs and their findings, kept for the reviewer workflow (issue 8) to read.
CREATE TABLE IF NOT EXISTS analysis_runs (
  run_id INTEGER PRIMARY KEY,
  created_at TIMESTAMPTZ NOT NULL,
  window_from DATE,
  window_to DATE,
  budget INTEGER NOT NULL,
  events BIGINT NOT NULL,
  explained_events BIGINT NOT NULL,
  pairs BIGINT NOT NULL,
  findings INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS findings (
  run_id INTEGER NOT NULL,
  rank INTEGER NOT NULL,
  case_id VARCHAR NOT NULL,
  user_id VARCHAR NOT NULL,
  patient_id VARCHAR NOT NULL,
  score DOUBLE NOT NULL,
  first_seen VARCHAR NOT NULL,
  last_seen VARCHAR NOT NULL,
  events VARCHAR[] NOT NULL,
  reasons VARCHAR NOT NULL,
  PRIMARY KEY (run_id, rank)
);
`;
