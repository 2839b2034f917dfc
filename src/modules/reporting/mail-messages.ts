/**
 * The e-mails reporting sends, in Norwegian bokmål first and English after it (plain text: it reads in every mail
 * client and cannot carry tracking or scripts). Pure functions of the facts they tell.
 */

export interface MailText {
  readonly subject: string;
  readonly text: string;
}

const monthsNb = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];
const monthsEn = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function norwegianDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d}. ${monthsNb[(m ?? 1) - 1]} ${y}`;
}

export function englishDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${monthsEn[(m ?? 1) - 1]} ${y}`;
}

export interface ReminderFacts {
  readonly year: number;
  readonly dueDate: string;
  readonly actorName: string;
  readonly timing: 'before' | 'after' | 'manual';
  /** Days left (before) or days late (after). */
  readonly days: number;
  readonly measures: readonly { readonly id: string; readonly title: string; readonly state: string }[];
  readonly link: string;
}

export function reminderMail(f: ReminderFacts): MailText {
  const late = f.timing === 'after' || (f.timing === 'manual' && f.days < 0);
  const subject = late
    ? `Purring: statusrapportering ${f.year} for ${f.actorName} er forsinket / Overdue: status reports ${f.year}`
    : `Påminnelse: statusrapportering ${f.year} for ${f.actorName}, frist ${norwegianDate(f.dueDate)} / Reminder: status reports due ${englishDate(f.dueDate)}`;
  const list = f.measures.map((m) => `  - Tiltak ${m.id}: ${m.title}`).join('\n');
  const whenNb = late
    ? `Fristen var ${norwegianDate(f.dueDate)}, og følgende rapporter er ikke sendt inn:`
    : `Fristen er ${norwegianDate(f.dueDate)}. Følgende rapporter er ikke sendt inn ennå:`;
  const whenEn = late
    ? `The reports below were due on ${englishDate(f.dueDate)} and have not been submitted:`
    : `The reports below are due on ${englishDate(f.dueDate)} and have not been submitted yet:`;
  const text = [
    'Hei,',
    '',
    `Dette er en ${late ? 'purring' : 'påminnelse'} om den årlige statusrapporteringen til Helse- og omsorgsdepartementet for ${f.actorName} (${f.year}).`,
    whenNb,
    '',
    list,
    '',
    `Rapportene fylles ut og sendes inn i Varde: ${f.link}`,
    '',
    'Hilsen Varde på vegne av Direktoratet for e-helse',
    '',
    '---',
    '',
    `This is a ${late ? 'notice that reports are overdue' : 'reminder'} for the annual status reporting of ${f.actorName} to the Ministry of Health and Care Services (${f.year}).`,
    whenEn,
    '',
    list,
    '',
    `Fill in and submit them in Varde: ${f.link}`,
    '',
  ].join('\n');
  return { subject, text };
}

export function cycleOpenedMail(f: {
  year: number;
  dueDate: string;
  actorName: string;
  count: number;
  link: string;
}): MailText {
  return {
    subject: `Statusrapportering ${f.year} er åpnet – frist ${norwegianDate(f.dueDate)} / Status reporting ${f.year} is open`,
    text: [
      'Hei,',
      '',
      `Den årlige statusrapporteringen for ${f.year} er åpnet. ${f.actorName} har ${f.count} rapport(er) å levere innen ${norwegianDate(f.dueDate)}.`,
      `Rapportene ligger i Varde: ${f.link}`,
      '',
      '---',
      '',
      `The annual status reporting for ${f.year} is open. ${f.actorName} has ${f.count} report(s) due on ${englishDate(f.dueDate)}.`,
      `Find them in Varde: ${f.link}`,
      '',
    ].join('\n'),
  };
}

export function reportReturnedMail(f: {
  year: number;
  measureId: string;
  measureTitle: string;
  comment: string;
  link: string;
}): MailText {
  return {
    subject: `Statusrapport for tiltak ${f.measureId} (${f.year}) er sendt tilbake / Status report returned`,
    text: [
      'Hei,',
      '',
      `Statusrapporten for tiltak ${f.measureId} ${f.measureTitle} (${f.year}) er sendt tilbake med denne kommentaren:`,
      '',
      ...f.comment.split('\n').map((line) => `  ${line}`),
      '',
      `Rett opp og send inn på nytt i Varde: ${f.link}`,
      '',
      '---',
      '',
      `The status report for measure ${f.measureId} (${f.year}) was returned with the comment above. Update and resubmit it in Varde: ${f.link}`,
      '',
    ].join('\n'),
  };
}
