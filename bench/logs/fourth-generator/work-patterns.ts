/**
 * Work patterns: what each kind of employee does in the record (the pattern mix per unit type and role), and the
 * action sequences ("recipes") of a typical burst of lookups for each kind of task.
 */
import type { Action, Staff } from './types.js';

export type Recipe = readonly (readonly [readonly Action[], number])[];

export const R = {
  nurseWard: [
    [['read'], 40],
    [['read', 'update'], 25],
    [['read', 'read'], 12],
    [['read', 'update', 'update'], 10],
    [['read', 'create'], 8],
    [['read', 'print'], 2],
    [['search', 'read'], 3],
  ],
  physWard: [
    [['read', 'read'], 25],
    [['read'], 20],
    [['read', 'create'], 18],
    [['read', 'update'], 15],
    [['read', 'read', 'update', 'create'], 10],
    [['search', 'read'], 6],
    [['read', 'print'], 3],
    [['read', 'export'], 1],
  ],
  admission: [
    [['search', 'read', 'create', 'update'], 30],
    [['read', 'create', 'update'], 35],
    [['read', 'read', 'create'], 20],
    [['search', 'read', 'read'], 15],
  ],
  newborn: [[['create', 'update', 'read'], 1]],
  ed: [
    [['read', 'update'], 30],
    [['search', 'read', 'create'], 20],
    [['read', 'read', 'update'], 20],
    [['read', 'create', 'update'], 20],
    [['read'], 10],
  ],
  edSecretary: [
    [['search', 'create'], 45],
    [['search', 'read', 'update'], 35],
    [['read', 'print'], 20],
  ],
  read: [
    [['read'], 60],
    [['read', 'read'], 30],
    [['read', 'update'], 10],
  ],
  consult: [
    [['search', 'read', 'read'], 30],
    [['read', 'read', 'create'], 35],
    [['read', 'create'], 25],
    [['read'], 10],
  ],
  opdClinician: [
    [['read', 'create'], 35],
    [['read', 'read', 'create', 'update'], 25],
    [['read', 'update'], 20],
    [['read'], 15],
    [['read', 'print'], 5],
  ],
  checkin: [
    [['search', 'read', 'update'], 35],
    [['read', 'update'], 35],
    [['read', 'print'], 15],
    [['search', 'read'], 15],
  ],
  referralSecretary: [
    [['search', 'read', 'create'], 40],
    [['read', 'update'], 35],
    [['search', 'create'], 25],
  ],
  referralPhysician: [
    [['read', 'update'], 50],
    [['read', 'read', 'update'], 35],
    [['read'], 15],
  ],
  letters: [
    [['read', 'print'], 60],
    [['print'], 25],
    [['read', 'update', 'print'], 15],
  ],
  phone: [
    [['search', 'read'], 55],
    [['search', 'read', 'update'], 35],
    [['search', 'read', 'print'], 10],
  ],
  lab: [
    [['read'], 55],
    [['read', 'update'], 35],
    [['search', 'read'], 10],
  ],
  labPhysician: [
    [['read', 'read', 'update'], 50],
    [['read', 'create'], 30],
    [['read'], 20],
  ],
  therapy: [
    [['read', 'create'], 45],
    [['read', 'update'], 25],
    [['read'], 30],
  ],
  request: [
    [['search', 'read', 'read', 'print'], 35],
    [['search', 'read', 'export'], 25],
    [['read', 'read', 'read', 'print', 'print'], 20],
    [['search', 'read', 'print'], 20],
  ],
  scanning: [
    [['search', 'create'], 45],
    [['search', 'update'], 25],
    [['read', 'create'], 30],
  ],
  coding: [
    [['read', 'read', 'update'], 45],
    [['read', 'update'], 40],
    [['read'], 15],
  ],
  typing: [
    [['read', 'update'], 60],
    [['read', 'update', 'update'], 30],
    [['read'], 10],
  ],
  registry: [
    [['read', 'read', 'read'], 45],
    [['read', 'read'], 40],
    [['search', 'read', 'read'], 15],
  ],
  complaint: [
    [['read', 'read', 'read'], 40],
    [['read', 'read'], 35],
    [['read', 'read', 'read', 'print'], 25],
  ],
  research: [
    [['read'], 45],
    [['read', 'read'], 40],
    [['search', 'read'], 12],
    [['read', 'export'], 3],
  ],
  billing: [
    [['read'], 60],
    [['read', 'update'], 40],
  ],
  it: [
    [['read'], 55],
    [['read', 'read'], 35],
    [['search', 'read'], 10],
  ],
  test: [
    [['search', 'read', 'update'], 30],
    [['read', 'create', 'update'], 30],
    [['read'], 25],
    [['read', 'print'], 15],
  ],
  svcResult: [
    [['update'], 70],
    [['create'], 30],
  ],
  svcDoc: [[['create'], 1]],
  svcEpi: [[['export'], 1]],
} satisfies Record<string, Recipe>;

