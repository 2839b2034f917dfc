/**
 * Organisation lookups for other modules' service functions (they check the caller's access themselves, with
 * `requireOrganisationScope`): by id, by catalogue actor, the tree below an organisation, and filtered sets for
 * surveys and statistics (by type, size class, region).
 */
import type { Db } from '../../platform/db/database.js';
import {
  findAncestors,
  findDescendantIds,
  findOrganisationById,
  findOrganisationByOrgNumber,
  findOrganisations,
  type OrganisationFilter,
} from './organisation-repository.js';
import type { Organisation } from './types.js';

export type { OrganisationFilter };

export const getOrganisationById = (db: Db, id: string): Promise<Organisation | null> => findOrganisationById(db, id);
export const getOrganisationByOrgNumber = (db: Db, orgNumber: string): Promise<Organisation | null> =>
  findOrganisationByOrgNumber(db, orgNumber);
/** The organisations that are the given catalogue actor (usually one). */
export const getOrganisationsByActor = (db: Db, actorId: string): Promise<Organisation[]> =>
  findOrganisations(db, { actorId });
export const getOrganisationChildren = (db: Db, id: string): Promise<Organisation[]> =>
  findOrganisations(db, { parentId: id });
/** The organisation and every organisation below it, ids only. */
export const getOrganisationSubtreeIds = (db: Db, id: string): Promise<string[]> => findDescendantIds(db, id);
/** From the organisation's parent up to the sector. */
export const getOrganisationPath = (db: Db, id: string): Promise<Organisation[]> => findAncestors(db, id);
/** Enterprises (or any level) by type, size class and region: the populations of surveys and indicators. */
export const findOrganisationsWhere = (db: Db, filter: OrganisationFilter): Promise<Organisation[]> =>
  findOrganisations(db, filter, 100_000);
