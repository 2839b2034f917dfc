/**
 * Helse Sørfjord HF: a fictional west-coast health trust with a central hospital (Brekkestad), a local hospital
 * (Lindvik), a psychiatric centre (Haugmo) and trust-wide staff functions. Unit codes follow the habit of Norwegian
 * trusts: site prefix plus a short local code.
 */
import type { DeptKind } from './types.js';

/** What a unit does, which drives who works there and what they look at. */
export type Tag =
  | 'root'
  | 'site'
  | 'clinic'
  | 'med'
  | 'geri'
  | 'stroke'
  | 'surg'
  | 'ortho'
  | 'icu'
  | 'postop'
  | 'ed'
  | 'anest'
  | 'theatre'
  | 'obst'
  | 'gyn'
  | 'peds'
  | 'neo'
  | 'psych'
  | 'tsb'
  | 'opd'
  | 'dialysis'
  | 'onc'
  | 'daysurg'
  | 'dps'
  | 'bup'
  | 'biochem'
  | 'micro'
  | 'path'
  | 'bloodbank'
  | 'rad'
  | 'pharm'
  | 'physio'
  | 'ergo'
  | 'social'
  | 'pool'
  | 'ptoffice'
  | 'archive'
  | 'coding'
  | 'typing'
  | 'quality'
  | 'research'
  | 'ikt'
  | 'billing';

export interface DeptDef {
  code: string;
  name: string;
  kind: DeptKind;
  parent: string | null;
  /** 0 Brekkestad, 1 Lindvik, 2 Haugmo, 3 trust-wide. */
  site: number;
  tag: Tag;
  /** Relative head count. */
  weight: number;
}

const D = (
  code: string,
  name: string,
  kind: DeptKind,
  parent: string | null,
  site: number,
  tag: Tag,
  weight = 0,
): DeptDef => ({ code, name, kind, parent, site, tag, weight });

