/**
 * The audit trail as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs read æøå). Cells that a
 * spreadsheet would run as a formula (starting with = + - @ tab or CR) are prefixed with an apostrophe.
 */
import type { StoredAuditEvent } from './audit-chain.js';

const header = [
  'seq',
  'at',
  'actor_user_id',
  'actor_name',
  'organisation_id',
  'action',
  'object_type',
  'object_id',
  'outcome',
  'ip',
  'user_agent',
  'detail',
  'prev_hash',
  'hash',
];

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditEventsToCsv(events: readonly StoredAuditEvent[]): string {
  const lines = [header.join(',')];
  for (const e of events) {
    const cells = [
      e.seq,
      e.at.toISOString(),
      e.actorUserId,
      e.actorName,
      e.organisationId,
      e.action,
      e.objectType,
      e.objectId,
      e.outcome,
      e.ip,
      e.userAgent,
      JSON.stringify(e.detail),
      e.prevHash,
      e.hash,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
