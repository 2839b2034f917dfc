/**
 * Suggesting and ranking the action plan: for every requirement below its target, the next steps from the guide
 * (or one generic step when the framework has no guide), scored by gap to target × weight of the requirement.
 * Small enterprises get quick wins first: a low-effort step counts half as much again, a heavy one less. "Don't
 * know" counts as level 0 (finding out is the first step); "not relevant" gets nothing.
 */
import type { ActionTemplate, MeasureGuide } from './assessment-content.js';
import type { Requirement } from './requirements.js';
import type { ActionSuggestion, Answer, Effort, Localized, PriorityReason } from './types.js';

export interface PriorityInput {
  requirements: readonly Requirement[];
  answers: readonly Answer[];
  /** Guide per requirement id (the basic measures have one). */
  guide: ReadonlyMap<string, MeasureGuide>;
  /** Target when an answer states none. */
  defaultTarget: number;
  small: boolean;
  /** Template ids already in the action plan (not suggested again). */
  planned: ReadonlySet<string>;
}

const effortFactor: Record<'small' | 'large', Record<Effort, number>> = {
  small: { low: 1.5, medium: 1, high: 0.6 },
  large: { low: 1.1, medium: 1, high: 0.9 },
};

function genericStep(requirement: Requirement, target: number): ActionTemplate {
  return {
    id: `raise:${requirement.id}`,
    effort: 'medium',
    quickWin: false,
    raisesTo: target,
    title: {
      nb: `Hev «${requirement.title.nb}» til nivå ${target}`,
      en: `Raise "${requirement.title.en}" to level ${target}`,
    },
    description: {
      nb: 'Se beskrivelsen av nivået og veiledningen som hører til kravet.',
      en: 'See the description of the level and the guidance that belongs to the requirement.',
    } satisfies Localized,
  };
}

export function suggestActions(input: PriorityInput): ActionSuggestion[] {
  const answers = new Map(input.answers.map((a) => [a.requirementId, a]));
  const suggestions: ActionSuggestion[] = [];
  for (const requirement of input.requirements) {
    const answer = answers.get(requirement.id);
    if (!answer || answer.kind === 'not-relevant') continue;
    const guide = input.guide.get(requirement.id);
    const unknown = answer.kind === 'dont-know';
    const current = unknown ? null : (answer.level ?? 0);
    const target = Math.max(answer.targetLevel ?? guide?.smallTarget ?? input.defaultTarget, 0);
    const from = current ?? 0;
    const gap = target - from;
    if (gap <= 0) continue;
    const weight = guide?.weight ?? 2;
    const steps = (guide?.actions ?? [genericStep(requirement, target)])
      .filter((a) => a.raisesTo > from && !input.planned.has(a.id))
      .sort((a, b) => a.raisesTo - b.raisesTo);
    // Steps up to the target, and at least the next one.
    const chosen = steps.filter((s, i) => i === 0 || s.raisesTo <= target);
    chosen.forEach((step, order) => {
      const factor = effortFactor[input.small ? 'small' : 'large'][step.effort];
      const reasons: PriorityReason[] = [];
      if (gap >= 2) reasons.push('LARGE_GAP');
      if (weight >= 3) reasons.push('HIGH_WEIGHT');
      if (input.small && step.quickWin) reasons.push('QUICK_WIN');
      if (unknown) reasons.push('UNKNOWN_STATE');
      suggestions.push({
        requirementId: requirement.id,
        templateId: step.id,
        title: step.title,
        description: step.description,
        effort: step.effort,
        quickWin: step.quickWin,
        current,
        target,
        expectedLevel: Math.min(step.raisesTo, Math.max(target, step.raisesTo)),
        // Later steps of the same requirement come after its first step.
        score: Math.round(gap * weight * factor * 100 - order * 10) / 100,
        reasons,
      });
    });
  }
  const position = new Map(input.requirements.map((r, i) => [r.id, i]));
  return suggestions.sort(
    (a, b) =>
      b.score - a.score ||
      (position.get(a.requirementId) ?? 0) - (position.get(b.requirementId) ?? 0) ||
      a.templateId.localeCompare(b.templateId),
  );
}
