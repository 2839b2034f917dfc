/**
 * Text for PDFs drawn with the standard fonts (Helvetica): they encode text as WinAnsi (Windows-1252), which holds
 * æøå ÆØÅ, é, ü, «», – — … and € but nothing beyond. Other characters are mapped to a close WinAnsi spelling
 * (≥ → >=, → → ->), or to their base letter (č → c, ŋ → n), or to "?", so nothing turns into a wrong glyph.
 */

// Unicode code points above U+00FF that WinAnsi holds (in its 0x80–0x9F range).
const winAnsiExtra = new Set(
  [
    0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018,
    0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
  ].map((c) => String.fromCodePoint(c)),
);

const replacements: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '→': '->',
  '←': '<-',
  '↑': '^',
  '↓': 'v',
  '✓': 'v',
  '✔': 'v',
  '✗': 'x',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u200b': '',
  ŋ: 'n',
  Ŋ: 'N',
  đ: 'd',
  Đ: 'D',
  ŧ: 't',
  Ŧ: 'T',
  ł: 'l',
  Ł: 'L',
};

function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtra.has(ch);
}

/** Text the standard PDF fonts can draw, with line breaks and tabs kept as such. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch === '\n' || ch === '\t') out += ch;
    else if (ch === '\r') continue;
    else if (isWinAnsi(ch)) out += ch;
    else if (ch in replacements) out += replacements[ch];
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length > 0 && [...base].every(isWinAnsi) ? base : '?';
    }
  }
  return out;
}
