/**
 * Renders a PdfDocumentSpec: a cover page, a table of contents with page numbers and links (filled in after the
 * content is laid out, on pages reserved for it), the blocks, PDF bookmarks for the headings, and a footer with
 * "Side X av Y" on every page. The document language and title are set for screen readers.
 */
import PDFDocument from 'pdfkit';
import { drawBarChart, drawLineChart, drawStackedBarChart } from './pdf-charts.js';
import { drawBullets, drawKeyValues, drawParagraph, drawTable } from './pdf-blocks.js';
import { colours, contentWidth, ensureSpace, fonts, label, margins, page, pdfText, type Doc } from './pdf-layout.js';
import type { PdfBlock, PdfDocumentSpec, PdfRenderResult } from './pdf-types.js';

const tocLine = 17;
const tocFirstPageLines = Math.floor((page.height - margins.top - margins.bottom - 50) / tocLine);
const tocPageLines = Math.floor((page.height - margins.top - margins.bottom) / tocLine);

export const defaultPageLabel = (n: number, total: number) => `Side ${n} av ${total}`;

function tocPagesNeeded(entries: number): number {
  if (entries <= tocFirstPageLines) return 1;
  return 1 + Math.ceil((entries - tocFirstPageLines) / tocPageLines);
}

function currentPage(doc: Doc): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
}

function drawCover(doc: Doc, spec: PdfDocumentSpec): void {
  doc.rect(0, 0, page.width, 12).fill(colours.accent);
  doc.y = 200;
  doc
    .font(fonts.bold)
    .fontSize(26)
    .fillColor(colours.accent)
    .text(pdfText(spec.title), margins.left, doc.y, { width: contentWidth });
  if (spec.subtitle) {
    doc.moveDown(0.4);
    doc.font(fonts.regular).fontSize(14).fillColor(colours.text).text(pdfText(spec.subtitle), { width: contentWidth });
  }
  doc.moveDown(1.5);
  for (const line of spec.coverLines ?? []) {
    doc.font(fonts.regular).fontSize(10).fillColor(colours.muted).text(pdfText(line), { width: contentWidth });
    doc.moveDown(0.2);
  }
}

interface HeadingMark {
  readonly level: number;
  readonly text: string;
  readonly page: number;
  readonly destination: string;
}

function drawHeading(
  doc: Doc,
  block: Extract<PdfBlock, { kind: 'heading' }>,
  index: number,
  outline: Map<number, PDFKit.PDFOutline>,
): HeadingMark {
  const size = block.level === 1 ? 17 : block.level === 2 ? 13 : 11;
  if (block.newPage && doc.y > margins.top + 1) {
    doc.addPage();
    doc.y = margins.top;
  } else {
    ensureSpace(doc, size * 2 + 70);
    if (doc.y > margins.top + 1) doc.moveDown(block.level === 1 ? 0.8 : 0.5);
  }
  const destination = `h${index}`;
  doc.addNamedDestination(destination);
  const parent = block.level === 1 ? doc.outline : (outline.get(block.level - 1) ?? doc.outline);
  outline.set(block.level, parent.addItem(pdfText(block.text)));
  doc
    .font(fonts.bold)
    .fontSize(size)
    .fillColor(block.level === 3 ? colours.text : colours.accent)
    .text(pdfText(block.text), margins.left, doc.y, { width: contentWidth });
  doc.moveDown(0.35);
  return { level: block.level, text: block.text, page: currentPage(doc), destination };
}

function drawBlock(doc: Doc, block: PdfBlock): void {
  switch (block.kind) {
    case 'heading':
      return; // drawn by the caller, which tracks the contents
    case 'paragraph':
      return drawParagraph(doc, block.text, block.style);
    case 'bullets':
      return drawBullets(doc, block.items);
    case 'keyValues':
      return drawKeyValues(doc, block.items);
    case 'table':
      return drawTable(doc, block);
    case 'barChart':
      return drawBarChart(doc, block);
    case 'stackedBarChart':
      return drawStackedBarChart(doc, block);
    case 'lineChart':
      return drawLineChart(doc, block);
    case 'pageBreak':
      doc.addPage();
      doc.y = margins.top;
      return;
  }
}

