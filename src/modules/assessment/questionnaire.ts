/**
 * Questionnaires: reading one from untrusted data (a template file or an API body) with every problem named by
 * its place, picking the questions an enterprise gets (the light version for the smallest), and checking answers.
 */
import {
  questionTypes,
  yesPartlyNo,
  type AnswerValue,
  type Question,
  type Questionnaire,
  type QuestionType,
  type SurveyAnswers,
} from './survey-types.js';
import type { Localized } from './types.js';

export interface QuestionnaireContext {
  readonly indicators: readonly string[];
  /** The small-enterprise guide: a scale question may take its text and labels from a basic measure. */
  readonly guide: readonly { id: string; question: Localized; options: { level: number; text: Localized }[] }[];
}

export interface Problem {
  readonly path: (string | number)[];
  readonly message: string;
}

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Reader {
  readonly problems: Problem[] = [];
  fail(path: (string | number)[], message: string) {
    this.problems.push({ path, message });
  }
  text(value: unknown, path: (string | number)[], max = 2000): string {
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(path, 'must be non-empty text');
      return '';
    }
    if (value.length > max) this.fail(path, `must be at most ${max} characters`);
    return value.normalize('NFC');
  }
  localized(value: unknown, path: (string | number)[]): Localized {
    if (!isObject(value)) {
      this.fail(path, 'must have nb and en texts');
      return { nb: '', en: '' };
    }
    for (const key of Object.keys(value))
      if (key !== 'nb' && key !== 'en') this.fail([...path, key], 'unexpected key (quote texts that contain a comma)');
    return { nb: this.text(value.nb, [...path, 'nb']), en: this.text(value.en, [...path, 'en']) };
  }
  optionalLocalized(value: unknown, path: (string | number)[]): Localized | null {
    return value === undefined || value === null ? null : this.localized(value, path);
  }
  number(value: unknown, path: (string | number)[]): number | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(path, 'must be a number');
      return null;
    }
    return value;
  }
}

function readQuestion(raw: unknown, i: number, context: QuestionnaireContext, r: Reader): Question {
  const at = (...rest: (string | number)[]) => [i, ...rest];
  const q = isObject(raw) ? raw : {};
  if (!isObject(raw)) r.fail([i], 'must be a question object');
  const id = typeof q.id === 'string' && idPattern.test(q.id) ? q.id : '';
  if (!id) r.fail(at('id'), 'must be letters, digits, ".", "_" or "-" (at most 64)');
  const type = questionTypes.includes(q.type as QuestionType) ? (q.type as QuestionType) : 'text';
  if (!questionTypes.includes(q.type as QuestionType)) r.fail(at('type'), `must be one of ${questionTypes.join(', ')}`);
  const fromGuide = typeof q.fromGuide === 'string' ? context.guide.find((m) => m.id === q.fromGuide) : undefined;
  if (q.fromGuide !== undefined && !fromGuide) r.fail(at('fromGuide'), `no basic measure "${String(q.fromGuide)}"`);
  const text = fromGuide && q.text === undefined ? fromGuide.question : r.localized(q.text, at('text'));
  const indicator = typeof q.indicator === 'string' ? q.indicator : null;
  if (q.indicator !== undefined && (!indicator || !context.indicators.includes(indicator))) {
    r.fail(at('indicator'), `no indicator "${String(q.indicator)}"`);
  }
  const options = Array.isArray(q.options)
    ? q.options.map((o, j) => {
        const option = isObject(o) ? o : {};
        const oid = typeof option.id === 'string' && idPattern.test(option.id) ? option.id : '';
        if (!oid) r.fail(at('options', j, 'id'), 'must be letters, digits, ".", "_" or "-"');
        return { id: oid, text: r.localized(option.text, at('options', j, 'text')) };
      })
    : [];
  const optionIds = options.map((o) => o.id);
  optionIds.forEach((oid, j) => {
    if (oid && optionIds.indexOf(oid) !== j) r.fail(at('options', j, 'id'), `duplicate option "${oid}"`);
  });
  const optionIndicators: Record<string, string> = {};
  if (isObject(q.optionIndicators)) {
    for (const [option, ind] of Object.entries(q.optionIndicators)) {
      if (!optionIds.includes(option)) r.fail(at('optionIndicators', option), `no option "${option}"`);
      else if (typeof ind !== 'string' || !context.indicators.includes(ind)) {
        r.fail(at('optionIndicators', option), `no indicator "${String(ind)}"`);
      } else optionIndicators[option] = ind;
    }
  }
  let min = r.number(q.min, at('min'));
  let max = r.number(q.max, at('max'));
  let labels = fromGuide ? fromGuide.options.map((o) => ({ value: o.level, text: o.text })) : [];
  if (type === 'scale') {
    if (Array.isArray(q.labels)) {
      labels = q.labels.map((l, j) => {
        const label = isObject(l) ? l : {};
        return {
          value: r.number(label.value, at('labels', j, 'value')) ?? 0,
          text: r.localized(label.text, at('labels', j, 'text')),
        };
      });
    }
    if (labels.length > 0) {
      min ??= Math.min(...labels.map((l) => l.value));
      max ??= Math.max(...labels.map((l) => l.value));
    }
    if (min === null || max === null || min >= max) r.fail(at('min'), 'a scale needs labels or min < max');
  }
  if ((type === 'single-choice' || type === 'multiple-choice') && options.length < 2) {
    r.fail(at('options'), 'a choice question needs at least two options');
  }
  if ((type === 'text' || type === 'multiple-choice') && indicator) {
    r.fail(at('indicator'), `a ${type} question feeds indicators per option (optionIndicators), not one indicator`);
  }
  if (type === 'number' && min !== null && max !== null && min > max) r.fail(at('max'), 'must not be below min');
  const maxLength = type === 'text' ? (r.number(q.maxLength, at('maxLength')) ?? 2000) : null;
  if (maxLength !== null && (maxLength < 1 || maxLength > 10000)) r.fail(at('maxLength'), 'must be 1–10000');
  if (q.audience !== undefined && q.audience !== 'all' && q.audience !== 'larger')
    r.fail(at('audience'), 'must be all or larger');
  if (q.required !== undefined && typeof q.required !== 'boolean') r.fail(at('required'), 'must be true or false');
  return {
    id,
    type,
    text,
    help: r.optionalLocalized(q.help, at('help')),
    required: q.required === true,
    audience: q.audience === 'larger' ? 'larger' : 'all',
    min,
    max,
    labels,
    options,
    unit: r.optionalLocalized(q.unit, at('unit')),
    maxLength,
    indicator,
    optionIndicators,
    requirementId: fromGuide?.id ?? null,
  };
}

