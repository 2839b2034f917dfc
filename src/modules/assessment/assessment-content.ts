/**
 * Reads the assessment module's reviewed content from data/assessment/: the maturity scale, the small-enterprise
 * guide per basic measure, the notes per enterprise type, the indicators and the survey templates. Every problem is
 * reported with file, line and field; a broken file stops the load (all or nothing). Loaded once and cached.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FieldReader } from '../../platform/data/field-reader.js';
import { readYamlSource, type PathSegment } from '../../platform/data/yaml-source.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { parseQuestionnaire, type QuestionnaireContext } from './questionnaire.js';
import { effortLevels, type Effort, type Localized, type MaturityScale } from './types.js';
import type { Questionnaire } from './survey-types.js';

export const assessmentDataDir = fileURLToPath(new URL('../../../data/assessment/', import.meta.url));

export interface SourceRef {
  file: string;
  section: string;
}

export interface AnswerOption {
  level: number;
  text: Localized;
}

export interface ActionTemplate {
  id: string;
  effort: Effort;
  quickWin: boolean;
  raisesTo: number;
  title: Localized;
  description: Localized;
}

export interface MeasureGuide {
  id: string;
  weight: number;
  smallTarget: number;
  plainTitle: Localized;
  question: Localized;
  why: Localized;
  options: AnswerOption[];
  actions: ActionTemplate[];
  source: SourceRef;
}

export interface GeneralGuidance {
  title: string;
  publisher: string | null;
  note: Localized;
  source: SourceRef;
}

export interface SmallEnterpriseGuide {
  frameworkId: string;
  generalGuidance: GeneralGuidance[];
  measures: MeasureGuide[];
}

export interface TypeNote {
  summary: Localized;
  measures: Record<string, Localized>;
}

export interface IndicatorDefinition {
  id: string;
  kind: 'mean' | 'share';
  min: number;
  max: number;
  requirementId: string | null;
  name: Localized;
}

export interface SurveyTemplate {
  key: string;
  title: Localized;
  description: Localized;
  questionnaire: Questionnaire;
  source: SourceRef;
}

export interface AssessmentContent {
  scale: MaturityScale;
  guide: SmallEnterpriseGuide;
  typeNotes: Record<string, TypeNote>;
  indicators: IndicatorDefinition[];
  surveyTemplates: SurveyTemplate[];
}

function localized(r: FieldReader, at: PathSegment[]): Localized {
  // Only nb and en: an extra key is usually a text cut at a comma in a YAML flow mapping ({ nb: a, b }).
  const value = r.at(at);
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value))
      if (key !== 'nb' && key !== 'en') r.fail([...at, key], 'unexpected key (quote texts that contain a comma)');
  }
  return { nb: r.string([...at, 'nb']), en: r.string([...at, 'en']) };
}

function source(r: FieldReader, at: PathSegment[]): SourceRef {
  return { file: r.string([...at, 'file']), section: r.string([...at, 'section']) };
}

function boolean(r: FieldReader, at: PathSegment[]): boolean {
  const value = r.at(at);
  if (typeof value !== 'boolean') r.fail(at, 'must be true or false');
  return value === true;
}

async function readerFor(dir: string, name: string): Promise<FieldReader | ErrorDetail[]> {
  const text = await readFile(path.join(dir, name), 'utf8');
  const read = readYamlSource(text, name);
  return 'errors' in read ? read.errors : new FieldReader(read.source);
}

function readScale(r: FieldReader): MaturityScale {
  const levels = r.list(['levels']).map((_, i) => ({
    value: r.integer(['levels', i, 'value']),
    name: localized(r, ['levels', i, 'name']),
    description: localized(r, ['levels', i, 'description']),
  }));
  levels.forEach((level, i) => {
    if (level.value !== i) r.fail(['levels', i, 'value'], `levels must run 0, 1, 2, … in order; expected ${i}`);
  });
  return { id: r.string(['id']), levels };
}

function readGuide(r: FieldReader, maxLevel: number): SmallEnterpriseGuide {
  const measures = r.list(['measures']).map((_, i): MeasureGuide => {
    const at = ['measures', i];
    const options = r.list([...at, 'options']).map((__, j) => ({
      level: r.integer([...at, 'options', j, 'level']),
      text: localized(r, [...at, 'options', j, 'text']),
    }));
    options.forEach((o, j) => {
      if (o.level < 0 || o.level > maxLevel) r.fail([...at, 'options', j, 'level'], `must be 0–${maxLevel}`);
    });
    const actions = r.list([...at, 'actions']).map((__, j) => {
      const a = [...at, 'actions', j];
      return {
        id: r.string([...a, 'id']),
        effort: r.oneOf([...a, 'effort'], effortLevels),
        quickWin: boolean(r, [...a, 'quickWin']),
        raisesTo: r.integer([...a, 'raisesTo']),
        title: localized(r, [...a, 'title']),
        description: localized(r, [...a, 'description']),
      };
    });
    r.uniqueIds(
      [...at, 'actions'],
      actions.map((a) => a.id),
    );
    const weight = r.integer([...at, 'weight']);
    if (weight < 1 || weight > 3) r.fail([...at, 'weight'], 'must be 1, 2 or 3');
    return {
      id: r.string([...at, 'id']),
      weight,
      smallTarget: r.integer([...at, 'smallTarget']),
      plainTitle: localized(r, [...at, 'plainTitle']),
      question: localized(r, [...at, 'question']),
      why: localized(r, [...at, 'why']),
      options,
      actions,
      source: source(r, [...at, 'source']),
    };
  });
  r.uniqueIds(
    ['measures'],
    measures.map((m) => m.id),
  );
  return {
    frameworkId: r.string(['framework']),
    generalGuidance: r.list(['generalGuidance']).map((_, i) => ({
      title: r.string(['generalGuidance', i, 'title']),
      publisher: r.optionalString(['generalGuidance', i, 'publisher']),
      note: localized(r, ['generalGuidance', i, 'note']),
      source: source(r, ['generalGuidance', i, 'source']),
    })),
    measures,
  };
}

function readTypeNotes(r: FieldReader, measureIds: readonly string[]): Record<string, TypeNote> {
  const types = r.object(['types']) ?? {};
  const direct: Record<string, TypeNote> = {};
  const likes: Record<string, string> = {};
  for (const type of Object.keys(types)) {
    const like = r.optionalString(['types', type, 'like']);
    if (like) {
      likes[type] = like;
      continue;
    }
    const measures: Record<string, Localized> = {};
    for (const id of measureIds) measures[id] = localized(r, ['types', type, 'measures', id]);
    direct[type] = { summary: localized(r, ['types', type, 'summary']), measures };
  }
  for (const [type, like] of Object.entries(likes)) {
    const target = direct[like];
    if (!target) r.fail(['types', type, 'like'], `names "${like}", which has no notes of its own`);
    else direct[type] = target;
  }
  return direct;
}

function readIndicators(r: FieldReader): IndicatorDefinition[] {
  const list = r.list(['indicators']).map((_, i) => ({
    id: r.string(['indicators', i, 'id']),
    kind: r.oneOf(['indicators', i, 'kind'], ['mean', 'share'] as const),
    min: r.integer(['indicators', i, 'min']),
    max: r.integer(['indicators', i, 'max']),
    requirementId: r.optionalString(['indicators', i, 'requirement']),
    name: localized(r, ['indicators', i, 'name']),
  }));
  r.uniqueIds(
    ['indicators'],
    list.map((x) => x.id),
  );
  return list;
}

function readSurveyTemplate(r: FieldReader, context: QuestionnaireContext): SurveyTemplate {
  const parsed = parseQuestionnaire({ questions: r.at(['questions']) }, context);
  for (const problem of parsed.problems) r.fail(['questions', ...problem.path], problem.message);
  return {
    key: r.string(['key']),
    title: localized(r, ['title']),
    description: localized(r, ['description']),
    questionnaire: parsed.questionnaire,
    source: source(r, ['source']),
  };
}

/** Loads and checks everything in a content folder (the shipped one by default). */
export async function loadAssessmentContent(dir: string = assessmentDataDir): Promise<AssessmentContent> {
  const errors: ErrorDetail[] = [];
  const open = async (name: string): Promise<FieldReader | null> => {
    const reader = await readerFor(dir, name);
    if (Array.isArray(reader)) {
      errors.push(...reader);
      return null;
    }
    return reader;
  };
  const scaleReader = await open('maturity-scale.yaml');
  const scale = scaleReader ? readScale(scaleReader) : { id: '', levels: [] };
  const maxLevel = scale.levels.length - 1;
  const guideReader = await open('basic-measures-guide.yaml');
  const guide = guideReader ? readGuide(guideReader, maxLevel) : { frameworkId: '', generalGuidance: [], measures: [] };
  const notesReader = await open('enterprise-type-notes.yaml');
  const typeNotes = notesReader
    ? readTypeNotes(
        notesReader,
        guide.measures.map((m) => m.id),
      )
    : {};
  const indicatorReader = await open('indicators.yaml');
  const indicators = indicatorReader ? readIndicators(indicatorReader) : [];
  const context: QuestionnaireContext = { indicators: indicators.map((i) => i.id), guide: guide.measures };
  const surveyTemplates: SurveyTemplate[] = [];
  const surveyNames = (await readdir(path.join(dir, 'surveys')).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.yaml'))
    .sort();
  const surveyReaders: FieldReader[] = [];
  for (const name of surveyNames) {
    const reader = await open(path.join('surveys', name));
    if (reader) {
      surveyReaders.push(reader);
      surveyTemplates.push(readSurveyTemplate(reader, context));
    }
  }
  for (const reader of [scaleReader, guideReader, notesReader, indicatorReader, ...surveyReaders]) {
    if (reader) errors.push(...reader.errors);
  }
  if (errors.length > 0)
    throw new AppError('DATA_INVALID', `assessment content in ${dir}: ${errors.length} problem(s)`, errors);
  return { scale, guide, typeNotes, indicators, surveyTemplates };
}

let shipped: Promise<AssessmentContent> | null = null;

/** The shipped content, read once per process. */
export function shippedAssessmentContent(): Promise<AssessmentContent> {
  shipped ??= loadAssessmentContent().catch((error: unknown) => {
    shipped = null;
    throw error;
  });
  return shipped;
}
