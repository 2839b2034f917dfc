/** Builds a coverage export file and records exports in the audit trail (by logged-in users, and every draft export). */
import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/http/access.js';
import { writeAuditEvent } from '../audit/index.js';
import { authorOf, type RequestOrigin } from './analysis-access.js';
import { coverageCsv, coverageXlsx, exportFileName, type CsvTable, type ExportLanguage } from './coverage-export.js';
import type { CoverageReport } from './coverage-service.js';

export interface CoverageFileRequest {
  readonly format: 'xlsx' | 'csv';
  readonly table: CsvTable;
  readonly lang: ExportLanguage;
  readonly now: Date;
  readonly origin?: RequestOrigin;
}

export interface CoverageFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: Buffer | string;
}

export async function coverageFile(
  db: Db,
  principal: Principal | null,
  report: CoverageReport,
  request: CoverageFileRequest & { draftId?: string },
): Promise<CoverageFile> {
  const suffix = request.draftId ? '-utkast' : '';
  const file: CoverageFile =
    request.format === 'xlsx'
      ? {
          fileName: exportFileName(report, suffix, 'xlsx'),
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          body: await coverageXlsx(report, request.lang, request.now),
        }
      : {
          fileName: exportFileName(report, `${suffix}-${request.table}`, 'csv'),
          contentType: 'text/csv; charset=utf-8',
          body: coverageCsv(report, request.table, request.lang),
        };
  if (principal) {
    const author = authorOf(principal);
    await writeAuditEvent(db, {
      at: request.now,
      actorUserId: author.userId,
      actorName: author.name,
      organisationId: principal.organisationId,
      action: 'analysis.export',
      objectType: request.draftId ? 'analysis-draft' : 'coverage-analysis',
      objectId: request.draftId ?? report.edition.id,
      outcome: 'success',
      ip: request.origin?.ip ?? null,
      userAgent: request.origin?.userAgent ?? null,
      detail: { format: request.format, table: request.format === 'csv' ? request.table : null, lang: request.lang },
    });
  }
  return file;
}
