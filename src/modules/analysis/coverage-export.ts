/**
 * The coverage analysis as files: an XLSX workbook (principles, principles × measures, goals, strategic areas, gaps,
 * rules) and CSV tables, in bokmål or English, through the shared writers (formula neutralisation included).
 */
import { buildXlsx, toCsv, type CsvColumn, type XlsxColumn, type XlsxSheet } from '../../platform/export/index.js';
import type { CoverageReport } from './coverage-service.js';
import {
  audienceGroups,
  type AudienceGroup,
  type CoverageLevel,
  type Dimension,
  type GapKind,
  type Strength,
  type TargetCoverage,
} from './types.js';

export const exportLanguages = ['nb', 'en'] as const;
export type ExportLanguage = (typeof exportLanguages)[number];
export const csvTables = ['principles', 'matrix', 'goals', 'strategic-areas', 'gaps'] as const;
export type CsvTable = (typeof csvTables)[number];

type Labels = Record<string, string>;
const labels: Record<ExportLanguage, Labels> = {
  nb: {
    code: 'Nr.',
    title: 'Navn',
    group: 'Kategori',
    score: 'Dekning (0–1)',
    raw: 'Sum av vekter',
    level: 'Nivå',
    measures: 'Tiltak som dekker',
    gaps: 'Gap',
    existing: 'Eksisterende tiltak',
    new: 'Nye tiltak',
    dimension: 'Dimensjon',
    principles: 'Prinsipper',
    matrix: 'Prinsipper × tiltak',
    goals: 'Områdenes mål',
    strategicAreas: 'Strategiske områder',
    gapSheet: 'Gap',
    rules: 'Om analysen',
    none: 'ingen',
    low: 'lav',
    partial: 'delvis',
    covered: 'dekket',
    strong: 'sterk',
    moderate: 'moderat',
    weak: 'svak',
    'gap.none': 'ingen tiltak',
    'gap.weak': 'svak dekning',
    'gap.only-large': 'bare store virksomheter',
    'gap.small-enterprises-weak': 'svak for små virksomheter',
    'gap.intended-audience-missed': 'når ikke tiltenkt målgruppe',
    'whole-sector': 'Hele sektoren',
    'large-enterprises': 'Store virksomheter',
    'small-enterprises': 'Små virksomheter',
    municipalities: 'Kommuner',
    key: 'Punkt',
    value: 'Verdi',
  },
  en: {
    code: 'No.',
    title: 'Name',
    group: 'Category',
    score: 'Coverage (0–1)',
    raw: 'Sum of weights',
    level: 'Level',
    measures: 'Covering measures',
    gaps: 'Gaps',
    existing: 'Existing measures',
    new: 'New measures',
    dimension: 'Dimension',
    principles: 'Principles',
    matrix: 'Principles × measures',
    goals: 'Area goals',
    strategicAreas: 'Strategic areas',
    gapSheet: 'Gaps',
    rules: 'About the analysis',
    none: 'none',
    low: 'low',
    partial: 'partial',
    covered: 'covered',
    strong: 'strong',
    moderate: 'moderate',
    weak: 'weak',
    'gap.none': 'no measure',
    'gap.weak': 'weak coverage',
    'gap.only-large': 'large enterprises only',
    'gap.small-enterprises-weak': 'weak for small enterprises',
    'gap.intended-audience-missed': 'misses its intended audience',
    'whole-sector': 'Whole sector',
    'large-enterprises': 'Large enterprises',
    'small-enterprises': 'Small enterprises',
    municipalities: 'Municipalities',
    key: 'Item',
    value: 'Value',
  },
};

const titleOf = (t: TargetCoverage, lang: ExportLanguage) =>
  lang === 'en' ? (t.target.title.en ?? t.target.title.nb) : t.target.title.nb;

function targetColumns(
  lang: ExportLanguage,
  withGroup: boolean,
): (XlsxColumn<TargetCoverage> & CsvColumn<TargetCoverage>)[] {
  const l = labels[lang];
  const level = (v: CoverageLevel) => l[v] ?? v;
  const strength = (s: Strength) => l[s] ?? s;
  return [
    { header: l.code!, type: 'text', width: 8, value: (t) => t.target.code },
    { header: l.title!, type: 'longText', width: 50, value: (t) => titleOf(t, lang) },
    ...(withGroup
      ? [
          {
            header: l.group!,
            type: 'text' as const,
            width: 26,
            value: (t: TargetCoverage) =>
              t.target.group
                ? lang === 'en'
                  ? (t.target.group.title.en ?? t.target.group.title.nb)
                  : t.target.group.title.nb
                : '',
          },
        ]
      : []),
    { header: l.score!, type: 'number', value: (t) => t.overall.score },
    { header: l.raw!, type: 'number', value: (t) => t.overall.rawScore },
    { header: l.level!, type: 'text', width: 10, value: (t) => level(t.overall.level) },
    ...audienceGroups.map((g: AudienceGroup) => ({
      header: l[g]!,
      type: 'number' as const,
      value: (t: TargetCoverage) => t.byAudience[g].score,
    })),
    { header: l.existing!, type: 'number', value: (t) => t.byKind.existing.score },
    { header: l.new!, type: 'number', value: (t) => t.byKind.new.score },
    {
      header: l.measures!,
      type: 'longText',
      width: 40,
      value: (t) => t.links.map((c) => `${c.measureId} (${strength(c.strength)})`).join(', '),
    },
    {
      header: l.gaps!,
      type: 'text',
      width: 36,
      value: (t) => t.gaps.map((g: GapKind) => l[`gap.${g}`] ?? g).join(', '),
    },
  ];
}