function drawContents(doc: Doc, title: string, firstPage: number, marks: readonly HeadingMark[]): void {
  doc.switchToPage(firstPage);
  doc
    .font(fonts.bold)
    .fontSize(17)
    .fillColor(colours.accent)
    .text(pdfText(title), margins.left, margins.top, { width: contentWidth });
  let y = margins.top + 50;
  let pageIndex = firstPage;
  for (const mark of marks) {
    if (y + tocLine > page.height - margins.bottom) {
      pageIndex++;
      doc.switchToPage(pageIndex);
      y = margins.top;
    }
    const indent = (mark.level - 1) * 16;
    const pageNumber = String(mark.page + 1);
    const font = mark.level === 1 ? fonts.bold : fonts.regular;
    label(doc, mark.text, margins.left + indent, y, { width: contentWidth - indent - 40, font, size: 10 });
    label(doc, pageNumber, margins.left + contentWidth - 36, y, { width: 36, align: 'right', font, size: 10 });
    doc.goTo(margins.left + indent, y - 2, contentWidth - indent, tocLine - 2, mark.destination);
    y += tocLine;
  }
}

function drawFooters(doc: Doc, spec: PdfDocumentSpec): number {
  const range = doc.bufferedPageRange();
  const pageLabel = spec.pageLabel ?? defaultPageLabel;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = page.height - 40;
    doc
      .moveTo(margins.left, y - 6)
      .lineTo(margins.left + contentWidth, y - 6)
      .lineWidth(0.4)
      .strokeColor(colours.rule)
      .stroke();
    if (spec.footerText)
      label(doc, spec.footerText, margins.left, y, { width: contentWidth - 90, size: 8, colour: colours.muted });
    label(doc, pageLabel(i - range.start + 1, range.count), margins.left + contentWidth - 90, y, {
      width: 90,
      align: 'right',
      size: 8,
      colour: colours.muted,
    });
    doc.page.margins.bottom = bottom;
  }
  return range.count;
}

export async function renderPdf(spec: PdfDocumentSpec): Promise<PdfRenderResult> {
  const doc: Doc = new PDFDocument({
    size: page.size,
    margins,
    bufferPages: true,
    compress: spec.compress ?? true,
    lang: spec.lang ?? 'nb-NO',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: pdfText(spec.title),
      Author: pdfText(spec.author ?? 'Varde'),
      Subject: pdfText(spec.subject ?? spec.subtitle ?? ''),
      Creator: 'Varde',
      Producer: 'Varde (pdfkit)',
      CreationDate: spec.createdAt,
      ModDate: spec.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  drawCover(doc, spec);
  const tocTitle = spec.tocTitle === undefined ? 'Innhold' : spec.tocTitle;
  const tocEntries = spec.blocks.filter((b) => b.kind === 'heading' && b.level <= 2).length;
  const tocFirst = tocTitle !== null && tocEntries > 0 ? currentPage(doc) + 1 : -1;
  if (tocFirst >= 0) for (let i = 0; i < tocPagesNeeded(tocEntries); i++) doc.addPage();
  doc.addPage();
  doc.y = margins.top;

  const marks: HeadingMark[] = [];
  const outline = new Map<number, PDFKit.PDFOutline>();
  spec.blocks.forEach((block, index) => {
    if (block.kind === 'heading') marks.push(drawHeading(doc, block, index, outline));
    else drawBlock(doc, block);
  });
  const contents = marks.filter((m) => m.level <= 2);
  if (tocFirst >= 0 && tocTitle !== null) drawContents(doc, tocTitle, tocFirst, contents);
  const pageCount = drawFooters(doc, spec);
  doc.end();
  await finished;
  return {
    buffer: Buffer.concat(chunks),
    pageCount,
    contents: contents.map((m) => ({ level: m.level, text: m.text, page: m.page + 1 })),
  };
}
