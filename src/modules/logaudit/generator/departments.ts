/**
 * The organisation chart: a health trust (root) with one or more hospital sites; each site has clinics (the
 * parents) holding wards, outpatient clinics, an emergency department, laboratory, imaging, pharmacy, therapy
 * and a staffing pool; trust-wide staff functions (coding, archive, quality, IT, HR, finance) sit at the root.
 */
import type { Department, DepartmentFunction, DepartmentKind } from './model.js';
import { siteNames } from './places.js';
import type { Sizing } from './scale.js';
import { clinicNames, specialtyCatalogue, type Specialty } from './specialties.js';

export interface DepartmentPlan {
  readonly departments: Department[];
  readonly sites: string[];
}

export function buildDepartments(sizing: Sizing, siteOffset: number): DepartmentPlan {
  const departments: Department[] = [];
  const sites: string[] = [];
  const add = (
    name: string,
    kind: DepartmentKind,
    fn: DepartmentFunction,
    parent: number | null,
    site: number,
    extra: { clinic?: string; specialty?: Specialty; beds?: number } = {},
  ): number => {
    const index = departments.length;
    departments.push({
      index,
      id: `D${String(1001 + index)}`,
      name,
      kind,
      fn,
      parent,
      site,
      clinic: extra.clinic ?? null,
      specialty: extra.specialty ?? null,
      beds: extra.beds ?? 0,
      workstations: [],
      staff: [],
    });
    return index;
  };

  const root = add('Varde helseforetak', 'other', 'root', null, 0);
  const stab = add(clinicNames.stab, 'administration', 'clinic', root, 0, { clinic: 'stab' });
  for (const [name, fn] of [
    ['Medisinsk koding', 'coding'],
    ['Dokumentsenter og arkiv', 'archive'],
    ['Kvalitet og pasientsikkerhet', 'quality'],
    ['IKT-avdelingen', 'it'],
    ['HR-avdelingen', 'hr'],
    ['Økonomiavdelingen', 'finance'],
  ] as const) {
    add(name, 'administration', fn, stab, 0);
  }

  for (let s = 0; s < sizing.sites; s += 1) {
    const siteName = siteNames[(siteOffset + s) % siteNames.length] ?? `Sted ${s + 1}`;
    sites.push(siteName);
    const suffix = sizing.sites > 1 ? ` ${siteName}` : '';
    const siteIndex = add(`Sykehuset ${siteName}`, 'other', 'site', root, s);
    const beds = sizing.bedsPerSite;
    const specialtyCount = Math.min(specialtyCatalogue.length, Math.max(2, Math.round(beds / 16) + 1));
    const specialties = specialtyCatalogue.slice(0, specialtyCount);
    const clinicIndex = new Map<string, number>();
    const clinic = (key: keyof typeof clinicNames): number => {
      let index = clinicIndex.get(key);
      if (index === undefined) {
        index = add(`${clinicNames[key]}${suffix}`, 'other', 'clinic', siteIndex, s, { clinic: key });
        clinicIndex.set(key, index);
      }
      return index;
    };

    const icuBeds = Math.max(2, Math.round(beds * 0.06));
    const wardBeds = beds - icuBeds;
    const weightSum = specialties.reduce((sum, sp) => sum + sp.beds, 0);
    for (const specialty of specialties) {
      const parent = clinic(specialty.clinic);
      const specialtyBeds = Math.max(3, (wardBeds * specialty.beds) / weightSum);
      const wards = Math.max(1, Math.round(specialtyBeds / 24));
      for (let w = 0; w < wards; w += 1) {
        const number = wards > 1 ? ` ${w + 1}` : '';
        add(`Sengepost ${specialty.name}${number}${suffix}`, 'ward', 'ward', parent, s, {
          clinic: specialty.clinic,
          specialty,
          beds: specialtyBeds / wards,
        });
      }
      add(`Poliklinikk ${specialty.name}${suffix}`, 'outpatient', 'outpatient', parent, s, {
        clinic: specialty.clinic,
        specialty,
        beds: specialtyBeds,
      });
    }
    const acute = clinic('akutt');
    add(`Akuttmottak${suffix}`, 'emergency', 'er', acute, s, { clinic: 'akutt', beds });
    add(`Intensivavdelingen${suffix}`, 'ward', 'icu', acute, s, { clinic: 'akutt', beds: icuBeds });
    const service = clinic('service');
    add(`Avdeling for medisinsk biokjemi${suffix}`, 'lab', 'lab', service, s, { beds });
    if (s === 0) {
      add('Avdeling for mikrobiologi', 'lab', 'micro', service, s, { beds: sizing.beds });
      add('Avdeling for patologi', 'lab', 'pathology', service, s, { beds: sizing.beds });
    }
    add(`Avdeling for bildediagnostikk${suffix}`, 'radiology', 'radiology', service, s, { beds });
    add(`Sykehusapoteket${suffix}`, 'pharmacy', 'pharmacy', siteIndex, s, { beds });
    add(`Fysio- og ergoterapi${suffix}`, 'other', 'therapy', clinic('med'), s, { beds });
    if (beds >= 80) add(`Bemanningssenteret${suffix}`, 'other', 'pool', siteIndex, s, { beds });
    add(`Pasientadministrasjon${suffix}`, 'administration', 'patient-admin', siteIndex, s, { beds });
  }
  return { departments, sites };
}
