import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, parseCsv, toCsv, type CsvColumn } from './csv.js';

interface Row {
  name: string;
  note: string | null;
  count: number;
}
const columns: CsvColumn<Row>[] = [
  { header: 'Navn', value: (r) => r.name },
  { header: 'Merknad', value: (r) => r.note },
  { header: 'Antall', value: (r) => r.count },
];

describe('CSV writer', () => {
  it('writes RFC 4180 with CRLF, a BOM, and quotes only where needed', () => {
    const csv = toCsv(columns, [
      { name: 'Helse Sør-Øst', note: 'sa "ja", til slutt', count: 3 },
      { name: 'NHN', note: 'linje 1\nlinje 2', count: -2 },
      { name: 'KS', note: null, count: 0 },
    ]);
    expect(csv.startsWith('\uFEFFNavn,Merknad,Antall\r\n')).toBe(true);
    expect(csv).toContain('Helse Sør-Øst,"sa ""ja"", til slutt",3\r\n');
    expect(csv).toContain('NHN,"linje 1\nlinje 2",-2\r\n');
    expect(csv.endsWith('KS,,0\r\n')).toBe(true);
  });

  it('neutralises formula-like text cells but keeps numbers as they are', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(neutraliseFormula(`${start}HYPERLINK("x")`)).toBe(`'${start}HYPERLINK("x")`);
    }
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(-1)).toBe('-1');
    expect(csvField('vanlig tekst')).toBe('vanlig tekst');
    expect(csvField('\rcmd', ',')).toBe(`"'\rcmd"`);
  });

  it('quotes on the chosen delimiter and round-trips through the parser', () => {
    const rows: Row[] = [
      { name: 'a;b', note: 'æøå, ÆØÅ', count: 1.5 },
      { name: '@SUM(A1)', note: 'x"y', count: 2 },
    ];
    const semicolon = toCsv(columns, rows, { delimiter: ';' });
    expect(semicolon).toContain('"a;b";æøå, ÆØÅ;1.5');
    expect(parseCsv(semicolon, ';')).toEqual([
      ['Navn', 'Merknad', 'Antall'],
      ['a;b', 'æøå, ÆØÅ', '1.5'],
      ["'@SUM(A1)", 'x"y', '2'],
    ]);
    expect(toCsv(columns, [], { bom: false })).toBe('Navn,Merknad,Antall\r\n');
  });
});
