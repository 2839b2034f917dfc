/**
 * The server folders a dataset may read: an administrator keeps the list per organisation (or the environment,
 * VARDE_LOG_FOLDERS, at start). Only existing absolute folders are allowed, stored by their real path.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import { findFolder, listFolders, removeFolder, upsertFolder, type AllowedFolder } from './dataset-repository.js';
import { audit, requireReviewer, scopeOf, type ReviewContext } from './review-access.js';

function requireAdministrator(principal: Principal): void {
  if (!principal.roles.includes('administrator'))
    throw new AppError('FORBIDDEN', 'Only administrators keep the list of allowed folders');
}

/** Reviewers see their organisation's folders (to choose one); administrators see all. */
export async function listAllowedFolders(ctx: ReviewContext): Promise<AllowedFolder[]> {
  if (ctx.principal.roles.includes('administrator')) return listFolders(ctx.db, null);
  requireReviewer(ctx.principal);
  return listFolders(ctx.db, scopeOf(ctx.principal));
}

/** A folder must exist, be absolute and be a directory; it is stored by its real path (no symlink tricks). */
export function checkFolderPath(raw: string): string {
  if (!path.isAbsolute(raw) || raw.split(/[\\/]/).includes('..')) {
    throw new AppError('LOG_REVIEW_FOLDER_NOT_ALLOWED', 'Give an absolute folder path without ".."', [
      { field: 'path', message: 'not absolute' },
    ]);
  }
  let real: string;
  try {
    real = fs.realpathSync(raw);
  } catch {
    throw new AppError('LOG_REVIEW_FOLDER_NOT_ALLOWED', 'The folder does not exist on the server', [
      { field: 'path', message: 'not found' },
    ]);
  }
  if (!fs.statSync(real).isDirectory())
    throw new AppError('LOG_REVIEW_FOLDER_NOT_ALLOWED', 'Not a folder', [{ field: 'path', message: 'not a folder' }]);
  return real;
}

export async function allowFolder(
  ctx: ReviewContext,
  input: { organisationId: string; path: string; label: string },
): Promise<AllowedFolder> {
  requireAdministrator(ctx.principal);
  const real = checkFolderPath(input.path);
  const label = input.label.trim() || path.basename(real);
  const folder: AllowedFolder = {
    id: randomUUID(),
    organisationId: input.organisationId,
    path: real,
    label,
    source: 'admin',
    addedAt: ctx.now,
  };
  await upsertFolder(ctx.db, folder, ctx.principal.userId);
  await audit(
    ctx,
    'logreview.folder.allow',
    { type: 'folder', id: folder.id },
    { organisationId: folder.organisationId, path: real },
  );
  const stored = (await listFolders(ctx.db, [input.organisationId])).find((f) => f.path === real);
  return stored ?? folder;
}

export async function disallowFolder(ctx: ReviewContext, folderId: string): Promise<void> {
  requireAdministrator(ctx.principal);
  const folder = await findFolder(ctx.db, folderId);
  if (!folder) throw new AppError('NOT_FOUND', 'No such allowed folder');
  await removeFolder(ctx.db, folderId, ctx.now);
  await audit(
    ctx,
    'logreview.folder.remove',
    { type: 'folder', id: folderId },
    { organisationId: folder.organisationId, path: folder.path },
  );
}

/**
 * VARDE_LOG_FOLDERS="<organisation id>=<absolute path>;…" — folders allowed from the environment at start. A folder
 * that does not exist is skipped with a message (the server still starts).
 */
export function parseLogFolders(value: string | undefined): { organisationId: string; path: string }[] {
  if (!value) return [];
  return value
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf('=');
      if (at <= 0)
        throw new AppError('CONFIG_INVALID', `VARDE_LOG_FOLDERS: "${entry}" is not <organisation id>=<path>`, [
          { field: 'VARDE_LOG_FOLDERS', message: 'bad entry' },
        ]);
      return { organisationId: entry.slice(0, at).trim(), path: entry.slice(at + 1).trim() };
    });
}

export async function syncEnvFolders(
  db: ReviewContext['db'],
  entries: readonly { organisationId: string; path: string }[],
  now: Date,
  log: (m: string) => void,
): Promise<void> {
  for (const e of entries) {
    let real: string;
    try {
      real = checkFolderPath(e.path);
    } catch {
      log(`VARDE_LOG_FOLDERS: ${e.path} is not an existing absolute folder; skipped`);
      continue;
    }
    await upsertFolder(
      db,
      {
        id: randomUUID(),
        organisationId: e.organisationId,
        path: real,
        label: path.basename(real),
        source: 'env',
        addedAt: now,
      },
      null,
    );
  }
}
