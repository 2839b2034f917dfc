/** Shared shapes of the generated world. Indices (numbers) are used everywhere; ids are only for output. */
import type { Tag } from './departments.js';

export type Role =
  'physician' | 'nurse' | 'secretary' | 'lab' | 'radiology' | 'pharmacist' | 'therapist' | 'admin' | 'it' | 'other';
export type DeptKind =
  'ward' | 'outpatient' | 'emergency' | 'lab' | 'radiology' | 'pharmacy' | 'administration' | 'other';
export type Action = 'read' | 'search' | 'print' | 'export' | 'update' | 'create';
export type Purpose = 'TREAT' | 'ETREAT' | 'HOPERAT' | 'HPAYMT' | 'HRESCH' | 'PATRQT' | '';

export const ENC_KINDS = ['inpatient', 'outpatient', 'emergency', 'referral', 'order', 'other'] as const;
export type EncKind = (typeof ENC_KINDS)[number];
export const INPATIENT = 0;
export const OUTPATIENT = 1;
export const EMERGENCY = 2;
export const REFERRAL = 3;
export const ORDER = 4;
export const OTHER = 5;

export interface Dept {
  idx: number;
  id: string;
  name: string;
  kind: DeptKind;
  parent: number;
  site: number;
  tag: Tag;
  weight: number;
  /** Terminal ids in the unit. */
  terminals: string[];
}

export interface Address {
  id: string;
  muni: number;
  street: number;
  house: number;
  /** 0 for a house with one dwelling; otherwise the dwelling number within the building. */
  unit: number;
  /** Nursing home, student hall or reception centre: many unrelated residents on one address id. */
  institution: boolean;
}

export interface Patient {
  id: string;
  family: string;
  given: string;
  birthYear: number;
  sex: 0 | 1;
  /** Address index or -1. */
  addr: number;
  muni: number;
  /** Staff index when the patient is an employee, else -1. */
  employee: number;
  /** 1 for test patients used by IT and training. */
  test: boolean;
}

export type ShiftModel = 'day' | 'rot3' | 'rot2' | 'night' | 'phys' | 'ed' | 'lab' | 'office' | 'extra' | 'system';

export interface Staff {
  idx: number;
  id: string;
  family: string;
  given: string;
  role: Role;
  title: string;
  dept: number;
  addr: number;
  /** Patient index of the employee's own record, or -1. */
  patient: number;
  birthYear: number;
  sex: 0 | 1;
  /** Employment as window day indices (may be negative or beyond the window). */
  from: number;
  to: number | null;
  /** Last day the person actually works (an expired contract may run on). */
  worksUntil: number | null;
  model: ShiftModel;
  fte: number;
  /** Phase for weekend rotas and on-call rotas. */
  phase: number;
  oncallEvery: number;
  /** Home PC name for users with remote access, or null. */
  homeClient: string | null;
  /** Personal laptop, or null. */
  laptop: string | null;
  /** Days off (vacation, sick leave, own admission), as window day indices. */
  off: Set<number>;
  /** Study cohort index for research staff, or -1. */
  study: number;
  manager: boolean;
  service: boolean;
}

/** People around an employee, used to plant misuse (and present for everyone, so that presence is no signal). */
export interface Circle {
  household: number[];
  parents: number[];
  siblings: number[];
  adultChildren: number[];
  inLaws: number[];
  ex: number[];
  /** Household members of the ex (new partner, children). */
  exHousehold: number[];
}

export interface Ev {
  t: number;
  u: number;
  p: number;
  a: Action;
  pur: Purpose;
  dep: number;
  ws: string;
  /** Legit pattern or misuse scenario name. */
  tag: string;
  misuse: boolean;
}

export interface Relation {
  patient: number;
  user: number;
  dept: number;
  from: number;
  to: number | null;
  kind: string;
}
