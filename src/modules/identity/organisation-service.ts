/**
 * Organisations: the tree read by everyone who needs it (sector-wide roles see all of it; others see their own
 * organisation, what is below it and the path above it), and kept by administrators. Changes are audited.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Principal, Role } from '../../platform/http/access.js';
import { writeAuditEvent } from '../audit/index.js';
import { hasRole, organisationScopeOf, requireRole } from './access-rules.js';
import type { RequestOrigin } from './login-service.js';
import { normaliseOrgNumber } from './org-number.js';
import {
  findAncestors,
  findOrganisationById,
  findOrganisationByOrgNumber,
  findOrganisations,
  insertOrganisation,
  updateOrganisation as storeOrganisation,
  type OrganisationFilter,
} from './organisation-repository.js';
import { checkPlacement } from './organisation-tree.js';
import type { OrganisationLevel, OrganisationType, Region, SizeClass } from './organisation-types.js';
import type { Organisation } from './types.js';

/** Roles that work across the whole sector and so may read the whole organisation register (public register data). */
export const sectorWideRoles: readonly Role[] = [
  'administrator',
  'strategy-owner',
  'ministry-reader',
  'sector-analyst',
];

/** The organisation ids a principal may read in the register, or null for all. */
async function visibleIds(db: Db, principal: Principal): Promise<Set<string> | null> {
  if (hasRole(principal, ...sectorWideRoles)) return null;
  const ids = new Set(organisationScopeOf(principal));
  if (principal.organisationId) for (const a of await findAncestors(db, principal.organisationId)) ids.add(a.id);
  return ids;
}

export async function listOrganisations(
  db: Db,
  principal: Principal | null,
  filter: OrganisationFilter,
): Promise<Organisation[]> {
  const who = requireRole(principal);
  const visible = await visibleIds(db, who);
  const ids = visible ? [...visible].filter((id) => !filter.ids || filter.ids.includes(id)) : filter.ids;
  return findOrganisations(db, { ...filter, ids });
}

export async function getOrganisation(
  db: Db,
  principal: Principal | null,
  id: string,
): Promise<{ organisation: Organisation; path: Organisation[]; children: Organisation[] }> {
  const who = requireRole(principal);
  const visible = await visibleIds(db, who);
  const organisation = await findOrganisationById(db, id);
  if (visible && !visible.has(id)) throw new AppError('FORBIDDEN', 'This belongs to another organisation');
  if (!organisation) throw new AppError('ORGANISATION_NOT_FOUND', `No organisation "${id}"`);
  const path = (await findAncestors(db, id)).reverse();
  const children = (await findOrganisations(db, { parentId: id })).filter((c) => !visible || visible.has(c.id));
  return { organisation, path, children };
}

export interface OrganisationInput {
  readonly parentId: string | null;
  readonly level: OrganisationLevel;
  readonly organisationType?: OrganisationType | null;
  readonly name: string;
  readonly orgNumber?: string | null;
  readonly sizeClass?: SizeClass | null;
  readonly region?: Region | null;
  readonly actorId?: string | null;
}

async function validated(db: Db, input: OrganisationInput, id: string): Promise<Organisation> {
  const parent = input.parentId ? await findOrganisationById(db, input.parentId) : null;
  if (input.parentId && !parent)
    throw new AppError('ORGANISATION_INVALID', 'The parent organisation does not exist', [
      { field: 'parentId', message: `no organisation "${input.parentId}"` },
    ]);
  const organisationType =
    input.level === 'enterprise' || input.level === 'unit'
      ? (input.organisationType ?? parent?.organisationType ?? null)
      : (input.organisationType ?? null);
  const orgNumber = input.orgNumber ? normaliseOrgNumber(input.orgNumber) : null;
  const problems = checkPlacement({ level: input.level, parent, organisationType, orgNumber });
  if (!input.name.trim()) problems.push({ field: 'name', message: 'must not be empty' });
  if (problems.length > 0) throw new AppError('ORGANISATION_INVALID', 'The organisation is not valid', problems);
  if (orgNumber) {
    const holder = await findOrganisationByOrgNumber(db, orgNumber);
    if (holder && holder.id !== id)
      throw new AppError('ORGANISATION_NUMBER_TAKEN', `Organisation number ${orgNumber} belongs to "${holder.name}"`, [
        { field: 'orgNumber', message: 'already registered' },
      ]);
  }
  return {
    id,
    parentId: input.parentId,
    level: input.level,
    organisationType,
    name: input.name.trim().normalize('NFC'),
    orgNumber,
    sizeClass: input.sizeClass ?? null,
    region: input.region ?? null,
    actorId: input.actorId ?? null,
  };
}

export interface ChangeContext {
  readonly principal: Principal | null;
  readonly now: Date;
  readonly origin: RequestOrigin;
}

async function audit(
  db: Db,
  ctx: ChangeContext,
  action: string,
  organisation: Organisation,
  detail: Record<string, unknown>,
): Promise<void> {
  await writeAuditEvent(db, {
    at: ctx.now,
    actorUserId: ctx.principal?.userId ?? null,
    actorName: ctx.principal?.displayName ?? null,
    organisationId: ctx.principal?.organisationId ?? null,
    action,
    objectType: 'organisation',
    objectId: organisation.id,
    outcome: 'success',
    ip: ctx.origin.ip,
    userAgent: ctx.origin.userAgent,
    detail,
  });
}

export async function createOrganisation(
  db: Db,
  ctx: ChangeContext,
  input: OrganisationInput,
  id: string = randomUUID(),
): Promise<Organisation> {
  requireRole(ctx.principal, 'administrator');
  const organisation = await validated(db, input, id);
  await db.transaction().execute(async (trx) => {
    await insertOrganisation(trx, organisation, ctx.now);
    await audit(trx, ctx, 'organisation.create', organisation, { after: organisation });
  });
  return organisation;
}

export async function updateOrganisation(
  db: Db,
  ctx: ChangeContext,
  id: string,
  patch: Partial<Omit<OrganisationInput, 'level'>>,
): Promise<Organisation> {
  requireRole(ctx.principal, 'administrator');
  const before = await findOrganisationById(db, id);
  if (!before) throw new AppError('ORGANISATION_NOT_FOUND', `No organisation "${id}"`);
  if (
    patch.parentId !== undefined &&
    patch.parentId !== null &&
    (await findAncestors(db, patch.parentId)).some((a) => a.id === id)
  ) {
    throw new AppError('ORGANISATION_INVALID', 'An organisation cannot sit under itself', [
      { field: 'parentId', message: 'would make a cycle' },
    ]);
  }
  if (patch.parentId === id)
    throw new AppError('ORGANISATION_INVALID', 'An organisation cannot sit under itself', [
      { field: 'parentId', message: 'would make a cycle' },
    ]);
  const after = await validated(db, { ...before, ...patch, level: before.level }, id);
  await db.transaction().execute(async (trx) => {
    await storeOrganisation(trx, after, ctx.now);
    await audit(trx, ctx, 'organisation.update', after, { before, after });
  });
  return after;
}
