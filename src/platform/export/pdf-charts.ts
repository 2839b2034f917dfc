/**
 * Charts drawn as vector graphics (sharp at any zoom, text selectable): horizontal bars, horizontal stacked bars
 * with a legend, and lines over a few x values (years). Each draws at the flow position and moves the flow below it;
 * the chart is kept on one page.
 */
import { colours, contentWidth, ensureSpace, fonts, label, margins, textOn, type Doc } from './pdf-layout.js';
import type { ChartSeries, PdfBlock } from './pdf-types.js';

type Bar = Extract<PdfBlock, { kind: 'barChart' }>;
type Stacked = Extract<PdfBlock, { kind: 'stackedBarChart' }>;
type Line = Extract<PdfBlock, { kind: 'lineChart' }>;

const rowHeight = 18;
const barThickness = 12;
const labelWidth = 150;
const titleHeight = 20;

/** A round axis maximum at or above `max` (1, 2, 5 × 10^n). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

const formatNumber = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1).replace('.', ','));

function chartTitle(doc: Doc, title: string, y: number): void {
  label(doc, title, margins.left, y, { font: fonts.bold, size: 10, width: contentWidth });
}

function legend(doc: Doc, series: readonly ChartSeries[], y: number): number {
  let x = margins.left;
  let row = 0;
  for (const s of series) {
    doc.font(fonts.regular).fontSize(8);
    const width = 14 + doc.widthOfString(s.name) + 14;
    if (x + width > margins.left + contentWidth) {
      x = margins.left;
      row++;
    }
    doc.rect(x, y + row * 14 + 1, 9, 9).fill(s.color);
    label(doc, s.name, x + 13, y + row * 14 + 2, { colour: colours.text });
    x += width;
  }
  return (row + 1) * 14;
}

function legendHeight(doc: Doc, series: readonly ChartSeries[]): number {
  let x = 0;
  let rows = 1;
  for (const s of series) {
    doc.font(fonts.regular).fontSize(8);
    const width = 28 + doc.widthOfString(s.name);
    if (x + width > contentWidth) {
      x = 0;
      rows++;
    }
    x += width;
  }
  return rows * 14;
}

function valueAxis(doc: Doc, x0: number, width: number, top: number, bottom: number, max: number, unit = ''): void {
  for (let i = 0; i <= 4; i++) {
    const x = x0 + (width * i) / 4;
    doc.moveTo(x, top).lineTo(x, bottom).lineWidth(0.5).strokeColor(colours.grid).stroke();
    label(doc, `${formatNumber((max * i) / 4)}${unit}`, x - 20, bottom + 3, {
      width: 40,
      align: 'center',
      colour: colours.muted,
      size: 7,
    });
  }
}

export function drawBarChart(doc: Doc, chart: Bar): void {
  const height = titleHeight + chart.bars.length * rowHeight + 16;
  ensureSpace(doc, height);
  const top = doc.y;
  chartTitle(doc, chart.title, top);
  const x0 = margins.left + labelWidth;
  const width = contentWidth - labelWidth - 30;
  const max = niceMax(Math.max(0, ...chart.bars.map((b) => b.value)));
  const plotTop = top + titleHeight;
  const plotBottom = plotTop + chart.bars.length * rowHeight;
  valueAxis(doc, x0, width, plotTop, plotBottom, max, chart.unit);
  chart.bars.forEach((bar, i) => {
    const y = plotTop + i * rowHeight;
    label(doc, bar.label, margins.left, y + 4, { width: labelWidth - 8, size: 8 });
    const w = (width * Math.max(0, bar.value)) / max;
    if (w > 0) doc.rect(x0, y + (rowHeight - barThickness) / 2, w, barThickness).fill(bar.color ?? colours.bar);
    label(doc, `${formatNumber(bar.value)}${chart.unit ?? ''}`, x0 + w + 4, y + 4, { size: 8 });
  });
  doc.y = top + height + 8;
  doc.x = margins.left;
}

export function drawStackedBarChart(doc: Doc, chart: Stacked): void {
  const legendH = legendHeight(doc, chart.series);
  const height = titleHeight + legendH + 6 + chart.categories.length * rowHeight + 16;
  ensureSpace(doc, height);
  const top = doc.y;
  chartTitle(doc, chart.title, top);
  legend(doc, chart.series, top + titleHeight - 4);
  const x0 = margins.left + labelWidth;
  const width = contentWidth - labelWidth - 30;
  const totals = chart.categories.map((c) => c.values.reduce((sum, v) => sum + Math.max(0, v), 0));
  const max = chart.normalise ? 100 : niceMax(Math.max(0, ...totals));
  const plotTop = top + titleHeight + legendH + 2;
  const plotBottom = plotTop + chart.categories.length * rowHeight;
  valueAxis(doc, x0, width, plotTop, plotBottom, max, chart.normalise ? ' %' : '');
  chart.categories.forEach((category, i) => {
    const y = plotTop + i * rowHeight;
    label(doc, category.label, margins.left, y + 4, { width: labelWidth - 8, size: 8 });
    const total = totals[i] ?? 0;
    let x = x0;
    category.values.forEach((value, s) => {
      if (value <= 0) return;
      const share = chart.normalise ? (total > 0 ? (value / total) * 100 : 0) : value;
      const w = (width * share) / max;
      const fill = chart.series[s]?.color ?? colours.bar;
      doc.rect(x, y + (rowHeight - barThickness) / 2, w, barThickness).fill(fill);
      doc.font(fonts.regular).fontSize(7);
      if (w > doc.widthOfString(String(value)) + 4) {
        label(doc, String(value), x, y + 5.5, { width: w, align: 'center', size: 7, colour: textOn(fill) });
      }
      x += w;
    });
    if (!chart.normalise) label(doc, String(total), x + 4, y + 4, { size: 8, colour: colours.muted });
  });
  doc.y = top + height + 8;
  doc.x = margins.left;
}

export function drawLineChart(doc: Doc, chart: Line): void {
  const legendH = legendHeight(doc, chart.series);
  const plotHeight = 150;
  const height = titleHeight + plotHeight + 18 + legendH + 6;
  ensureSpace(doc, height);
  const top = doc.y;
  chartTitle(doc, chart.title, top);
  const x0 = margins.left + 40;
  const width = contentWidth - 60;
  const plotTop = top + titleHeight + 4;
  const plotBottom = plotTop + plotHeight;
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = chart.yMax ?? niceMax(Math.max(0, ...values));
  for (let i = 0; i <= 4; i++) {
    const y = plotBottom - (plotHeight * i) / 4;
    doc
      .moveTo(x0, y)
      .lineTo(x0 + width, y)
      .lineWidth(0.5)
      .strokeColor(colours.grid)
      .stroke();
    label(doc, `${formatNumber((max * i) / 4)}${chart.unit ?? ''}`, margins.left, y - 4, {
      width: 36,
      align: 'right',
      size: 7,
      colour: colours.muted,
    });
  }
  const n = chart.xLabels.length;
  const xAt = (i: number) => (n <= 1 ? x0 + width / 2 : x0 + 20 + ((width - 40) * i) / (n - 1));
  const yAt = (v: number) => plotBottom - (plotHeight * Math.min(v, max)) / max;
  chart.xLabels.forEach((text, i) =>
    label(doc, text, xAt(i) - 30, plotBottom + 4, { width: 60, align: 'center', size: 8 }),
  );
  for (const series of chart.series) {
    let drawing = false;
    series.values.forEach((v, i) => {
      if (v === null) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(xAt(i), yAt(v));
      else doc.moveTo(xAt(i), yAt(v));
      drawing = true;
    });
    doc.lineWidth(1.6).strokeColor(series.color).stroke();
    series.values.forEach((v, i) => {
      if (v !== null) doc.circle(xAt(i), yAt(v), 2.6).fill(series.color);
    });
  }
  legend(doc, chart.series, plotBottom + 18);
  doc.y = top + height + 8;
  doc.x = margins.left;
}
