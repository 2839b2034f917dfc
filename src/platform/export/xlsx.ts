/**
 * XLSX workbooks that open cleanly in Excel and LibreOffice: one sheet per table, a styled header row that stays
 * frozen, an auto filter over the table, fixed column widths, wrapped long text, and dates as real dates (so they
 * sort and filter as dates). Text is written as text values, never as formulas, so a cell starting with "=" is not
 * executed; characters XML cannot hold are removed and cells are cut at Excel's 32,767-character limit.
 */
import ExcelJS from 'exceljs';

export type XlsxCellType = 'text' | 'longText' | 'number' | 'integer' | 'date' | 'datetime' | 'boolean';
export type XlsxValue = string | number | boolean | Date | null | undefined;

export interface XlsxColumn<Row> {
  readonly header: string;
  readonly type: XlsxCellType;
  readonly value: (row: Row) => XlsxValue;
  /** Width in characters (defaults by type). */
  readonly width?: number;
}

export interface XlsxSheet<Row = any> {
  /** Sheet name: at most 31 characters, none of \ / ? * [ ] : (cleaned here if needed). */
  readonly name: string;
  readonly columns: readonly XlsxColumn<Row>[];
  readonly rows: readonly Row[];
}

export interface XlsxWorkbookOptions {
  readonly creator?: string;
  readonly title?: string;
  /** Stored as the workbook's creation time (pass the snapshot's time: the clock is not read here). */
  readonly createdAt: Date;
}

export const excelCellLimit = 32_767;
const defaultWidth: Record<XlsxCellType, number> = {
  text: 24,
  longText: 60,
  number: 12,
  integer: 10,
  date: 12,
  datetime: 18,
  boolean: 8,
};
const numberFormat: Partial<Record<XlsxCellType, string>> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  integer: '0',
  number: '0.##',
};

// XML 1.0 allows tab, LF, CR and everything from U+0020 up except lone surrogates and U+FFFE/U+FFFF.
const xmlInvalid =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanCellText(text: string): string {
  const clean = text.replace(xmlInvalid, '');
  return clean.length > excelCellLimit ? `${clean.slice(0, excelCellLimit - 1)}…` : clean;
}

export function cleanSheetName(name: string): string {
  const clean = name.replace(/[\\/?*[\]:]/g, ' ').trim();
  return (clean || 'Ark').slice(0, 31);
}

/** "2026-03-01" or a Date → a Date at UTC midnight (Excel dates have no zone: the calendar day is kept). */
function toDate(value: XlsxValue): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

function cellValue(type: XlsxCellType, value: XlsxValue): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (type) {
    case 'date':
    case 'datetime':
      return toDate(value) ?? cleanCellText(String(value));
    case 'number':
    case 'integer':
      return typeof value === 'number' ? (Number.isFinite(value) ? value : null) : cleanCellText(String(value));
    case 'boolean':
      return typeof value === 'boolean' ? value : cleanCellText(String(value));
    case 'text':
    case 'longText':
      return cleanCellText(value instanceof Date ? value.toISOString() : String(value));
  }
}

function addSheet(workbook: ExcelJS.Workbook, sheet: XlsxSheet): void {
  const ws = workbook.addWorksheet(cleanSheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width ?? defaultWidth[c.type],
    style: {
      ...(numberFormat[c.type] ? { numFmt: numberFormat[c.type] } : {}),
      alignment: { vertical: 'top', wrapText: c.type === 'longText' },
    },
  }));
  const header = ws.addRow(sheet.columns.map((c) => cleanCellText(c.header)));
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1E3A5F' } };
  });
  for (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => cellValue(c.type, c.value(row))));
  if (sheet.columns.length > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + sheet.rows.length, column: sheet.columns.length } };
  }
}

export async function buildXlsx(sheets: readonly XlsxSheet[], options: XlsxWorkbookOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator ?? 'Varde';
  workbook.title = options.title ?? '';
  workbook.created = options.createdAt;
  workbook.modified = options.createdAt;
  const used = new Set<string>();
  for (const sheet of sheets) {
    let name = cleanSheetName(sheet.name);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${cleanSheetName(sheet.name).slice(0, 27)} (${n})`;
    used.add(name.toLowerCase());
    addSheet(workbook, { ...sheet, name });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads a workbook back as header + rows of plain values per sheet: for tests and round trips. */
export async function readXlsx(buffer: Buffer): Promise<{ name: string; rows: unknown[][] }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as unknown[];
      rows.push(values.slice(1));
    });
    return { name: ws.name, rows };
  });
}
