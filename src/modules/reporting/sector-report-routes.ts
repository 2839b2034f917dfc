/** Routes for published sector reports and their exports, dashboards, the to-do list and notifications. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requirePrincipal } from '../../platform/http/access.js';
import { originOf } from './cycle-routes.js';
import { markRead, myTodo, readNotifications, statusDashboard } from './dashboard-service.js';
import type { ReportingDeps } from './reporting-deps.js';
import {
  DashboardSchema,
  ExportQuery,
  IdParams,
  NotificationParams,
  NotificationSchema,
  PublicationSchema,
  PublishedSchema,
  TodoSchema,
} from './reporting-schemas.js';
import { exportFileName, sectorReportCsv, sectorReportXlsx } from './sector-report-files.js';
import { sectorReportPdf } from './sector-report-pdf.js';
import { getPublished, listPublished, recordExport } from './sector-report-service.js';

const tags = ['reporting'];
const readers = {
  authenticated: true,
  roles: ['strategy-owner', 'ministry-reader', 'measure-owner'],
  description: 'Strategy owner, ministry reader, measure owner',
} as const;
const dashboardReaders = {
  authenticated: true,
  roles: ['ministry-reader', 'strategy-owner'],
  description: 'Ministry reader, strategy owner',
} as const;
const measureOwners = { authenticated: true, roles: ['measure-owner'], description: 'Measure owner' } as const;

const formats = {
  pdf: { type: 'application/pdf', summary: 'The published sector report as PDF (charts, contents, page numbers)' },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    summary: 'The published sector report as XLSX (one row per measure and actor, every field; more sheets)',
  },
  csv: {
    type: 'text/csv; charset=utf-8',
    summary: 'The published sector report as CSV (one row per measure and actor)',
  },
} as const;

export async function sectorReportRoutes(fastify: FastifyInstance, options: { deps: ReportingDeps }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = options;

  app.get(
    '/sector-reports',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Published sector reports, newest first',
        querystring: Type.Object({ cycleId: Type.Optional(Type.String({ maxLength: 80 })) }),
        response: { 200: Type.Object({ sectorReports: Type.Array(PublicationSchema) }) },
      },
    },
    async (request) => ({ sectorReports: await listPublished(deps, requirePrincipal(request), request.query.cycleId) }),
  );

  app.get(
    '/sector-reports/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'One published sector report with its frozen snapshot',
        params: IdParams,
        response: { 200: PublishedSchema },
      },
    },
    async (request) => getPublished(deps, requirePrincipal(request), request.params.id),
  );

  for (const format of ['pdf', 'xlsx', 'csv'] as const) {
    app.get(
      `/sector-reports/:id/report.${format}`,
      {
        config: { access: readers },
        schema: { tags, summary: formats[format].summary, params: IdParams, querystring: ExportQuery },
      },
      async (request, reply) => {
        const principal = requirePrincipal(request);
        const published = await getPublished(deps, principal, request.params.id);
        const lang = request.query.lang ?? 'nb';
        const body =
          format === 'pdf'
            ? await sectorReportPdf(published, lang)
            : format === 'xlsx'
              ? await sectorReportXlsx(published, lang)
              : sectorReportCsv(published, lang, request.query.delimiter === 'semicolon' ? ';' : ',');
        await recordExport(deps, principal, published, format, new Date(), originOf(request));
        return reply
          .header('content-type', formats[format].type)
          .header('content-disposition', `attachment; filename="${exportFileName(published, format)}"`)
          .header('cache-control', 'private, no-store')
          .send(body);
      },
    );
  }

  app.get(
    '/dashboard',
    {
      config: { access: dashboardReaders },
      schema: {
        tags,
        summary: 'Status by area and actor, trend over years (published reports), progress of open cycles',
        response: { 200: DashboardSchema },
      },
    },
    async (request) => statusDashboard(deps, requirePrincipal(request), new Date()),
  );

  app.get(
    '/my',
    {
      config: { access: measureOwners },
      schema: { tags, summary: "The measure owner's to-do list and notifications", response: { 200: TodoSchema } },
    },
    async (request) => myTodo(deps, requirePrincipal(request), new Date()),
  );

  app.get(
    '/notifications',
    {
      config: { access: measureOwners },
      schema: {
        tags,
        summary: 'Notifications for the actors the caller writes for',
        response: { 200: Type.Object({ notifications: Type.Array(NotificationSchema) }) },
      },
    },
    async (request) => ({ notifications: await readNotifications(deps, requirePrincipal(request)) }),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: measureOwners },
      schema: { tags, summary: 'Mark a notification as read', params: NotificationParams },
    },
    async (request, reply) => {
      await markRead(deps, requirePrincipal(request), request.params.id, new Date());
      return reply.status(204).send();
    },
  );
}
