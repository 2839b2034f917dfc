/**
 * The embedded demo's organisation tree and personas. The public bodies named in the strategy carry their public
 * organisation numbers (Enhetsregisteret); every other enterprise is fictional, with a synthetic number that passes
 * the mod-11 check. Nothing here is loaded outside demo mode.
 */
import type { Role } from '../../platform/http/access.js';
import { completeOrgNumber } from './org-number.js';
import type { Organisation } from './types.js';

/** A synthetic but valid organisation number: 899 followed by a running number, check digit computed. */
function synthetic(n: number): string {
  for (let k = n * 10; ; k++) {
    const number = completeOrgNumber(`899${String(k).padStart(5, '0')}`);
    if (number) return number;
  }
}

type Org = Omit<Organisation, 'sizeClass' | 'region' | 'actorId' | 'orgNumber' | 'organisationType'> &
  Partial<Pick<Organisation, 'sizeClass' | 'region' | 'actorId' | 'orgNumber' | 'organisationType'>>;

const sector: Org = { id: 'org-sector', parentId: null, level: 'sector', name: 'Helse- og omsorgssektoren' };
const type = (id: string, organisationType: Organisation['organisationType'], name: string): Org => ({
  id,
  parentId: sector.id,
  level: 'type',
  organisationType,
  name,
});

const types = [
  type('type-ministry', 'ministry', 'Departementer'),
  type('type-directorate', 'directorate', 'Direktorater'),
  type('type-authority', 'authority', 'Tilsyn og myndigheter'),
  type('type-state-enterprise', 'state-enterprise', 'Statsforetak'),
  type('type-rhf', 'regional-health-authority', 'Regionale helseforetak'),
  type('type-hf', 'hospital-trust', 'Helseforetak'),
  type('type-municipality', 'municipality', 'Kommuner'),
  type('type-gp', 'gp-office', 'Fastlegekontor'),
  type('type-dental', 'dental-clinic', 'Tannklinikker'),
  type('type-pharmacy', 'pharmacy', 'Apotek'),
  type('type-supplier', 'supplier', 'Leverandører'),
];

const enterprise = (id: string, parentId: string, name: string, extra: Partial<Org>): Org => ({
  id,
  parentId,
  level: 'enterprise',
  name,
  ...extra,
});
const unit = (id: string, parentId: string, name: string, extra: Partial<Org> = {}): Org => ({
  id,
  parentId,
  level: 'unit',
  name,
  ...extra,
});

const enterprises: Org[] = [
  enterprise('org-hod', 'type-ministry', 'Helse- og omsorgsdepartementet', {
    orgNumber: '983887406',
    sizeClass: 'large',
    region: 'national',
    actorId: 'hod',
  }),
  enterprise('org-ehelse', 'type-directorate', 'Direktoratet for e-helse', {
    orgNumber: '915933149',
    sizeClass: 'large',
    region: 'national',
    actorId: 'e-helse',
  }),
  enterprise('org-helsedir', 'type-directorate', 'Helsedirektoratet', {
    orgNumber: '983544622',
    sizeClass: 'large',
    region: 'national',
    actorId: 'helsedir',
  }),
  enterprise('org-helsetilsynet', 'type-authority', 'Statens helsetilsyn', {
    orgNumber: '974761424',
    sizeClass: 'medium',
    region: 'national',
    actorId: 'helsetilsynet',
  }),
  enterprise('org-nhn', 'type-state-enterprise', 'Norsk Helsenett SF', {
    orgNumber: '994598759',
    sizeClass: 'large',
    region: 'national',
    actorId: 'nhn',
  }),
  unit('org-helsecert', 'org-nhn', 'HelseCERT', { actorId: 'helsecert', region: 'national' }),
  enterprise('org-hso', 'type-rhf', 'Helse Sør-Øst RHF', {
    orgNumber: synthetic(101),
    sizeClass: 'large',
    region: 'sor-ost',
    actorId: 'helse-sor-ost',
  }),
  enterprise('org-helse-vest', 'type-rhf', 'Helse Vest RHF', {
    orgNumber: synthetic(102),
    sizeClass: 'large',
    region: 'vest',
    actorId: 'helse-vest',
  }),
  enterprise('org-fjordbyen-hf', 'type-hf', 'Fjordbyen sykehus HF', {
    orgNumber: synthetic(201),
    sizeClass: 'large',
    region: 'vest',
  }),
  unit('org-fjordbyen-akutt', 'org-fjordbyen-hf', 'Klinikk for akuttmedisin', { sizeClass: 'large', region: 'vest' }),
  unit('org-fjordbyen-ikt', 'org-fjordbyen-hf', 'Avdeling for IKT og sikkerhet', {
    sizeClass: 'medium',
    region: 'vest',
  }),
  enterprise('org-innlandsdalen-hf', 'type-hf', 'Innlandsdalen sykehus HF', {
    orgNumber: synthetic(202),
    sizeClass: 'large',
    region: 'sor-ost',
  }),
  enterprise('org-nordvik-kommune', 'type-municipality', 'Nordvik kommune', {
    orgNumber: synthetic(301),
    sizeClass: 'medium',
    region: 'nord',
  }),
  unit('org-nordvik-sykehjem', 'org-nordvik-kommune', 'Nordvik sykehjem', { sizeClass: 'small', region: 'nord' }),
  enterprise('org-sorstrand-kommune', 'type-municipality', 'Sørstrand kommune', {
    orgNumber: synthetic(302),
    sizeClass: 'small',
    region: 'sor-ost',
  }),
  enterprise('org-bakkegata-legesenter', 'type-gp', 'Legesenteret Bakkegata', {
    orgNumber: synthetic(401),
    sizeClass: 'micro',
    region: 'sor-ost',
  }),
  enterprise('org-fjellheim-legekontor', 'type-gp', 'Fjellheim legekontor', {
    orgNumber: synthetic(402),
    sizeClass: 'micro',
    region: 'nord',
  }),
  enterprise('org-smil-tannklinikk', 'type-dental', 'Smil tannklinikk', {
    orgNumber: synthetic(501),
    sizeClass: 'micro',
    region: 'vest',
  }),
  enterprise('org-torget-apotek', 'type-pharmacy', 'Torget apotek', {
    orgNumber: synthetic(601),
    sizeClass: 'micro',
    region: 'midt',
  }),
  enterprise('org-journalsystemer', 'type-supplier', 'Journalsystemer AS', {
    orgNumber: synthetic(701),
    sizeClass: 'medium',
    region: 'national',
  }),
];

