/**
 * Which evidence files are accepted: PDF, PNG, JPEG, Word (docx), Excel (xlsx) and plain text, recognised by their
 * content (magic bytes), and the file name's extension must agree with it. A file that claims to be one thing and
 * is another is refused. Pure functions over the bytes.
 */
import { AppError } from '../../platform/errors.js';

export const maxEvidenceBytes = 10 * 1024 * 1024;

export const evidenceTypes = {
  pdf: { mediaType: 'application/pdf', extensions: ['.pdf'] },
  png: { mediaType: 'image/png', extensions: ['.png'] },
  jpeg: { mediaType: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
  },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['.xlsx'] },
  txt: { mediaType: 'text/plain; charset=utf-8', extensions: ['.txt'] },
} as const;
export type EvidenceType = keyof typeof evidenceTypes;

const startsWith = (bytes: Buffer, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/** Names of the entries in a zip file's local headers (enough to tell a docx from an xlsx). */
function zipEntryNames(bytes: Buffer, max = 200): string[] {
  const names: string[] = [];
  let offset = 0;
  while (offset + 30 <= bytes.length && names.length < max && bytes.readUInt32LE(offset) === 0x04034b50) {
    const compressedSize = bytes.readUInt32LE(offset + 18);
    const nameLength = bytes.readUInt16LE(offset + 26);
    const extraLength = bytes.readUInt16LE(offset + 28);
    const flags = bytes.readUInt16LE(offset + 6);
    names.push(bytes.toString('latin1', offset + 30, offset + 30 + nameLength));
    // With a data descriptor (flag bit 3) the size is not in the header: stop reading headers here.
    if (flags & 0x08) break;
    offset += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

function isUtf8Text(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The type the content shows, or null. */
export function sniffEvidenceType(bytes: Buffer, fileName: string): EvidenceType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes);
    const text = bytes.toString('latin1');
    const has = (name: string) => names.includes(name) || text.includes(name);
    if (!has('[Content_Types].xml')) return null;
    if (has('word/document.xml') || names.some((n) => n.startsWith('word/'))) return 'docx';
    if (has('xl/workbook.xml') || names.some((n) => n.startsWith('xl/'))) return 'xlsx';
    return null;
  }
  if (fileName.toLowerCase().endsWith('.txt') && isUtf8Text(bytes)) return 'txt';
  return null;
}

/** A file name safe to show and to put in a Content-Disposition header. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (clean || 'fil').slice(-200);
}

/** Checks an uploaded file; returns its type and media type or throws naming what is wrong. */
export function checkEvidenceFile(bytes: Buffer, fileName: string): { type: EvidenceType; mediaType: string } {
  if (bytes.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'The file is empty', [{ field: 'file', message: 'empty file' }]);
  }
  if (bytes.length > maxEvidenceBytes) {
    throw new AppError('EVIDENCE_TOO_LARGE', `Evidence files may be at most ${maxEvidenceBytes / 1024 / 1024} MB`);
  }
  const type = sniffEvidenceType(bytes, fileName);
  const allowed = 'PDF, PNG, JPEG, Word (.docx), Excel (.xlsx) or text (.txt)';
  if (!type) {
    throw new AppError('EVIDENCE_TYPE_NOT_ALLOWED', `The file is not one of the allowed types: ${allowed}`, [
      { field: 'file', message: 'content not recognised as an allowed type' },
    ]);
  }
  const lower = fileName.toLowerCase();
  if (!evidenceTypes[type].extensions.some((ext) => lower.endsWith(ext))) {
    throw new AppError('EVIDENCE_TYPE_NOT_ALLOWED', `The file's name does not match its content (${type})`, [
      { field: 'file', message: `expected a name ending in ${evidenceTypes[type].extensions.join(' or ')}` },
    ]);
  }
  return { type, mediaType: evidenceTypes[type].mediaType };
}