export const DEPARTMENTS: readonly DeptDef[] = [
  D('HSF', 'Helse Sørfjord HF', 'administration', null, 3, 'root'),
  D('BRK', 'Brekkestad sjukehus', 'other', 'HSF', 0, 'site'),
  D('LVK', 'Lindvik sjukehus', 'other', 'HSF', 1, 'site'),
  D('HMO', 'Haugmo psykiatriske senter', 'other', 'HSF', 2, 'site'),
  D('STAB', 'Stab og fellestenester', 'administration', 'HSF', 3, 'site'),

  D('BRK-MED', 'Medisinsk klinikk', 'other', 'BRK', 0, 'clinic'),
  D('BRK-MSP1', 'Medisinsk sengepost 1 – hjarte', 'ward', 'BRK-MED', 0, 'med', 10),
  D('BRK-MSP2', 'Medisinsk sengepost 2 – mage/tarm og nyre', 'ward', 'BRK-MED', 0, 'med', 9),
  D('BRK-MSP3', 'Medisinsk sengepost 3 – lunge og infeksjon', 'ward', 'BRK-MED', 0, 'med', 9),
  D('BRK-GER', 'Geriatrisk sengepost', 'ward', 'BRK-MED', 0, 'geri', 6),
  D('BRK-SLAG', 'Slageininga', 'ward', 'BRK-MED', 0, 'stroke', 5),
  D('BRK-MPOL', 'Medisinsk poliklinikk', 'outpatient', 'BRK-MED', 0, 'opd', 6),
  D('BRK-HPOL', 'Hjartepoliklinikken', 'outpatient', 'BRK-MED', 0, 'opd', 4),
  D('BRK-DIAL', 'Dialyseeininga', 'outpatient', 'BRK-MED', 0, 'dialysis', 4),
  D('BRK-KREFT', 'Kreftpoliklinikk og dagbehandling', 'outpatient', 'BRK-MED', 0, 'onc', 6),

  D('BRK-KIR', 'Kirurgisk klinikk', 'other', 'BRK', 0, 'clinic'),
  D('BRK-KSP1', 'Kirurgisk sengepost 1 – gastrokirurgi', 'ward', 'BRK-KIR', 0, 'surg', 8),
  D('BRK-KSP2', 'Kirurgisk sengepost 2 – urologi og kar', 'ward', 'BRK-KIR', 0, 'surg', 6),
  D('BRK-ORT', 'Ortopedisk sengepost', 'ward', 'BRK-KIR', 0, 'ortho', 9),
  D('BRK-KPOL', 'Kirurgisk poliklinikk', 'outpatient', 'BRK-KIR', 0, 'opd', 5),
  D('BRK-OPOL', 'Ortopedisk poliklinikk', 'outpatient', 'BRK-KIR', 0, 'opd', 4),
  D('BRK-DKIR', 'Dagkirurgisk eining', 'outpatient', 'BRK-KIR', 0, 'daysurg', 4),
  D('BRK-OP', 'Operasjonsavdelinga', 'other', 'BRK-KIR', 0, 'theatre', 9),

  D('BRK-AKU', 'Akuttklinikken', 'other', 'BRK', 0, 'clinic'),
  D('BRK-AMOT', 'Akuttmottaket', 'emergency', 'BRK-AKU', 0, 'ed', 10),
  D('BRK-INT', 'Intensiveininga', 'ward', 'BRK-AKU', 0, 'icu', 8),
  D('BRK-POST', 'Postoperativ eining', 'ward', 'BRK-AKU', 0, 'postop', 4),
  D('BRK-ANE', 'Anestesiavdelinga', 'other', 'BRK-AKU', 0, 'anest', 5),

  D('BRK-KVB', 'Kvinne- og barneklinikken', 'other', 'BRK', 0, 'clinic'),
  D('BRK-FOD', 'Føde/barsel', 'ward', 'BRK-KVB', 0, 'obst', 8),
  D('BRK-GYN', 'Gynekologisk sengepost og poliklinikk', 'ward', 'BRK-KVB', 0, 'gyn', 4),
  D('BRK-BAR', 'Barneavdelinga', 'ward', 'BRK-KVB', 0, 'peds', 6),
  D('BRK-NYF', 'Nyfødd intensiv', 'ward', 'BRK-KVB', 0, 'neo', 4),
  D('BRK-BPOL', 'Barnepoliklinikken', 'outpatient', 'BRK-KVB', 0, 'opd', 3),

  D('BRK-LAB', 'Laboratorieklinikken', 'other', 'BRK', 0, 'clinic'),
  D('BRK-BIOK', 'Medisinsk biokjemi', 'lab', 'BRK-LAB', 0, 'biochem', 8),
  D('BRK-MIKR', 'Mikrobiologi', 'lab', 'BRK-LAB', 0, 'micro', 4),
  D('BRK-PAT', 'Patologi', 'lab', 'BRK-LAB', 0, 'path', 4),
  D('BRK-BLOD', 'Blodbanken', 'lab', 'BRK-LAB', 0, 'bloodbank', 3),

  D('BRK-BDI', 'Bildediagnostikk', 'other', 'BRK', 0, 'clinic'),
  D('BRK-RTG', 'Røntgen', 'radiology', 'BRK-BDI', 0, 'rad', 9),
  D('BRK-NUK', 'Nukleærmedisin', 'radiology', 'BRK-BDI', 0, 'rad', 2),

  D('BRK-APO', 'Sjukehusapoteket Brekkestad', 'pharmacy', 'BRK', 0, 'pharm', 4),

  D('BRK-REH', 'Fysikalsk medisin og rehabilitering', 'other', 'BRK', 0, 'clinic'),
  D('BRK-FYS', 'Fysioterapi', 'other', 'BRK-REH', 0, 'physio', 5),
  D('BRK-ERGO', 'Ergoterapi', 'other', 'BRK-REH', 0, 'ergo', 2),
  D('BRK-SOS', 'Sosionomtenesta', 'other', 'BRK-REH', 0, 'social', 1.5),

  D('BRK-POOL', 'Bemanningssenteret', 'other', 'BRK', 0, 'pool', 5),

  D('LVK-MED', 'Medisinsk sengepost Lindvik', 'ward', 'LVK', 1, 'med', 7),
  D('LVK-KIR', 'Kirurgisk/ortopedisk sengepost Lindvik', 'ward', 'LVK', 1, 'surg', 5),
  D('LVK-AMOT', 'Akuttmottak Lindvik', 'emergency', 'LVK', 1, 'ed', 5),
  D('LVK-POL', 'Poliklinikk Lindvik', 'outpatient', 'LVK', 1, 'opd', 4),
  D('LVK-LAB', 'Laboratoriet Lindvik', 'lab', 'LVK', 1, 'biochem', 3),
  D('LVK-RTG', 'Røntgen Lindvik', 'radiology', 'LVK', 1, 'rad', 3),
  D('LVK-FOD', 'Fødestova Lindvik', 'ward', 'LVK', 1, 'obst', 2),

  D('HMO-AKP', 'Akuttpsykiatrisk sengepost', 'ward', 'HMO', 2, 'psych', 6),
  D('HMO-ALM', 'Allmennpsykiatrisk sengepost', 'ward', 'HMO', 2, 'psych', 4),
  D('HMO-TSB', 'Rus og avhengigheit (TSB)', 'ward', 'HMO', 2, 'tsb', 3),
  D('HMO-DPS', 'DPS Haugmo poliklinikk', 'outpatient', 'HMO', 2, 'dps', 6),
  D('HMO-BUP', 'BUP Sørfjord', 'outpatient', 'HMO', 2, 'bup', 4),

  D('STAB-PKT', 'Pasientkontoret', 'administration', 'STAB', 3, 'ptoffice', 3),
  D('STAB-DOK', 'Dokumentasjonssenteret (arkiv og skanning)', 'administration', 'STAB', 3, 'archive', 3),
  D('STAB-KOD', 'Kodeeininga', 'administration', 'STAB', 3, 'coding', 2),
  D('STAB-SKR', 'Skrivetenesta', 'administration', 'STAB', 3, 'typing', 2),
  D('STAB-KVA', 'Kvalitet og pasienttryggleik', 'administration', 'STAB', 3, 'quality', 2),
  D('STAB-FOU', 'Forsking og innovasjon', 'other', 'STAB', 3, 'research', 3),
  D('STAB-IKT', 'IKT og systemforvaltning', 'administration', 'STAB', 3, 'ikt', 4),
  D('STAB-OKO', 'Pasientrekneskap', 'administration', 'STAB', 3, 'billing', 1.5),
];

