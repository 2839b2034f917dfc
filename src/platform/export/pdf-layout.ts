/** Page geometry, colours and the small drawing helpers the PDF blocks and charts share. */
import type PDFDocument from 'pdfkit';
import { toWinAnsi } from './pdf-text.js';

export type Doc = InstanceType<typeof PDFDocument>;

export const page = { size: 'A4' as const, width: 595.28, height: 841.89 };
export const margins = { top: 56, bottom: 64, left: 56, right: 56 };
export const contentWidth = page.width - margins.left - margins.right;
export const contentBottom = page.height - margins.bottom;

export const colours = {
  text: '#1a1a1a',
  muted: '#555555',
  accent: '#1e3a5f',
  rule: '#c8d0d8',
  zebra: '#f2f5f8',
  grid: '#e3e7ec',
  bar: '#2f6f9f',
};

export const fonts = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };

/** Text as the standard fonts can draw it. */
export const pdfText = toWinAnsi;

/** Starts a new page when less than `height` points are left above the bottom margin. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > contentBottom) {
    doc.addPage();
    doc.y = margins.top;
  }
}

export function textHeight(doc: Doc, text: string, width: number, font: string, size: number): number {
  doc.font(font).fontSize(size);
  return doc.heightOfString(pdfText(text), { width, lineGap: 1 });
}

/** Draws one line of text without moving the flow or breaking pages (labels in charts and footers). */
export function label(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  options: { width?: number; align?: 'left' | 'right' | 'center'; size?: number; font?: string; colour?: string } = {},
): void {
  doc
    .font(options.font ?? fonts.regular)
    .fontSize(options.size ?? 8)
    .fillColor(options.colour ?? colours.text);
  doc.text(pdfText(text), x, y, {
    lineBreak: false,
    ellipsis: true,
    ...(options.width !== undefined ? { width: options.width, height: (options.size ?? 8) * 1.3 } : {}),
    align: options.align ?? 'left',
  });
}

/** Black or white, whichever reads better on the given `#rrggbb` fill. */
export function textOn(fill: string): string {
  const n = Number.parseInt(fill.replace('#', ''), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#1a1a1a' : '#ffffff';
}
