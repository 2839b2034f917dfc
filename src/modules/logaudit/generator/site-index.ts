/**
 * Look-up tables over the hospital for the simulation: per site, which unit does what and who works there; per
 * specialty, its wards, clinic and physicians. Built once, read everywhere.
 */
import type { Department, DepartmentFunction, Hospital, Role } from './model.js';
import { WeightedPicker } from './rng.js';
import type { Specialty } from './specialties.js';

export interface SpecialtyAtSite {
  readonly specialty: Specialty;
  readonly wards: number[];
  readonly clinic: number;
  readonly physicians: number[];
  readonly clinicKey: string;
}

export interface SiteIndex {
  readonly site: number;
  readonly specialties: SpecialtyAtSite[];
  readonly acutePicker: WeightedPicker;
  readonly electivePicker: WeightedPicker;
  readonly outpatientPicker: WeightedPicker;
  readonly unit: Partial<Record<DepartmentFunction, number>>;
  readonly wards: number[];
  readonly beds: number;
}

export interface HospitalIndex {
  readonly sites: SiteIndex[];
  /** Trust-wide units (coding, archive, quality, it, micro, pathology). */
  readonly trustUnit: Partial<Record<DepartmentFunction, number>>;
  /** Staff of a unit with a given role. */
  staffOf(unit: number, ...roles: Role[]): number[];
  /** Specialty entry of a ward or outpatient clinic. */
  specialtyOfUnit(unit: number): SpecialtyAtSite | null;
  /** Clinical pharmacists who cover a ward. */
  pharmacistsOf(ward: number): readonly number[];
}

export function indexHospital(hospital: Hospital): HospitalIndex {
  const { departments, staff } = hospital;
  const byUnitRole = new Map<string, number[]>();
  for (const member of staff) {
    const key = `${member.home}:${member.role}`;
    const list = byUnitRole.get(key) ?? [];
    list.push(member.index);
    byUnitRole.set(key, list);
  }
  const staffOf = (unit: number, ...roles: Role[]): number[] =>
    roles.flatMap((role) => byUnitRole.get(`${unit}:${role}`) ?? []);

  const trustUnit: Partial<Record<DepartmentFunction, number>> = {};
  for (const d of departments) {
    if (['coding', 'archive', 'quality', 'it', 'hr', 'finance', 'micro', 'pathology'].includes(d.fn))
      trustUnit[d.fn] = d.index;
  }
  const siteCount = Math.max(...departments.map((d) => d.site)) + 1;
  const unitSpecialty = new Map<number, SpecialtyAtSite>();
  const sites: SiteIndex[] = [];
  for (let s = 0; s < siteCount; s += 1) {
    const here = departments.filter((d) => d.site === s);
    const unit: Partial<Record<DepartmentFunction, number>> = {};
    for (const d of here)
      if (unit[d.fn] === undefined && d.fn !== 'ward' && d.fn !== 'outpatient') unit[d.fn] = d.index;
    const specialties: SpecialtyAtSite[] = [];
    for (const d of here.filter((x) => x.fn === 'outpatient')) {
      const specialty = d.specialty as Specialty;
      const wards = here.filter((x) => x.fn === 'ward' && x.specialty === specialty).map((x) => x.index);
      const units = [d.index, ...wards];
      const entry: SpecialtyAtSite = {
        specialty,
        wards,
        clinic: d.index,
        physicians: units.flatMap((u) => staffOf(u, 'physician')),
        clinicKey: d.clinic ?? 'med',
      };
      specialties.push(entry);
      for (const u of units) unitSpecialty.set(u, entry);
    }
    const wards = here.filter((d: Department) => d.fn === 'ward').map((d) => d.index);
    sites.push({
      site: s,
      specialties,
      acutePicker: new WeightedPicker(specialties.map((x) => x.specialty.acute)),
      electivePicker: new WeightedPicker(specialties.map((x) => x.specialty.elective + 0.01)),
      outpatientPicker: new WeightedPicker(specialties.map((x) => x.specialty.outpatient)),
      unit,
      wards,
      beds: here.filter((d) => d.fn === 'ward' || d.fn === 'icu').reduce((sum, d) => sum + d.beds, 0),
    });
  }
  const pharmacists = new Map<number, number[]>();
  for (const member of staff) {
    if (member.role !== 'pharmacist') continue;
    for (const ward of member.serves) pharmacists.set(ward, [...(pharmacists.get(ward) ?? []), member.index]);
  }
  return {
    sites,
    trustUnit,
    staffOf,
    specialtyOfUnit: (u) => unitSpecialty.get(u) ?? null,
    pharmacistsOf: (ward) => pharmacists.get(ward) ?? [],
  };
}
