/**
 * The generator's in-memory model of the synthetic hospital: departments, staff and the patient population. The
 * population is held in typed arrays so that a region-sized dataset (millions of patients) fits in little memory.
 */
import type { Specialty } from './specialties.js';

export type DepartmentKind =
  'ward' | 'outpatient' | 'emergency' | 'lab' | 'radiology' | 'pharmacy' | 'administration' | 'other';

/** What a department does in the simulation (finer than the contract's `kind`). */
export type DepartmentFunction =
  | 'root'
  | 'site'
  | 'clinic'
  | 'ward'
  | 'icu'
  | 'outpatient'
  | 'er'
  | 'lab'
  | 'micro'
  | 'pathology'
  | 'radiology'
  | 'pharmacy'
  | 'patient-admin'
  | 'coding'
  | 'archive'
  | 'quality'
  | 'it'
  | 'hr'
  | 'finance'
  | 'therapy'
  | 'pool';

export interface Department {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly kind: DepartmentKind;
  readonly parent: number | null;
  readonly site: number;
  readonly fn: DepartmentFunction;
  /** Clinic key for clinical units ('med', 'kir', ...). */
  readonly clinic: string | null;
  readonly specialty: Specialty | null;
  readonly beds: number;
  readonly workstations: number[];
  readonly staff: number[];
}

export type Role =
  'physician' | 'nurse' | 'secretary' | 'lab' | 'radiology' | 'pharmacist' | 'therapist' | 'admin' | 'it' | 'other';

/** How a person's working days are laid out (see roster.ts). */
export type WorkPattern = 'rotating' | 'night' | 'office' | 'physician' | 'er-physician' | 'diagnostic' | 'none';

export interface StaffMember {
  readonly index: number;
  readonly userId: string;
  readonly familyName: string;
  readonly givenName: string;
  readonly role: Role;
  readonly home: number;
  readonly site: number;
  readonly pattern: WorkPattern;
  /** Population index of the household's address, municipality etc. (see Population). */
  readonly person: number;
  /** True when the person also has a row in patients.csv. */
  readonly isPatient: boolean;
  readonly municipality: number;
  /** First and last day (period day index) of employment; null when outside any bound. */
  readonly firstDay: number | null;
  readonly lastDay: number | null;
  readonly employedFrom: string;
  readonly employedTo: string;
  /** Workstations this user normally sits at. */
  readonly workstations: number[];
  /** Population indices of close relatives (household and family elsewhere). */
  readonly relatives: number[];
  /** Extra units served: wards for a clinical pharmacist, the outpatient clinic for a ward physician, ... */
  readonly serves: number[];
  /** Start of the office day in seconds after midnight (office pattern). */
  readonly officeStart: number;
}

/** The patient population: one entry per person (staff members who are not patients are flagged). */
export interface Population {
  readonly count: number;
  readonly familyName: Int32Array;
  readonly givenName: string[];
  readonly birthYear: Int16Array;
  readonly address: Int32Array;
  readonly household: Int32Array;
  /** Staff index when the person is an employee, else -1. */
  readonly employee: Int32Array;
  /** 1 when the person has a patients.csv row. */
  readonly isPatient: Uint8Array;
  /** Site whose catchment the person lives in. */
  readonly site: Uint8Array;
  /** Relative need of hospital care (age and chronic illness). */
  readonly careWeight: Float32Array;
  /** Patients set aside as misuse victims: never drawn for ordinary encounters. */
  readonly reserved: Uint8Array;
  /** Opaque patient id number (a permutation, so ids reveal nothing about households). */
  readonly idNumber: Int32Array;
}

export interface Addresses {
  readonly ids: string[];
  readonly municipality: Int16Array;
  /** Households at the address: more than one for apartment buildings. */
  readonly households: Int32Array;
}

export interface Workstation {
  readonly id: string;
  readonly department: number;
  /** Remote-access (VDI) session hosts are shared by all departments of a site. */
  readonly remote: boolean;
}

export interface Hospital {
  readonly departments: Department[];
  readonly staff: StaffMember[];
  readonly workstations: Workstation[];
  readonly remoteHosts: number[][];
  readonly population: Population;
  readonly addresses: Addresses;
  readonly municipalities: readonly string[];
  readonly familyNames: readonly string[];
  readonly sites: readonly string[];
}

const patientIdCache = new WeakMap<Population, string[]>();

/** The opaque patient id of a person (cached: the same few patients are written many times). */
export function patientIdOf(population: Population, person: number): string {
  let cache = patientIdCache.get(population);
  if (!cache) {
    cache = new Array<string>(population.count);
    patientIdCache.set(population, cache);
  }
  let id = cache[person];
  if (id === undefined) {
    id = `p${String(population.idNumber[person]).padStart(7, '0')}`;
    cache[person] = id;
  }
  return id;
}
