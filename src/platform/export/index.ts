/**
 * export: shared writers for the files modules hand to people (sector report, assessment reports, coverage
 * analysis, the log-control report). Each is a plain function from data to bytes; nothing here reads the clock.
 *
 * PDF — `renderPdf(spec)` lays out a `PdfDocumentSpec` (title, cover lines, blocks) on A4 with pdfkit:
 *   blocks: heading (levels 1–3, optional new page), paragraph, bullets, keyValues, table (header repeated on each
 *   page, rows kept whole), barChart, stackedBarChart (optionally normalised to 100 %), lineChart (gaps as null),
 *   pageBreak. Charts are vector graphics. Headings 1–2 go into a table of contents (with page numbers and links,
 *   on reserved pages after the cover) and into the PDF bookmarks; every page gets "Side X av Y" (`pageLabel` to
 *   change it) and an optional footer text. The standard Helvetica font covers æøå/ÆØÅ and the rest of WinAnsi;
 *   `toWinAnsi` maps anything else to a readable spelling, so text never turns into wrong glyphs. Give the
 *   document language in `lang` (default nb-NO). Returns the bytes, the page count and the contents with pages.
 *
 *     const { buffer } = await renderPdf({ title: 'Sektorrapport 2026', createdAt: snapshot.publishedAt, blocks });
 *
 * XLSX — `buildXlsx(sheets, { createdAt })` with exceljs: per sheet typed columns (`text`, `longText` wraps,
 *   `number`, `integer`, `date` and `datetime` as real dates, `boolean`), a bold, coloured header row that is
 *   frozen, an auto filter, column widths. Text is never a formula; characters XML cannot hold are removed and
 *   cells are cut at Excel's 32,767 characters. `readXlsx` reads a workbook back (tests, round trips).
 *
 * CSV — `toCsv(columns, rows, { delimiter, bom })`: RFC 4180 with CRLF, UTF-8 with a BOM (Excel), `,` or `;`;
 *   text starting with = + - @ tab or CR is prefixed with `'` (formula injection); numbers are written as numbers.
 *   `parseCsv` reads it back.
 */
export { renderPdf, defaultPageLabel } from './pdf-document.js';
export type { PdfBlock, PdfDocumentSpec, PdfRenderResult, PdfTableColumn, ChartSeries } from './pdf-types.js';
export { toWinAnsi } from './pdf-text.js';
export {
  buildXlsx,
  readXlsx,
  cleanCellText,
  cleanSheetName,
  type XlsxColumn,
  type XlsxSheet,
  type XlsxCellType,
  type XlsxValue,
} from './xlsx.js';
export { toCsv, parseCsv, csvField, neutraliseFormula, type CsvColumn, type CsvOptions, type CsvValue } from './csv.js';
