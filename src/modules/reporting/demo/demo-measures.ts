/**
 * Demo content for the reporting module: for each measure and responsible actor of Tiltaksoversikt v0.7, what the
 * work consists of, its status in the last three years, and an indicator where one is natural. Written for the
 * demo (synthetic, not real reporting); the measures and actors themselves are those of seed 004 §2.
 */
import type { ImplementationStatus } from '../types.js';

export interface DemoMeasurePlan {
  readonly measureId: string;
  readonly actorId: string;
  /** What the work is, as a phrase that fits "Arbeidet med …". */
  readonly focus: string;
  /** Status two years ago, last year, this year. */
  readonly statuses: readonly [ImplementationStatus, ImplementationStatus, ImplementationStatus];
  readonly indicator?: { name: string; unit: string; target: number; values: readonly [number, number, number] };
  readonly blocker?: string;
}

const p = (
  measureId: string,
  actorId: string,
  focus: string,
  statuses: DemoMeasurePlan['statuses'],
  extra: Partial<DemoMeasurePlan> = {},
): DemoMeasurePlan => ({ measureId, actorId, focus, statuses, ...extra });

export const demoMeasurePlans: readonly DemoMeasurePlan[] = [
  p(
    '1.1',
    'normen-styringsgruppe',
    'revisjonen av Normen og veiledningsmateriellet',
    ['in-operation', 'in-operation', 'in-operation'],
    {
      indicator: {
        name: 'Virksomheter som har sluttet seg til Normen',
        unit: 'stk',
        target: 8000,
        values: [6100, 6650, 7240],
      },
    },
  ),
  p('1.2', 'hod', 'kravet om etterlevelse av Normen i tildelingsbrev og oppdragsdokumenter', [
    'planned',
    'in-progress',
    'completed',
  ]),
  p(
    '1.3',
    'e-helse',
    'e-læring og veiledning i Normen for små virksomheter',
    ['planned', 'in-progress', 'in-operation'],
    {
      indicator: { name: 'Gjennomførte e-læringskurs', unit: 'stk', target: 10000, values: [1200, 5400, 9100] },
    },
  ),
  p('1.4', 'hod', 'krav om risikobasert tilnærming i styringsdokumentene', ['planned', 'in-progress', 'in-progress'], {
    blocker: 'Kravet må samordnes med den nye sikkerhetsloven før det kan tas inn i alle styringsdokumenter.',
  }),
  p(
    '1.5',
    'helsecert',
    'Digital Beskyttelse i Dybden for medlemmene i Helsenettet',
    ['in-operation', 'in-operation', 'in-operation'],
    {
      indicator: { name: 'Virksomheter med aktiv dybdebeskyttelse', unit: 'stk', target: 120, values: [64, 81, 97] },
    },
  ),
  p('1.6', 'hod', 'styrket sentral og regional sikkerhetsmonitorering', ['not-started', 'planned', 'in-progress'], {
    blocker: 'Finansieringen av regionale sensorer er bare delvis avklart for neste år.',
  }),
  p('1.7', 'hod', 'sikkerhetstesting gjennom HelseCERT', ['planned', 'in-progress', 'in-progress'], {
    indicator: { name: 'Gjennomførte sikkerhetstester', unit: 'stk', target: 40, values: [6, 18, 29] },
  }),
  p('1.8', 'nsm', 'VDI-samarbeidet med helse- og omsorgssektoren', ['in-progress', 'in-operation', 'in-operation']),
  p('1.8', 'vdi-virksomheter', 'kartleggingen av VDI-sensorenes dekningsgrad i sektoren', [
    'not-started',
    'in-progress',
    'completed',
  ]),
  p(
    '1.9',
    'nhn',
    'DNS-tjenesten med filtrering for medlemmene av Helsenettet',
    ['in-operation', 'in-operation', 'in-operation'],
    {
      indicator: {
        name: 'Blokkerte oppslag mot kjente skadelige domener per måned',
        unit: 'tusen',
        target: 0,
        values: [210, 260, 240],
      },
    },
  ),
  p('1.11', 'hod', 'felles IKT-sikkerhetskrav ved anskaffelse av medisinsk utstyr', [
    'not-started',
    'planned',
    'in-progress',
  ]),
  p('1.12', 'hod', 'felles sikkerhetskrav til IKT-leverandører', ['not-started', 'not-started', 'planned'], {
    blocker: 'Avventer felles kravsett fra Digitaliseringsdirektoratet for å unngå doble krav til leverandørene.',
  }),
  p('1.13', 'e-helse', 'rollen som fagmyndighet for informasjonssikkerhet', [
    'in-operation',
    'in-operation',
    'in-operation',
  ]),
  p('1.14', 'helsecert', 'den årlige rapporten om trusselbildet', ['completed', 'completed', 'completed']),
  p('1.15', 'e-helse', 'sikkerhetsindikatorene i Nasjonal e-helsemonitor', [
    'in-progress',
    'in-operation',
    'in-operation',
  ]),
  p(
    '1.16',
    'e-helse',
    'kartleggingen av sikkerhetstilstanden i små virksomheter',
    ['planned', 'in-progress', 'completed'],
    {
      indicator: { name: 'Svar i kartleggingen', unit: 'stk', target: 1500, values: [0, 640, 1720] },
    },
  ),
  p('2.1', 'nhn', 'videreutviklingen av Helsenettet med segmentering og ny kjerne', [
    'in-progress',
    'in-progress',
    'in-operation',
  ]),
  p('2.2', 'hod', 'tilpasningen til den nye sikkerhetsloven', ['in-progress', 'completed', 'completed']),
  p('2.3', 'hod', 'oversikten over kritisk infrastruktur og verdikjeder', ['planned', 'in-progress', 'in-progress'], {
    indicator: { name: 'Kartlagte verdikjeder', unit: 'stk', target: 30, values: [0, 11, 19] },
  }),
  p('2.4', 'hod', 'krav til leverandører av kritisk IKT-infrastruktur', ['not-started', 'planned', 'stopped'], {
    blocker:
      'Arbeidet er stanset til kravsettet i tiltak 1.12 foreligger, for å unngå to kravsett til de samme leverandørene.',
  }),
  p(
    '2.5',
    'nhn',
    'høytilgjengelige løsninger for nasjonale e-helsetjenester',
    ['in-progress', 'in-progress', 'in-operation'],
    {
      indicator: { name: 'Oppetid for kjernejournal', unit: '%', target: 99.9, values: [99.5, 99.7, 99.93] },
    },
  ),
  p('2.6', 'rhf', 'regionale høytilgjengelige løsninger og reserveløsninger', [
    'planned',
    'in-progress',
    'in-progress',
  ]),
  p('2.7', 'nhn', 'samhandlingsarenaen for kritisk infrastruktur', ['planned', 'in-operation', 'in-operation']),
  p('2.7', 'rhf', 'deltakelsen i samhandlingsarenaen for kritisk infrastruktur', [
    'planned',
    'in-progress',
    'in-operation',
  ]),
  p('2.8', 'helsetilsynet', 'IKT-tilsyn med kritisk infrastruktur', ['planned', 'in-progress', 'in-progress'], {
    indicator: { name: 'Gjennomførte IKT-tilsyn', unit: 'stk', target: 12, values: [0, 3, 7] },
  }),
  p('3.2', 'hod', 'kravet om sikkerhetsopplæring for alle ansatte', ['planned', 'in-progress', 'in-operation']),
  p('3.3', 'hod', 'sikkerhet i de helsefaglige utdanningene', ['not-started', 'planned', 'planned'], {
    blocker: 'Endringer i rammeplanene krever samarbeid med Kunnskapsdepartementet og tar tid.',
  }),
  p('3.4', 'hod', 'etter- og videreutdanning i digital sikkerhet', ['not-started', 'planned', 'in-progress']),
  p('3.5', 'e-helse', 'Normkonferansen', ['completed', 'completed', 'completed'], {
    indicator: { name: 'Deltakere på konferansen', unit: 'stk', target: 500, values: [420, 510, 560] },
  }),
  p('3.6', 'helsecert', 'Nasjonalt kompetanseforum for IKT-sikkerhet', [
    'in-operation',
    'in-operation',
    'in-operation',
  ]),
  p('4.1', 'helsecert', 'Nasjonalt beskyttelsesprogram', ['in-operation', 'in-operation', 'in-operation'], {
    indicator: { name: 'Virksomheter i beskyttelsesprogrammet', unit: 'stk', target: 250, values: [180, 205, 231] },
  }),
  p('4.2', 'helsecert', 'HelseCERT som sektorvis responsmiljø', ['in-progress', 'in-progress', 'in-operation']),
  p('4.3', 'hod', 'IKT-hendelser i den nasjonale helseberedskapsplanen', ['planned', 'completed', 'completed']),
  p('4.3', 'helsedir', 'beredskapsplanverket for IKT-hendelser', ['planned', 'in-progress', 'completed']),
  p('4.4', 'hod', 'nasjonale IKT-beredskapsøvelser', ['planned', 'in-progress', 'in-operation']),
  p(
    '4.4',
    'helsedir',
    'gjennomføringen av nasjonale IKT-beredskapsøvelser',
    ['planned', 'in-progress', 'in-operation'],
    {
      indicator: { name: 'Virksomheter som deltok i øvelsen', unit: 'stk', target: 60, values: [0, 34, 52] },
    },
  ),
  p('4.5', 'den-enkelte-virksomhet', 'åpenhet om og evaluering av uønskede digitale hendelser', [
    'not-started',
    'planned',
    'in-progress',
  ]),
  p('4.5', 'helsecert', 'deling av anonymiserte hendelsesevalueringer', ['planned', 'in-progress', 'in-progress']),
  p('4.6', 'helse-sor-ost', 'statistisk logganalyse i journalsystemene', ['planned', 'in-progress', 'in-progress'], {
    indicator: { name: 'Helseforetak med statistisk logganalyse', unit: 'stk', target: 11, values: [0, 3, 6] },
  }),
  p('4.6', 'nhn', 'felles plattform for statistisk logganalyse', ['planned', 'in-progress', 'in-operation']),
];

