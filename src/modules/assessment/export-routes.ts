/**
 * Downloads: an assessment (PDF, XLSX) and the history (PDF, XLSX) for the enterprise's own members, and the
 * published indicator tables (XLSX) for any logged-in user. Every export is recorded in the audit trail.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.js';
import { buildXlsx, renderPdf, type PdfDocumentSpec, type XlsxSheet } from '../../platform/export/index.js';
import { writeAuditEvent } from '../audit/index.js';
import { organisationTypeLabels, regionLabels, sizeClassLabels } from '../identity/index.js';
import { listPlan, suggestionsFor } from './action-plan-service.js';
import {
  assessmentPdf,
  assessmentXlsx,
  historyPdf,
  historyXlsx,
  indicatorsXlsx,
  type Locale,
} from './assessment-exports.js';
import { enterpriseAccess } from './assessment-routes.js';
import { literalUnion } from './assessment-schemas.js';
import { assessmentHistory, getAssessmentDetail } from './assessment-service.js';
import { shippedAssessmentContent } from './assessment-content.js';
import { getEnterprise } from './enterprise-directory.js';
import { filterOf, parseBy } from './indicator-routes.js';
import { indicatorYears, selectIndicator } from './indicator-service.js';
import { AppError } from '../../platform/errors.js';

const tags = ['assessment: exports'];
const formats = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
const LocaleQuery = { locale: Type.Optional(literalUnion(['nb', 'en'])) };

function safeName(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'varde'
  );
}

async function send(
  request: FastifyRequest,
  reply: FastifyReply,
  db: Db,
  file: {
    format: 'pdf' | 'xlsx';
    name: string;
    pdf?: PdfDocumentSpec;
    sheets?: XlsxSheet[];
    title: string;
    object: string;
  },
) {
  const now = new Date();
  const body =
    file.format === 'pdf'
      ? (await renderPdf(file.pdf!)).buffer
      : await buildXlsx(file.sheets!, { createdAt: now, title: file.title });
  await writeAuditEvent(db, {
    at: now,
    actorUserId: request.principal?.userId ?? null,
    actorName: request.principal?.displayName ?? null,
    organisationId: request.principal?.organisationId ?? null,
    action: 'assessment.export',
    objectType: 'assessment-export',
    objectId: file.object,
    outcome: 'success',
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    detail: { format: file.format },
  });
  return reply
    .header('content-type', formats[file.format])
    .header('content-disposition', `attachment; filename="${safeName(file.name)}.${file.format}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

export async function exportRoutes(
  fastify: FastifyInstance,
  { db, minGroupSize }: { db: Db; minGroupSize: number },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/assessments/:id/export.:format',
    {
      config: { access: enterpriseAccess },
      schema: {
        tags,
        summary: 'An assessment with its profile, answers and action plan, as PDF or XLSX',
        params: Type.Object({ id: Type.String({ maxLength: 100 }), format: literalUnion(['pdf', 'xlsx']) }),
        querystring: Type.Object(LocaleQuery),
      },
    },
    async (request, reply) => {
      const locale: Locale = request.query.locale ?? 'nb';
      const detail = await getAssessmentDetail(db, request.principal, request.params.id);
      const report = {
        ...detail,
        actions: (await listPlan(db, request.principal)).filter(
          (a) => a.assessmentId === detail.assessment.id || a.assessmentId === null,
        ),
        suggestions: await suggestionsFor(db, request.principal, detail.assessment.id),
      };
      const now = new Date();
      return send(request, reply, db, {
        format: request.params.format,
        name: `${detail.assessment.title}`,
        title: detail.assessment.title,
        object: detail.assessment.id,
        pdf: request.params.format === 'pdf' ? assessmentPdf(report, locale, now) : undefined,
        sheets: request.params.format === 'xlsx' ? assessmentXlsx(report, locale) : undefined,
      });
    },
  );

  app.get(
    '/history/export.:format',
    {
      config: { access: enterpriseAccess },
      schema: {
        tags,
        summary: "The enterprise's assessments against one framework, year by year, as PDF or XLSX",
        params: Type.Object({ format: literalUnion(['pdf', 'xlsx']) }),
        querystring: Type.Object({ framework: Type.String({ maxLength: 200 }), ...LocaleQuery }),
      },
    },
    async (request, reply) => {
      const locale: Locale = request.query.locale ?? 'nb';
      const history = await assessmentHistory(db, request.principal, request.query.framework);
      const enterprise = request.principal?.organisationId
        ? await getEnterprise(db, request.principal.organisationId)
        : null;
      const report = { ...history, enterprise };
      const name = locale === 'nb' ? 'historikk' : 'history';
      return send(request, reply, db, {
        format: request.params.format,
        name: `${name}-${enterprise?.name ?? ''}`,
        title: name,
        object: request.query.framework,
        pdf: request.params.format === 'pdf' ? historyPdf(report, locale, new Date()) : undefined,
        sheets: request.params.format === 'xlsx' ? historyXlsx(report, locale) : undefined,
      });
    },
  );

  app.get(
    '/indicators/export.xlsx',
    {
      config: { access: { authenticated: true, description: 'Any logged-in user: only k-anonymous aggregates' } },
      schema: {
        tags,
        summary: 'Every indicator for one year, split as asked (the same k-anonymous cells as the API)',
        querystring: Type.Object({
          year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          by: Type.Optional(Type.String({ maxLength: 80 })),
          organisationType: Type.Optional(Type.String({ maxLength: 60 })),
          sizeClass: Type.Optional(Type.String({ maxLength: 60 })),
          region: Type.Optional(Type.String({ maxLength: 60 })),
          ...LocaleQuery,
        }),
      },
    },
    async (request, reply) => {
      const locale: Locale = request.query.locale ?? 'nb';
      const year = request.query.year ?? (await indicatorYears(db)).at(-1);
      if (year === undefined) throw new AppError('INDICATOR_NOT_FOUND', 'No indicator data yet');
      const tables = [];
      for (const indicator of (await shippedAssessmentContent()).indicators) {
        const selection = await selectIndicator(db, {
          indicatorId: indicator.id,
          year,
          by: parseBy(request.query.by),
          filter: filterOf(request.query),
          k: minGroupSize,
        });
        tables.push({ indicator, year, cells: selection.withheld ? [selection.total] : selection.cells });
      }
      const labels = {
        organisationType: organisationTypeLabels,
        sizeClass: sizeClassLabels,
        region: regionLabels,
      } as Record<string, Record<string, { nb: string; en: string }>>;
      const label = (dimension: string, id: string) =>
        id === 'other'
          ? locale === 'nb'
            ? 'Andre'
            : 'Other'
          : id
              .split('+')
              .map((part) => labels[dimension]?.[part]?.[locale] ?? part)
              .join(' + ');
      return send(request, reply, db, {
        format: 'xlsx',
        name: `${locale === 'nb' ? 'indikatorer' : 'indicators'}-${year}`,
        title: `${year}`,
        object: `indicators:${year}`,
        sheets: indicatorsXlsx(tables, minGroupSize, locale, label),
      });
    },
  );
}
