/**
 * The organisation tree's vocabulary: levels (sector → type → enterprise → unit), the types of organisation in the
 * health and care sector, size classes and regions. Labels are in bokmål and English; codes are stable.
 */
export const organisationLevels = ['sector', 'type', 'enterprise', 'unit'] as const;
export type OrganisationLevel = (typeof organisationLevels)[number];

/** The level a parent must have for each level (a unit may also sit under another unit). */
export const allowedParentLevels: Readonly<Record<OrganisationLevel, readonly (OrganisationLevel | null)[]>> = {
  sector: [null],
  type: ['sector'],
  enterprise: ['type'],
  unit: ['enterprise', 'unit'],
};

export const organisationTypes = [
  'ministry',
  'directorate',
  'authority',
  'state-enterprise',
  'regional-health-authority',
  'hospital-trust',
  'municipality',
  'nursing-home',
  'gp-office',
  'dental-clinic',
  'pharmacy',
  'private-specialist',
  'supplier',
  'interest-organisation',
  'other',
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

export const organisationTypeLabels: Readonly<Record<OrganisationType, { nb: string; en: string }>> = {
  ministry: { nb: 'Departement', en: 'Ministry' },
  directorate: { nb: 'Direktorat', en: 'Directorate' },
  authority: { nb: 'Tilsyn og myndighet', en: 'Supervisory authority' },
  'state-enterprise': { nb: 'Statsforetak', en: 'State enterprise' },
  'regional-health-authority': { nb: 'Regionalt helseforetak', en: 'Regional health authority' },
  'hospital-trust': { nb: 'Helseforetak', en: 'Hospital trust' },
  municipality: { nb: 'Kommune', en: 'Municipality' },
  'nursing-home': { nb: 'Sykehjem', en: 'Nursing home' },
  'gp-office': { nb: 'Fastlegekontor', en: 'GP office' },
  'dental-clinic': { nb: 'Tannklinikk', en: 'Dental clinic' },
  pharmacy: { nb: 'Apotek', en: 'Pharmacy' },
  'private-specialist': { nb: 'Privat spesialist', en: 'Private specialist' },
  supplier: { nb: 'Leverandør', en: 'Supplier' },
  'interest-organisation': { nb: 'Interesseorganisasjon', en: 'Interest organisation' },
  other: { nb: 'Annet', en: 'Other' },
};

/** Size by number of employees, as Statistics Norway groups enterprises. */
export const sizeClasses = ['micro', 'small', 'medium', 'large'] as const;
export type SizeClass = (typeof sizeClasses)[number];
export const sizeClassLabels: Readonly<Record<SizeClass, { nb: string; en: string }>> = {
  micro: { nb: 'Under 10 ansatte', en: 'Fewer than 10 employees' },
  small: { nb: '10–49 ansatte', en: '10–49 employees' },
  medium: { nb: '50–249 ansatte', en: '50–249 employees' },
  large: { nb: '250 ansatte eller flere', en: '250 employees or more' },
};

/** The four health regions, and national bodies. */
export const regions = ['sor-ost', 'vest', 'midt', 'nord', 'national'] as const;
export type Region = (typeof regions)[number];
export const regionLabels: Readonly<Record<Region, { nb: string; en: string }>> = {
  'sor-ost': { nb: 'Helseregion Sør-Øst', en: 'South-East health region' },
  vest: { nb: 'Helseregion Vest', en: 'Western health region' },
  midt: { nb: 'Helseregion Midt-Norge', en: 'Central Norway health region' },
  nord: { nb: 'Helseregion Nord', en: 'Northern health region' },
  national: { nb: 'Nasjonal', en: 'National' },
};