/** Role mix per unit type: [role, share]. */
export function roleMix(tag: Tag): readonly (readonly [string, number])[] {
  switch (tag) {
    case 'med':
    case 'geri':
    case 'stroke':
    case 'surg':
    case 'ortho':
    case 'gyn':
    case 'peds':
    case 'obst':
      return [
        ['nurse', 68],
        ['physician', 15],
        ['other', 9],
        ['secretary', 6],
        ['therapist', 2],
      ];
    case 'icu':
    case 'postop':
    case 'neo':
      return [
        ['nurse', 84],
        ['physician', 14],
        ['secretary', 2],
      ];
    case 'psych':
    case 'tsb':
      return [
        ['nurse', 45],
        ['other', 25],
        ['physician', 12],
        ['therapist', 12],
        ['secretary', 6],
      ];
    case 'ed':
      return [
        ['nurse', 64],
        ['physician', 26],
        ['secretary', 10],
      ];
    case 'anest':
      return [
        ['physician', 62],
        ['nurse', 38],
      ];
    case 'theatre':
      return [
        ['nurse', 78],
        ['physician', 18],
        ['secretary', 4],
      ];
    case 'opd':
    case 'onc':
    case 'daysurg':
      return [
        ['physician', 34],
        ['nurse', 32],
        ['secretary', 26],
        ['therapist', 8],
      ];
    case 'dialysis':
      return [
        ['nurse', 72],
        ['physician', 18],
        ['secretary', 10],
      ];
    case 'dps':
    case 'bup':
      return [
        ['therapist', 46],
        ['physician', 18],
        ['secretary', 20],
        ['nurse', 16],
      ];
    case 'biochem':
    case 'micro':
    case 'bloodbank':
      return [
        ['lab', 86],
        ['physician', 8],
        ['secretary', 6],
      ];
    case 'path':
      return [
        ['lab', 55],
        ['physician', 35],
        ['secretary', 10],
      ];
    case 'rad':
      return [
        ['radiology', 66],
        ['physician', 28],
        ['secretary', 6],
      ];
    case 'pharm':
      return [['pharmacist', 100]];
    case 'physio':
    case 'ergo':
      return [['therapist', 100]];
    case 'social':
      return [['other', 100]];
    case 'pool':
      return [
        ['nurse', 88],
        ['other', 12],
      ];
    case 'ptoffice':
      return [
        ['admin', 70],
        ['secretary', 30],
      ];
    case 'archive':
      return [
        ['admin', 80],
        ['other', 20],
      ];
    case 'coding':
      return [
        ['admin', 60],
        ['nurse', 25],
        ['physician', 15],
      ];
    case 'typing':
      return [['secretary', 100]];
    case 'quality':
      return [
        ['nurse', 45],
        ['admin', 35],
        ['physician', 20],
      ];
    case 'research':
      return [
        ['nurse', 45],
        ['physician', 30],
        ['other', 25],
      ];
    case 'ikt':
      return [['it', 100]];
    case 'billing':
      return [['admin', 100]];
    case 'root':
    case 'site':
    case 'clinic':
      return [];
  }
}