export function parseQuestionnaire(
  raw: unknown,
  context: QuestionnaireContext,
): { questionnaire: Questionnaire; problems: Problem[] } {
  const r = new Reader();
  const list = isObject(raw) && Array.isArray(raw.questions) ? raw.questions : null;
  if (!list || list.length === 0) {
    return { questionnaire: { questions: [] }, problems: [{ path: [], message: 'must have at least one question' }] };
  }
  if (list.length > 200) r.fail([], 'must have at most 200 questions');
  const questions = list.map((q, i) => readQuestion(q, i, context, r));
  const ids = questions.map((q) => q.id);
  ids.forEach((id, i) => {
    if (id && ids.indexOf(id) !== i) r.fail([i, 'id'], `duplicate question id "${id}"`);
  });
  // Problems are relative to the question list.
  return { questionnaire: { questions }, problems: r.problems };
}

/** The questions an enterprise of this size answers: the smallest get the light version. */
export function questionsFor(questionnaire: Questionnaire, sizeClass: string | null): Question[] {
  const light = sizeClass === 'micro';
  return questionnaire.questions.filter((q) => !(light && q.audience === 'larger'));
}

function answerProblem(question: Question, value: AnswerValue): string | null {
  switch (question.type) {
    case 'scale':
      if (value === 'dont-know') return null;
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be a whole number or "dont-know"';
      if ((question.min !== null && value < question.min) || (question.max !== null && value > question.max)) {
        return `must be from ${question.min} to ${question.max}`;
      }
      return null;
    case 'yes-partly-no':
      return typeof value === 'string' && (yesPartlyNo as readonly string[]).includes(value)
        ? null
        : `must be one of ${yesPartlyNo.join(', ')}`;
    case 'single-choice':
      return typeof value === 'string' && question.options.some((o) => o.id === value)
        ? null
        : 'must be one of the options';
    case 'multiple-choice':
      if (!Array.isArray(value)) return 'must be a list of options';
      if (value.some((v) => typeof v !== 'string' || !question.options.some((o) => o.id === v)))
        return 'holds an unknown option';
      if (new Set(value).size !== value.length) return 'holds an option twice';
      return null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if ((question.min !== null && value < question.min) || (question.max !== null && value > question.max)) {
        return `must be from ${question.min} to ${question.max}`;
      }
      return null;
    case 'text':
      if (typeof value !== 'string') return 'must be text';
      return question.maxLength !== null && value.length > question.maxLength
        ? `must be at most ${question.maxLength} characters`
        : null;
  }
}

/**
 * Checks answers against the questions this enterprise gets. A draft may be partial; a submission (`final`) must
 * answer every required question. Unknown question ids are refused (no mass assignment).
 */
export function checkAnswers(
  questions: readonly Question[],
  answers: SurveyAnswers,
  options: { final: boolean },
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const question = questions.find((q) => q.id === id);
    if (!question) {
      problems.push({ field: `answers.${id}`, message: 'is not a question in this survey' });
      continue;
    }
    if (value === null) continue;
    const problem = answerProblem(question, value);
    if (problem) problems.push({ field: `answers.${id}`, message: problem });
  }
  if (options.final) {
    for (const q of questions) {
      const value = answers[q.id];
      const empty =
        value === undefined ||
        value === null ||
        value === '' ||
        (Array.isArray(value) && value.length === 0 && q.type !== 'multiple-choice');
      if (q.required && empty) problems.push({ field: `answers.${q.id}`, message: 'is required' });
    }
  }
  return problems;
}
