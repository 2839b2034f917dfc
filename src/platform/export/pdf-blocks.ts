/** Text blocks of a PDF: paragraphs, bullet lists, label–value lists and tables whose header repeats on each page. */
import {
  colours,
  contentBottom,
  contentWidth,
  ensureSpace,
  fonts,
  margins,
  pdfText,
  textHeight,
  type Doc,
} from './pdf-layout.js';
import type { PdfBlock, PdfTableColumn } from './pdf-types.js';

type Table = Extract<PdfBlock, { kind: 'table' }>;

export function drawParagraph(doc: Doc, text: string, style: 'normal' | 'muted' | 'small' = 'normal'): void {
  const size = style === 'small' ? 8 : 10;
  doc
    .font(fonts.regular)
    .fontSize(size)
    .fillColor(style === 'normal' ? colours.text : colours.muted);
  ensureSpace(doc, size * 2.5);
  doc.text(pdfText(text), margins.left, doc.y, { width: contentWidth, lineGap: 2 });
  doc.moveDown(0.6);
}

export function drawBullets(doc: Doc, items: readonly string[]): void {
  doc.font(fonts.regular).fontSize(10).fillColor(colours.text);
  for (const item of items) {
    const height = textHeight(doc, item, contentWidth - 14, fonts.regular, 10);
    ensureSpace(doc, Math.min(height, 40));
    const y = doc.y;
    doc.circle(margins.left + 4, y + 5, 1.6).fill(colours.text);
    doc.fillColor(colours.text).text(pdfText(item), margins.left + 14, y, { width: contentWidth - 14, lineGap: 2 });
    doc.moveDown(0.25);
  }
  doc.x = margins.left;
  doc.moveDown(0.4);
}

export function drawKeyValues(doc: Doc, items: readonly { label: string; value: string }[]): void {
  const labelWidth = 150;
  const valueWidth = contentWidth - labelWidth - 8;
  for (const item of items) {
    const height = Math.max(
      textHeight(doc, item.label, labelWidth, fonts.bold, 9.5),
      textHeight(doc, item.value, valueWidth, fonts.regular, 9.5),
    );
    ensureSpace(doc, Math.min(height, 120) + 4);
    const y = doc.y;
    doc
      .font(fonts.bold)
      .fontSize(9.5)
      .fillColor(colours.text)
      .text(pdfText(item.label), margins.left, y, { width: labelWidth });
    doc
      .font(fonts.regular)
      .fontSize(9.5)
      .text(pdfText(item.value || '–'), margins.left + labelWidth + 8, y, { width: valueWidth, lineGap: 1 });
    doc.y = Math.max(doc.y, y + height) + 4;
  }
  doc.x = margins.left;
  doc.moveDown(0.4);
}

const cellPad = 3.5;
const tableSize = 8;

function columnWidths(columns: readonly PdfTableColumn[]): number[] {
  const total = columns.reduce((sum, c) => sum + c.width, 0) || 1;
  return columns.map((c) => (contentWidth * c.width) / total);
}

/** Shortens a cell until its row fits on one page (a report table row should never be taller than a page). */
function fitCell(doc: Doc, text: string, width: number, maxHeight: number): string {
  let fitted = text;
  while (fitted.length > 20 && textHeight(doc, fitted, width, fonts.regular, tableSize) > maxHeight) {
    fitted = `${fitted.slice(0, Math.floor(fitted.length * 0.8)).trimEnd()}…`;
  }
  return fitted;
}

function drawRow(
  doc: Doc,
  cells: readonly string[],
  widths: number[],
  columns: readonly PdfTableColumn[],
  header: boolean,
  zebra: boolean,
): void {
  const font = header ? fonts.bold : fonts.regular;
  const heights = cells.map((cell, i) => textHeight(doc, cell, (widths[i] ?? 0) - 2 * cellPad, font, tableSize));
  const height = Math.max(...heights, tableSize) + 2 * cellPad;
  const y = doc.y;
  if (header) doc.rect(margins.left, y, contentWidth, height).fill(colours.accent);
  else if (zebra) doc.rect(margins.left, y, contentWidth, height).fill(colours.zebra);
  let x = margins.left;
  cells.forEach((cell, i) => {
    const width = widths[i] ?? 0;
    doc
      .font(font)
      .fontSize(tableSize)
      .fillColor(header ? '#ffffff' : colours.text)
      .text(pdfText(cell), x + cellPad, y + cellPad, {
        width: width - 2 * cellPad,
        align: columns[i]?.align ?? 'left',
        lineGap: 1,
      });
    x += width;
  });
  doc
    .moveTo(margins.left, y + height)
    .lineTo(margins.left + contentWidth, y + height)
    .lineWidth(0.4)
    .strokeColor(colours.rule)
    .stroke();
  doc.y = y + height;
}

function rowHeight(doc: Doc, cells: readonly string[], widths: number[], font: string): number {
  return (
    Math.max(
      ...cells.map((cell, i) => textHeight(doc, cell, (widths[i] ?? 0) - 2 * cellPad, font, tableSize)),
      tableSize,
    ) +
    2 * cellPad
  );
}

export function drawTable(doc: Doc, table: Table): void {
  const widths = columnWidths(table.columns);
  const headers = table.columns.map((c) => c.header);
  const headerHeight = rowHeight(doc, headers, widths, fonts.bold);
  const maxRow = contentBottom - margins.top - headerHeight - 20;
  if (table.caption) {
    ensureSpace(doc, 40 + headerHeight);
    doc
      .font(fonts.italic)
      .fontSize(8.5)
      .fillColor(colours.muted)
      .text(pdfText(table.caption), margins.left, doc.y, { width: contentWidth });
    doc.moveDown(0.3);
  }
  const firstRow = table.rows[0] ?? [];
  ensureSpace(
    doc,
    headerHeight + (table.rows.length > 0 ? Math.min(rowHeight(doc, firstRow, widths, fonts.regular), 80) : 0),
  );
  drawRow(doc, headers, widths, table.columns, true, false);
  table.rows.forEach((row, r) => {
    const cells = table.columns.map((_, i) => fitCell(doc, row[i] ?? '', (widths[i] ?? 0) - 2 * cellPad, maxRow));
    const height = rowHeight(doc, cells, widths, fonts.regular);
    if (doc.y + height > contentBottom) {
      doc.addPage();
      doc.y = margins.top;
      drawRow(doc, headers, widths, table.columns, true, false);
    }
    drawRow(doc, cells, widths, table.columns, false, r % 2 === 1);
  });
  doc.x = margins.left;
  doc.moveDown(0.8);
}
