/**
 * Writes the demo sector: about 2,000 enterprises in the survey register (they are not identity organisations:
 * see enterprise-directory.ts) and three yearly surveys (2024 and 2025 closed, the current one open) with their
 * answers and indicator facts, so the sector views show patterns from the first start. The identity module's demo
 * enterprises (the GP office of journey 4, …) are invited to the open survey but have not answered it. Runs once:
 * a database that already has the demo sector is left as it is.
 */
import type { Db } from '../../platform/db/database.js';
import { completeOrgNumber } from '../identity/index.js';
import { shippedAssessmentContent } from './assessment-content.js';
import { answerSurvey, generateEnterprises, seededRandom } from './demo-sector.js';
import { findEnterprises } from './enterprise-directory.js';
import { finishBulkFactLoad, insertFactRows } from './fact-repository.js';
import { questionsFor } from './questionnaire.js';
import { countRegister, insertRegisterEntries } from './register-repository.js';
import { answersToFacts } from './survey-facts.js';
import {
  findSurvey,
  insertRecipients,
  insertResponses,
  insertSurvey,
  updateRecipientsSubmitted,
} from './survey-repository.js';
import type { IndicatorFact, SurveyResponse } from './survey-types.js';

/**
 * Fictional organisation numbers that pass the mod-11 check: the prefix (898 for the demo), five running digits,
 * the check digit; numbers whose check digit would be 10 are skipped. Up to about 90,000 per prefix.
 */
export function orgNumberSequence(prefix = '898'): () => string {
  let next = 0;
  return () => {
    for (; next <= 99999;) {
      const number = completeOrgNumber(`${prefix}${String(next++).padStart(5, '0')}`);
      if (number) return number;
    }
    throw new Error(`No more synthetic organisation numbers with prefix ${prefix}`);
  };
}

export interface DemoSectorOptions {
  readonly count?: number;
  readonly years?: readonly number[];
  readonly seed?: number;
}

export async function seedAssessmentDemo(
  db: Db,
  now: Date,
  options: DemoSectorOptions = {},
): Promise<{ enterprises: number; responses: number; facts: number; skipped: boolean }> {
  if ((await countRegister(db, 'demo')) > 0) return { enterprises: 0, responses: 0, facts: 0, skipped: true };
  const count = options.count ?? 2000;
  const currentYear = now.getUTCFullYear();
  const years = options.years ?? [currentYear - 2, currentYear - 1, currentYear];
  const content = await shippedAssessmentContent();
  const template = content.surveyTemplates.find((t) => t.key === 'small-enterprises')!;
  const nextOrgNumber = orgNumberSequence('898');
  const enterprises = generateEnterprises(options.seed ?? 2026, count, () => nextOrgNumber());
  await insertRegisterEntries(
    db,
    enterprises.map(({ trait: _trait, ...e }) => ({ ...e, contactEmail: null, origin: 'demo' })),
  );
  const random = seededRandom((options.seed ?? 2026) + 1);
  let responses = 0;
  let factCount = 0;
  for (const [index, year] of years.entries()) {
    const id = `demo-survey-${year}`;
    if (await findSurvey(db, id)) continue;
    const open = year === currentYear;
    const start = new Date(Date.UTC(year, 2, 1));
    await insertSurvey(db, {
      id,
      title: {
        nb: `Sikkerhetsundersøkelsen ${year} (e-helsemonitor)`,
        en: `Security survey ${year} (eHealth monitor)`,
      },
      description: template.description,
      year,
      status: open ? 'open' : 'closed',
      questionnaire: template.questionnaire,
      target: { organisationTypes: [], sizeClasses: [], regions: [] },
      invitationDays: 60,
      createdAt: start.toISOString(),
      createdBy: 'demo',
      openedAt: start.toISOString(),
      closesAt: open
        ? new Date(now.getTime() + 30 * 86_400_000).toISOString()
        : new Date(Date.UTC(year, 4, 1)).toISOString(),
      closedAt: open ? null : new Date(Date.UTC(year, 4, 1)).toISOString(),
    });
    // The current survey also goes to the identity module's enterprises (they answer it in the demo).
    const recipients = open
      ? await findEnterprises(db, { organisationTypes: [], sizeClasses: [], regions: [] })
      : enterprises;
    await insertRecipients(
      db,
      id,
      recipients.map((e) => ({ organisationId: e.id, sizeClass: e.sizeClass })),
      start.toISOString(),
    );
    const answered: SurveyResponse[] = [];
    const facts: IndicatorFact[] = [];
    for (const enterprise of enterprises) {
      const questions = questionsFor(template.questionnaire, enterprise.sizeClass);
      const answers = answerSurvey(enterprise, questions, index, random);
      if (!answers) continue;
      const at = new Date(start.getTime() + Math.floor(random() * 40) * 86_400_000).toISOString();
      answered.push({
        surveyId: id,
        organisationId: enterprise.id,
        answers,
        status: 'submitted',
        version: 1,
        updatedAt: at,
        submittedAt: at,
      });
      facts.push(...answersToFacts(questions, answers, enterprise, year));
    }
    await insertResponses(db, answered, 'demo');
    await updateRecipientsSubmitted(
      db,
      id,
      answered.map((r) => r.organisationId),
      start.toISOString(),
    );
    await insertFactRows(db, facts, now.toISOString());
    responses += answered.length;
    factCount += facts.length;
  }
  await finishBulkFactLoad(db);
  return { enterprises: enterprises.length, responses, facts: factCount, skipped: false };
}
