/**
 * Where the assessment module learns an enterprise's type, size class and region: the identity module's
 * organisations first, then the survey register (enterprises of the demo sector that have no organisation there).
 * Everything else in the module asks here, so moving the register into the identity module later changes one file.
 */
import type { Db } from '../../platform/db/database.js';
import { findOrganisationsWhere, getOrganisationById, type Organisation } from '../identity/index.js';
import { findRegisterEntries, findRegisterEntry } from './register-repository.js';
import type { SurveyTarget } from './survey-types.js';
import type { EnterpriseProfile } from './types.js';

function fromOrganisation(o: Organisation): EnterpriseProfile | null {
  if (o.level !== 'enterprise' || !o.organisationType || !o.sizeClass || !o.region) return null;
  return {
    id: o.id,
    name: o.name,
    orgNumber: o.orgNumber,
    organisationType: o.organisationType,
    sizeClass: o.sizeClass,
    region: o.region,
  };
}

export async function getEnterprise(db: Db, id: string): Promise<EnterpriseProfile | null> {
  const organisation = await getOrganisationById(db, id);
  if (organisation) return fromOrganisation(organisation);
  const entry = await findRegisterEntry(db, id);
  return entry
    ? {
        id: entry.id,
        name: entry.name,
        orgNumber: entry.orgNumber,
        organisationType: entry.organisationType,
        sizeClass: entry.sizeClass,
        region: entry.region,
      }
    : null;
}

const matches = (target: SurveyTarget, e: EnterpriseProfile) =>
  (target.organisationTypes.length === 0 || target.organisationTypes.includes(e.organisationType)) &&
  (target.sizeClasses.length === 0 || target.sizeClasses.includes(e.sizeClass)) &&
  (target.regions.length === 0 || target.regions.includes(e.region));

/** The enterprises a survey with this target goes to, with contact addresses where the register has one. */
export async function findEnterprises(
  db: Db,
  target: SurveyTarget,
): Promise<(EnterpriseProfile & { contactEmail: string | null })[]> {
  const fromIdentity = (await findOrganisationsWhere(db, { level: 'enterprise' }))
    .map(fromOrganisation)
    .filter((e): e is EnterpriseProfile => e !== null && matches(target, e))
    .map((e) => ({ ...e, contactEmail: null }));
  const known = new Set(fromIdentity.map((e) => e.id));
  const fromRegister = (await findRegisterEntries(db, {}))
    .filter((e) => !known.has(e.id) && matches(target, e))
    .map(({ origin: _origin, ...e }) => e);
  return [...fromIdentity, ...fromRegister];
}