/** Who reports for actors that do not report themselves in the demo (seed 004 §1.2 allows delegation). */
export const demoDelegations: Record<string, string> = {
  hod: 'e-helse',
  'normen-styringsgruppe': 'e-helse',
  'den-enkelte-virksomhet': 'e-helse',
  'vdi-virksomheter': 'nsm',
  rhf: 'helse-sor-ost',
};

export const demoContacts: readonly { actorId: string; email: string; name: string }[] = [
  { actorId: 'nhn', email: 'sikkerhetsrapportering@nhn.example', name: 'Nora Lie' },
  { actorId: 'helsecert', email: 'helsecert-rapport@nhn.example', name: 'HelseCERT rapportering' },
  { actorId: 'helsetilsynet', email: 'tilsyn-ikt@helsetilsynet.example', name: 'Tor Haugen' },
  { actorId: 'e-helse', email: 'strategi-sikkerhet@ehelse.example', name: 'Siri Strand' },
  { actorId: 'helse-sor-ost', email: 'ikt-sikkerhet@hso.example', name: 'Regional sikkerhetsleder' },
  { actorId: 'helsedir', email: 'beredskap@helsedir.example', name: 'Beredskapsavdelingen' },
  { actorId: 'nsm', email: 'ncsc-kontakt@nsm.example', name: 'NCSC' },
];
