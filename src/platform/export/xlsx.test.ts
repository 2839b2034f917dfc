import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildXlsx, cleanCellText, cleanSheetName, excelCellLimit, readXlsx, type XlsxColumn } from './xlsx.js';

interface Row {
  id: string;
  text: string;
  due: string | null;
  count: number | null;
  at: Date;
}
const columns: XlsxColumn<Row>[] = [
  { header: 'Tiltak', type: 'text', value: (r) => r.id },
  { header: 'Beskrivelse', type: 'longText', value: (r) => r.text },
  { header: 'Frist', type: 'date', value: (r) => r.due },
  { header: 'Antall', type: 'integer', value: (r) => r.count },
  { header: 'Endret', type: 'datetime', value: (r) => r.at },
];
const rows: Row[] = [
  {
    id: '4.6',
    text: 'Statistisk logganalyse – «ærlig» øving på åtte sykehus',
    due: '2026-03-01',
    count: 3,
    at: new Date('2026-02-03T10:15:00Z'),
  },
  { id: '=1+1', text: 'tekst\u0001med kontrolltegn', due: null, count: null, at: new Date('2026-02-04T08:00:00Z') },
];

describe('XLSX writer', () => {
  it('writes a styled, frozen, filtered header and typed cells that read back', async () => {
    const buffer = await buildXlsx([{ name: 'Statusrapporter', columns, rows }], {
      createdAt: new Date('2026-03-02T12:00:00Z'),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet('Statusrapporter');
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeDefined();
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getCell('A1').value).toBe('Tiltak');
    expect(ws.getCell('B2').value).toBe('Statistisk logganalyse – «ærlig» øving på åtte sykehus');
    expect(ws.getCell('B2').alignment?.wrapText).toBe(true);
    const due = ws.getCell('C2').value;
    expect(due).toBeInstanceOf(Date);
    expect((due as Date).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(ws.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('D2').value).toBe(3);
    // A formula-looking text stays text, never a formula.
    expect(ws.getCell('A3').value).toBe('=1+1');
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B3').value).toBe('tekstmed kontrolltegn');
    expect(ws.getCell('C3').value).toBeNull();
    expect(ws.getColumn(2).width).toBe(60);
  });

  it('cleans sheet names, keeps them unique, and cuts over-long cells', async () => {
    expect(cleanSheetName('Status [2026]: per/aktør?')).toBe('Status  2026   per aktør');
    expect(cleanCellText('x'.repeat(excelCellLimit + 10))).toHaveLength(excelCellLimit);
    const buffer = await buildXlsx(
      [
        { name: 'Ark', columns, rows: [] },
        { name: 'ark', columns, rows: [] },
      ],
      { createdAt: new Date('2026-03-02T12:00:00Z') },
    );
    const sheets = await readXlsx(buffer);
    expect(sheets.map((s) => s.name)).toEqual(['Ark', 'ark (2)']);
    expect(sheets[0]?.rows).toEqual([['Tiltak', 'Beskrivelse', 'Frist', 'Antall', 'Endret']]);
  });
});
