/**
 * From one enterprise's submitted survey answers to indicator facts (one value per indicator), the raw material
 * of the anonymous statistics. "Don't know" and unanswered questions give no fact, so they never pull a mean.
 */
import type { EnterpriseProfile } from './types.js';
import type { IndicatorFact, Question, SurveyAnswers } from './survey-types.js';

const yesPartlyNoValue: Record<string, number> = { yes: 1, partly: 0.5, no: 0 };

export function answersToFacts(
  questions: readonly Question[],
  answers: SurveyAnswers,
  enterprise: EnterpriseProfile,
  year: number,
): IndicatorFact[] {
  const facts = new Map<string, number>();
  for (const q of questions) {
    const value = answers[q.id];
    if (value === undefined || value === null) continue;
    if (q.indicator) {
      if ((q.type === 'scale' || q.type === 'number') && typeof value === 'number') facts.set(q.indicator, value);
      if (q.type === 'yes-partly-no' && typeof value === 'string' && value in yesPartlyNoValue) {
        facts.set(q.indicator, yesPartlyNoValue[value]!);
      }
    }
    for (const [option, indicator] of Object.entries(q.optionIndicators)) {
      if (q.type === 'single-choice' && typeof value === 'string') facts.set(indicator, value === option ? 1 : 0);
      if (q.type === 'multiple-choice' && Array.isArray(value)) facts.set(indicator, value.includes(option) ? 1 : 0);
    }
  }
  return [...facts].map(([indicatorId, value]) => ({
    year,
    organisationId: enterprise.id,
    indicatorId,
    value,
    organisationType: enterprise.organisationType,
    sizeClass: enterprise.sizeClass,
    region: enterprise.region,
    source: 'survey' as const,
  }));
}
