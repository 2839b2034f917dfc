import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf-document.js';
import { toWinAnsi } from './pdf-text.js';
import type { PdfBlock } from './pdf-types.js';

/** The text runs of an uncompressed pdfkit file: each `[<hex> kern <hex>] TJ` decoded from WinAnsi. */
function textRuns(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const runs: string[] = [];
  for (const match of source.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/gi)) {
    const hex = [...(match[1] ?? '').matchAll(/<([0-9a-f]*)>/gi)].map((m) => m[1]).join('');
    runs.push(iconv.decode(Buffer.from(hex, 'hex'), 'win1252'));
  }
  return runs;
}

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function sampleBlocks(): PdfBlock[] {
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: 'Sammendrag' },
    { kind: 'paragraph', text: 'Blåbærsyltetøy fra Ålesund, Øksnes og Ærøy – «status» i 2026.' },
    {
      kind: 'barChart',
      title: 'Tiltak etter status',
      bars: [
        { label: 'Pågår', value: 7 },
        { label: 'Fullført', value: 3 },
      ],
    },
    {
      kind: 'stackedBarChart',
      title: 'Status per område',
      series: [
        { name: 'Planlagt', color: '#8fb3d9' },
        { name: 'I drift', color: '#2e8b57' },
      ],
      categories: [{ label: 'Kompetanse', values: [2, 5] }],
    },
    {
      kind: 'lineChart',
      title: 'Utvikling',
      xLabels: ['2024', '2025', '2026'],
      series: [{ name: 'Andel i drift', color: '#1e3a5f', values: [10, null, 40] }],
    },
    { kind: 'heading', level: 2, text: 'Tabell over aktører' },
    {
      kind: 'table',
      columns: [
        { header: 'Tiltak', width: 1 },
        { header: 'Fremdrift', width: 4 },
      ],
      rows: Array.from({ length: 80 }, (_, i) => [`1.${i}`, 'Arbeidet går etter planen. '.repeat(1 + (i % 5))]),
    },
    { kind: 'heading', level: 1, text: 'Gap', newPage: true },
  ];
  for (let i = 0; i < 45; i++)
    blocks.push({ kind: 'heading', level: 2, text: `Del ${i}` }, { kind: 'paragraph', text: 'Tekst. '.repeat(30) });
  return blocks;
}

describe('PDF document builder', () => {
  it('draws a cover, a table of contents with the right pages, and "Side X av Y" on every page', async () => {
    const result = await renderPdf({
      title: 'Sektorrapport 2026',
      createdAt: new Date('2026-03-15T10:00:00Z'),
      coverLines: ['Publisert 15. mars 2026'],
      blocks: sampleBlocks(),
      compress: false,
    });
    expect(result.buffer.subarray(0, 5).toString()).toBe('%PDF-');
    const runs = textRuns(result.buffer);
    for (let n = 1; n <= result.pageCount; n++) expect(runs).toContain(`Side ${n} av ${result.pageCount}`);
    // 47 entries need two contents pages, so the content starts on page 4.
    expect(result.contents[0]).toEqual({ level: 1, text: 'Sammendrag', page: 4 });
    const gap = result.contents.find((c) => c.text === 'Gap');
    expect(gap?.page).toBeGreaterThan(5);
    expect(runs).toContain('Innhold');
    expect(runs.join('\n')).toContain('Blåbærsyltetøy fra Ålesund, Øksnes og Ærøy – «status» i 2026.');
    expect(runs).toContain('Pågår');
    // The table header is drawn again on every page the table continues on.
    expect(runs.filter((r) => r === 'Fremdrift').length).toBeGreaterThan(1);
  });

  it('renders pages that poppler reads, with Norwegian letters intact', async (context) => {
    if (!hasPdftotext) context.skip();
    const result = await renderPdf({
      title: 'Prøve på æøå ÆØÅ',
      createdAt: new Date('2026-03-15T10:00:00Z'),
      blocks: sampleBlocks(),
    });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'varde-pdf-'));
    const file = path.join(dir, 'test.pdf');
    await fs.writeFile(file, result.buffer);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Prøve på æøå ÆØÅ');
    expect(text).toContain('Blåbærsyltetøy fra Ålesund');
    expect(text).toContain(`Side ${result.pageCount} av ${result.pageCount}`);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Pages:\\s+${result.pageCount}`));
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('maps characters the standard fonts lack to a readable spelling', () => {
    expect(toWinAnsi('æøå ÆØÅ «» – … €')).toBe('æøå ÆØÅ «» – … €');
    expect(toWinAnsi('≥ 5 → neste')).toBe('>= 5 -> neste');
    expect(toWinAnsi('Čáhcesuolu, Ŋ')).toBe('Cáhcesuolu, N');
    expect(toWinAnsi('emoji 🚀')).toBe('emoji ?');
  });
});