export type Pattern =
  | 'ward_care'
  | 'float_cover'
  | 'borrowed_cover'
  | 'admission'
  | 'ed_care'
  | 'ed_registration'
  | 'followup_recent'
  | 'oncall_consult'
  | 'preop_assessment'
  | 'anest_icu'
  | 'periop'
  | 'outpatient_visit'
  | 'outpatient_checkin'
  | 'referral_handling'
  | 'appointment_letters'
  | 'appointment_phone'
  | 'referral_registration'
  | 'lab_order'
  | 'gp_sample'
  | 'radiology_order'
  | 'pharmacy_review'
  | 'oncology_pharmacy'
  | 'therapy_referral'
  | 'social_work'
  | 'neonatal_mother'
  | 'patient_request'
  | 'archive_scanning'
  | 'coding'
  | 'typing_pool'
  | 'quality_registry'
  | 'complaint_case'
  | 'research_study'
  | 'billing'
  | 'it_support'
  | 'test_patient'
  | 'training'
  | 'svc_results'
  | 'svc_documents'
  | 'svc_discharge_letters';

export type Profile = readonly (readonly [Pattern, number])[];

const WARD_TAGS = new Set([
  'med',
  'geri',
  'stroke',
  'surg',
  'ortho',
  'gyn',
  'peds',
  'obst',
  'psych',
  'tsb',
  'icu',
  'postop',
  'neo',
]);
const OPD_TAGS = new Set(['opd', 'onc', 'daysurg', 'dialysis', 'dps', 'bup']);

/** The work patterns of a person, with weights, by unit type, role and kind of shift. */
export function profileFor(s: Staff, tag: string, oncall: boolean, newbie: boolean): Profile {
  const role = s.role;
  if (s.service) {
    if (s.id === 'svc-labsvar' || s.id === 'svc-ris') return [['svc_results', 1]];
    if (s.id === 'svc-dokimport') return [['svc_documents', 1]];
    return [['svc_discharge_letters', 1]];
  }
  const base = baseProfile(s, tag, role);
  if (oncall)
    return [
      ['oncall_consult', 5],
      ['ed_care', tag === 'psych' || tag === 'dps' || tag === 'bup' || tag === 'tsb' ? 1 : 3],
      ['ward_care', 2],
      ['followup_recent', 1],
    ];
  if (newbie) return [['training', 6], ...base];
  return base;
}

function baseProfile(s: Staff, tag: string, role: string): Profile {
  if (tag === 'pool') return [['float_cover', 1]];
  if (WARD_TAGS.has(tag)) {
    if (role === 'physician')
      return [
        ['ward_care', 55],
        ['admission', 12],
        ['followup_recent', 14],
        ['referral_handling', tag === 'gyn' || tag === 'tsb' ? 8 : 2],
      ];
    if (role === 'secretary')
      return [
        ['ward_care', 45],
        ['followup_recent', 30],
        ['referral_handling', 15],
        ['appointment_letters', 10],
      ];
    if (tag === 'neo')
      return [
        ['ward_care', 85],
        ['admission', 8],
        ['neonatal_mother', 7],
      ];
    return [
      ['ward_care', 88],
      ['admission', 12],
    ];
  }
  if (tag === 'ed') {
    if (role === 'secretary') return [['ed_registration', 1]];
    if (role === 'physician')
      return [
        ['ed_care', 88],
        ['followup_recent', 12],
      ];
    return [['ed_care', 1]];
  }
  if (tag === 'anest')
    return role === 'physician'
      ? [
          ['preop_assessment', 40],
          ['anest_icu', 25],
          ['periop', 25],
          ['ed_care', 10],
        ]
      : [
          ['periop', 70],
          ['anest_icu', 30],
        ];
  if (tag === 'theatre') return [['periop', 1]];
  if (OPD_TAGS.has(tag)) {
    if (role === 'secretary')
      return [
        ['outpatient_checkin', 30],
        ['referral_handling', 35],
        ['appointment_letters', 30],
        ['followup_recent', 5],
      ];
    if (role === 'nurse')
      return [
        ['outpatient_visit', 75],
        ['followup_recent', 25],
      ];
    return [
      ['outpatient_visit', 60],
      ['referral_handling', 14],
      ['followup_recent', 16],
    ];
  }
  switch (tag) {
    case 'biochem':
    case 'micro':
    case 'path':
    case 'bloodbank':
      return tag === 'biochem' || tag === 'micro'
        ? [
            ['lab_order', 88],
            ['gp_sample', 12],
          ]
        : [['lab_order', 1]];
    case 'rad':
      return [['radiology_order', 1]];
    case 'pharm':
      return [
        ['pharmacy_review', 80],
        ['oncology_pharmacy', 20],
      ];
    case 'physio':
    case 'ergo':
      return [['therapy_referral', 1]];
    case 'social':
      return [['social_work', 1]];
    case 'ptoffice':
      return [
        ['patient_request', 30],
        ['appointment_phone', 45],
        ['referral_registration', 25],
      ];
    case 'archive':
      return [
        ['archive_scanning', 80],
        ['patient_request', 20],
      ];
    case 'coding':
      return [['coding', 1]];
    case 'typing':
      return [['typing_pool', 1]];
    case 'quality':
      return role === 'nurse'
        ? [
            ['quality_registry', 85],
            ['complaint_case', 15],
          ]
        : [
            ['complaint_case', 70],
            ['quality_registry', 30],
          ];
    case 'research':
      return [['research_study', 1]];
    case 'ikt':
      return [
        ['it_support', 60],
        ['test_patient', 40],
      ];
    case 'billing':
      return [['billing', 1]];
    default:
      return [['followup_recent', 1]];
  }
}