interface MatrixRow {
  target: TargetCoverage;
}

function matrixColumns(report: CoverageReport, lang: ExportLanguage): (XlsxColumn<MatrixRow> & CsvColumn<MatrixRow>)[] {
  const l = labels[lang];
  return [
    { header: l.code!, type: 'text', width: 8, value: (r) => r.target.target.code },
    { header: l.title!, type: 'text', width: 40, value: (r) => titleOf(r.target, lang) },
    ...report.measures.map((m) => ({
      header: m.id,
      type: 'text' as const,
      width: 9,
      value: (r: MatrixRow) => {
        const link = r.target.links.find((c) => c.measureId === m.id);
        return link ? (l[link.strength] ?? link.strength) : '';
      },
    })),
  ];
}

interface GapRow {
  dimension: Dimension;
  code: string;
  title: string;
  kind: GapKind;
}

function gapRows(report: CoverageReport, lang: ExportLanguage): GapRow[] {
  return report.gaps.map((g) => {
    const target = report[g.dimension].find((t) => t.target.id === g.targetId);
    return { dimension: g.dimension, code: g.code, title: target ? titleOf(target, lang) : g.targetId, kind: g.kind };
  });
}

function gapColumns(lang: ExportLanguage): (XlsxColumn<GapRow> & CsvColumn<GapRow>)[] {
  const l = labels[lang];
  return [
    { header: l.dimension!, type: 'text', width: 20, value: (r) => l[r.dimension] ?? r.dimension },
    { header: l.code!, type: 'text', width: 8, value: (r) => r.code },
    { header: l.title!, type: 'longText', width: 50, value: (r) => r.title },
    { header: l.gaps!, type: 'text', width: 30, value: (r) => l[`gap.${r.kind}`] ?? r.kind },
  ];
}

function aboutRows(report: CoverageReport, lang: ExportLanguage): { key: string; value: string }[] {
  const l = labels[lang];
  return [
    { key: lang === 'en' ? 'Analysis' : 'Analyse', value: report.mapping.analysis[lang] },
    { key: lang === 'en' ? 'Edition' : 'Utgave', value: `${report.edition.id}: ${report.edition.title}` },
    { key: lang === 'en' ? 'Framework' : 'Rammeverk', value: `${report.framework.id} v${report.framework.version}` },
    {
      key: lang === 'en' ? 'Weights' : 'Vekter',
      value: `${l.strong} ${report.rules.strengthWeight.strong}, ${l.moderate} ${report.rules.strengthWeight.moderate}, ${l.weak} ${report.rules.strengthWeight.weak}; ${lang === 'en' ? 'capped at' : 'høyst'} ${report.rules.scoreCap}`,
    },
    {
      key: lang === 'en' ? 'Levels' : 'Nivåer',
      value: `${l.none} 0; ${l.low} < ${report.rules.levelThresholds.partial}; ${l.partial} < ${report.rules.levelThresholds.covered}; ${l.covered} ${report.rules.levelThresholds.covered}`,
    },
    ...audienceGroups.map((g) => ({
      key: l[g]!,
      value: Object.entries(report.rules.audienceGroupRule)
        .filter(([, groups]) => groups.includes(g))
        .map(([tag]) => tag)
        .join(', '),
    })),
  ];
}

export async function coverageXlsx(report: CoverageReport, lang: ExportLanguage, createdAt: Date): Promise<Buffer> {
  const l = labels[lang];
  const sheets: XlsxSheet[] = [
    { name: l.principles!, columns: targetColumns(lang, true), rows: report.principles },
    { name: l.matrix!, columns: matrixColumns(report, lang), rows: report.principles.map((target) => ({ target })) },
    { name: l.goals!, columns: targetColumns(lang, false), rows: report.goals },
    { name: l.strategicAreas!, columns: targetColumns(lang, false), rows: report.strategicAreas },
    { name: l.gapSheet!, columns: gapColumns(lang), rows: gapRows(report, lang) },
    {
      name: l.rules!,
      columns: [
        { header: l.key!, type: 'text', width: 24, value: (r: { key: string }) => r.key },
        { header: l.value!, type: 'longText', width: 90, value: (r: { value: string }) => r.value },
      ],
      rows: aboutRows(report, lang),
    },
  ];
  return buildXlsx(sheets, { createdAt, title: report.mapping.title[lang], creator: 'Varde' });
}

export function coverageCsv(report: CoverageReport, table: CsvTable, lang: ExportLanguage): string {
  const delimiter = lang === 'nb' ? ';' : ',';
  switch (table) {
    case 'principles':
      return toCsv(targetColumns(lang, true), report.principles, { delimiter });
    case 'goals':
      return toCsv(targetColumns(lang, false), report.goals, { delimiter });
    case 'strategic-areas':
      return toCsv(targetColumns(lang, false), report.strategicAreas, { delimiter });
    case 'matrix':
      return toCsv(
        matrixColumns(report, lang),
        report.principles.map((target) => ({ target })),
        { delimiter },
      );
    case 'gaps':
      return toCsv(gapColumns(lang), gapRows(report, lang), { delimiter });
  }
}

export function exportFileName(report: CoverageReport, suffix: string, extension: string): string {
  return `dekningsanalyse-${report.edition.id}${suffix}.${extension}`.replace(/[^A-Za-z0-9._-]/g, '-');
}
