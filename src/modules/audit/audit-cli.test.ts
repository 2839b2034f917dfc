/**
 * The operator's check, as the product owner runs it: `varde audit verify` passes, then fails and names the event
 * after a row is edited directly in the database (past the append-only trigger). Runs the real CLI on an embedded
 * database in a temporary folder.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../../bin/varde.js');
let dataDir: string;

async function varde(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, VARDE_DATA_DIR: dataDir, DATABASE_URL: '', VARDE_DEMO: '' };
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'varde-audit-cli-'));
});
afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('varde audit verify', () => {
  it('passes on an intact trail and reports the first broken event after a direct edit', async () => {
    expect((await varde('organisations', 'add', '--name', 'Helse- og omsorgssektoren', '--level', 'sector')).code).toBe(
      0,
    );
    expect((await varde('users', 'add', '--name', 'Første Administrator')).code).toBe(0);
    const intact = await varde('audit', 'verify');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/Audit trail intact: 2 event\(s\)/);

    const db = new PGlite(path.join(dataDir, 'pglite'));
    await expect(db.query("update audit_event set actor_name = 'Mallory' where seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await db.exec('alter table audit_event disable trigger audit_event_no_update_delete');
    await db.query("update audit_event set actor_name = 'Mallory' where seq = 1");
    await db.exec('alter table audit_event enable trigger audit_event_no_update_delete');
    await db.close();

    const broken = await varde('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/Audit trail BROKEN at event 1: event 1 was changed after it was written/);
  }, 300_000);
});
