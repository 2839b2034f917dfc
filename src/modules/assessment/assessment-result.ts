/**
 * The result of an assessment, kept apart from its workflow status: per category the mean level over requirements
 * answered with a level ("not relevant" and "don't know" left out and counted on their own), the mean target, and
 * how complete it is.
 */
import type { Category, Requirement } from './requirements.js';
import type { Answer, AssessmentResult, CategoryResult } from './types.js';

type Tally = Omit<CategoryResult, 'categoryId' | 'title' | 'requirementIds'>;

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;

function tally(requirementIds: readonly string[], answers: ReadonlyMap<string, Answer>): Tally {
  const levels: number[] = [];
  const targets: number[] = [];
  let notRelevantCount = 0;
  let dontKnowCount = 0;
  let unansweredCount = 0;
  for (const id of requirementIds) {
    const answer = answers.get(id);
    if (!answer) unansweredCount++;
    else if (answer.kind === 'not-relevant') notRelevantCount++;
    else if (answer.kind === 'dont-know') dontKnowCount++;
    else if (answer.level !== null) {
      levels.push(answer.level);
      targets.push(Math.max(answer.targetLevel ?? answer.level, answer.level));
    }
  }
  return {
    levelCount: levels.length,
    notRelevantCount,
    dontKnowCount,
    unansweredCount,
    average: mean(levels),
    targetAverage: mean(targets),
  };
}

export function computeResult(
  requirements: readonly Requirement[],
  categories: readonly Category[],
  answers: readonly Answer[],
): AssessmentResult {
  const byRequirement = new Map(answers.map((a) => [a.requirementId, a]));
  const result = categories.map((category) => {
    const ids = requirements.filter((r) => r.categoryId === category.id).map((r) => r.id);
    return { categoryId: category.id, title: category.title, requirementIds: ids, ...tally(ids, byRequirement) };
  });
  const overall = tally(
    requirements.map((r) => r.id),
    byRequirement,
  );
  const total = requirements.length;
  return { categories: result, overall, completion: total === 0 ? 0 : (total - overall.unansweredCount) / total };
}
