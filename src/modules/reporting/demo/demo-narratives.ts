/**
 * Builds the demo's status reports from a measure plan: Norwegian narratives that follow the status from year to
 * year (our own synthetic text), the contribution to the area's goal, an indicator series and next steps.
 */
import type { ContributionLevel, ImplementationStatus, Indicator, ReportContent } from '../types.js';
import type { DemoMeasurePlan } from './demo-measures.js';

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function progressText(
  plan: DemoMeasurePlan,
  status: ImplementationStatus,
  previous: ImplementationStatus | null,
  year: number,
): string {
  const f = plan.focus;
  switch (status) {
    case 'not-started':
      return `Arbeidet med ${f} er ikke startet i ${year}. Det er satt av tid til forarbeid, men ressursene har gått til andre prioriterte oppgaver.`;
    case 'planned':
      return previous === 'planned'
        ? `Planen for ${f} er revidert i ${year}, men oppstart er flyttet til neste år. Avhengighetene til andre tiltak er kartlagt.`
        : `Det er laget en plan for ${f} med milepæler, ansvar og kostnadsanslag. Oppstart er planlagt tidlig neste år.`;
    case 'in-progress':
      return previous === 'in-progress'
        ? `Arbeidet med ${f} fortsetter. I ${year} er de viktigste milepælene nådd, mens enkelte leveranser er forskjøvet fordi de krevde mer samordning enn ventet.`
        : `Arbeidet med ${f} startet i ${year}. Prosjektorganisasjonen er etablert, og de første leveransene er tatt i bruk av et utvalg virksomheter.`;
    case 'in-operation':
      return previous === 'in-operation'
        ? `${cap(f)} er i stabil drift og inngår i ordinær forvaltning. I ${year} er tjenesten forbedret på bakgrunn av erfaringer fra brukerne.`
        : `${cap(f)} ble satt i drift i ${year} og er overført til linjeorganisasjonen med egen forvaltningsplan.`;
    case 'completed':
      return previous === 'completed'
        ? `${cap(f)} er gjennomført også i ${year}, som planlagt.`
        : `${cap(f)} er gjennomført i ${year}. Resultatene er dokumentert og overlevert til de som skal følge dem opp videre.`;
    case 'stopped':
      return `Arbeidet med ${f} er stanset i ${year}. ${plan.blocker ?? 'Tiltaket må vurderes på nytt.'}`;
  }
}

function contribution(status: ImplementationStatus): { level: ContributionLevel; text: string } {
  switch (status) {
    case 'not-started':
    case 'stopped':
      return { level: 'none', text: 'Tiltaket bidrar ikke til måloppnåelsen ennå.' };
    case 'planned':
      return { level: 'low', text: 'Planarbeidet har gitt bedre oversikt over behovet, men ingen målbar effekt ennå.' };
    case 'in-progress':
      return {
        level: 'medium',
        text: 'De første virksomhetene har tatt i bruk resultatene, og effekten er synlig i deres sikkerhetsarbeid.',
      };
    case 'in-operation':
    case 'completed':
      return {
        level: 'high',
        text: 'Tiltaket er i bruk i sektoren og bidrar direkte til målet for området, blant annet gjennom færre og kortere hendelser.',
      };
  }
}

function nextSteps(status: ImplementationStatus): string {
  switch (status) {
    case 'not-started':
      return 'Avklare ressurser og lage en plan.';
    case 'planned':
      return 'Starte gjennomføringen og etablere styringsgruppe.';
    case 'in-progress':
      return 'Fullføre gjenstående leveranser og forberede overgang til drift.';
    case 'in-operation':
      return 'Videreutvikle tjenesten og måle effekten årlig.';
    case 'completed':
      return 'Følge opp resultatene i ordinær styringsdialog.';
    case 'stopped':
      return 'Ta stilling til videre arbeid når avhengighetene er avklart.';
  }
}

export function demoContent(
  plan: DemoMeasurePlan,
  yearIndex: 0 | 1 | 2,
  year: number,
  contact: { name: string; email: string },
): ReportContent {
  const status = plan.statuses[yearIndex];
  const previous = yearIndex > 0 ? (plan.statuses[yearIndex - 1] ?? null) : null;
  const indicators: Indicator[] = plan.indicator
    ? [
        {
          name: plan.indicator.name,
          unit: plan.indicator.unit,
          target: plan.indicator.target,
          value: plan.indicator.values[yearIndex] ?? null,
          note: '',
        },
      ]
    : [];
  const blocked = status === 'stopped' || status === 'not-started' || (status === 'in-progress' && yearIndex === 2);
  return {
    status,
    progress: progressText(plan, status, previous, year),
    contribution: contribution(status),
    indicators,
    nextSteps: nextSteps(status),
    blockers: blocked && plan.blocker ? plan.blocker : '',
    contact: { name: contact.name, email: contact.email, phone: '' },
  };
}