function complete(list: readonly Org[]): Organisation[] {
  const byId = new Map<string, Organisation>();
  return list.map((o) => {
    const parent = o.parentId ? byId.get(o.parentId) : undefined;
    const full: Organisation = {
      id: o.id,
      parentId: o.parentId,
      level: o.level,
      name: o.name,
      organisationType: o.organisationType ?? parent?.organisationType ?? null,
      orgNumber: o.orgNumber ?? null,
      sizeClass: o.sizeClass ?? null,
      region: o.region ?? null,
      actorId: o.actorId ?? null,
    };
    byId.set(full.id, full);
    return full;
  });
}

/** Parents before children. */
export const demoOrganisations: readonly Organisation[] = complete([sector, ...types, ...enterprises]);

export interface DemoPersona {
  readonly id: string;
  readonly displayName: string;
  readonly description: { readonly nb: string; readonly en: string };
  readonly roles: readonly { readonly organisationId: string; readonly role: Role }[];
}

export const demoPersonas: readonly DemoPersona[] = [
  {
    id: 'strategy-owner',
    displayName: 'Siri Strand',
    description: {
      nb: 'Strategieier i Direktoratet for e-helse',
      en: 'Strategy owner at the Norwegian Directorate of eHealth',
    },
    roles: [{ organisationId: 'org-ehelse', role: 'strategy-owner' }],
  },
  {
    id: 'ministry-reader',
    displayName: 'Henrik Dahl',
    description: {
      nb: 'Leser i Helse- og omsorgsdepartementet',
      en: 'Reader at the Ministry of Health and Care Services',
    },
    roles: [{ organisationId: 'org-hod', role: 'ministry-reader' }],
  },
  {
    id: 'measure-owner-nhn',
    displayName: 'Nora Lie',
    description: {
      nb: 'Tiltakseier i Norsk Helsenett / HelseCERT',
      en: 'Measure owner at Norsk Helsenett / HelseCERT',
    },
    roles: [{ organisationId: 'org-nhn', role: 'measure-owner' }],
  },
  {
    id: 'measure-owner-helsetilsynet',
    displayName: 'Tor Haugen',
    description: {
      nb: 'Tiltakseier i Helsetilsynet',
      en: 'Measure owner at the Norwegian Board of Health Supervision',
    },
    roles: [{ organisationId: 'org-helsetilsynet', role: 'measure-owner' }],
  },
  {
    id: 'enterprise-lead-hospital',
    displayName: 'Ingrid Berg',
    description: { nb: 'Sikkerhetsleder i Fjordbyen sykehus HF', en: 'Security lead at Fjordbyen hospital trust' },
    roles: [{ organisationId: 'org-fjordbyen-hf', role: 'enterprise-lead' }],
  },
  {
    id: 'enterprise-lead-gp',
    displayName: 'Ola Nilsen',
    description: {
      nb: 'Fastlege og sikkerhetsansvarlig ved Legesenteret Bakkegata',
      en: 'GP and security lead at the Bakkegata GP office',
    },
    roles: [{ organisationId: 'org-bakkegata-legesenter', role: 'enterprise-lead' }],
  },
  {
    id: 'sector-analyst',
    displayName: 'Aisha Rahman',
    description: { nb: 'Sektoranalytiker (e-helsemonitor)', en: 'Sector analyst (eHealth monitor)' },
    roles: [{ organisationId: 'org-ehelse', role: 'sector-analyst' }],
  },
  {
    id: 'log-reviewer',
    displayName: 'Kari Moen',
    description: {
      nb: 'Loggkontrollør i Fjordbyen sykehus HF og Innlandsdalen sykehus HF',
      en: 'Log reviewer at Fjordbyen and Innlandsdalen hospital trusts',
    },
    roles: [
      { organisationId: 'org-fjordbyen-hf', role: 'log-reviewer' },
      { organisationId: 'org-innlandsdalen-hf', role: 'log-reviewer' },
    ],
  },
  {
    id: 'administrator',
    displayName: 'Erik Drift',
    description: { nb: 'Administrator for Varde', en: 'Varde administrator' },
    roles: [{ organisationId: 'org-ehelse', role: 'administrator' }],
  },
];

export const demoUserId = (personaId: string) => `demo-user-${personaId}`;
