/** Routes for reporting cycles, chasing and publication (/api/v1/reporting/cycles …). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.js';
import { requirePrincipal } from '../../platform/http/access.js';
import { cycleOverview, listContacts, removeContact, saveContact } from './chasing-service.js';
import { changeDueDate, closeCycle, listCycleSummaries, openCycle } from './cycle-service.js';
import { remindActorNow } from './reminder-service.js';
import type { ReportingDeps } from './reporting-deps.js';
import {
  ChangeCycleBody,
  ContactParams,
  ContactSchemaBody,
  CycleSchema,
  CycleSummarySchema,
  IdParams,
  OpenCycleBody,
  OverviewSchema,
  PublicationSchema,
  RemindBody,
  SentReminderSchema,
  SnapshotSchema,
} from './reporting-schemas.js';
import { previewSectorReport, publishSectorReport } from './sector-report-service.js';

const tags = ['reporting'];
export const strategyOwnerOnly = {
  authenticated: true,
  roles: ['strategy-owner'],
  description: 'Strategy owner (the directorate, on behalf of the ministry)',
} as const;
const readers = {
  authenticated: true,
  roles: ['strategy-owner', 'ministry-reader', 'measure-owner'],
  description: 'Strategy owner, ministry reader, measure owner (each sees what concerns it)',
} as const;

export const originOf = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
});

export async function cycleRoutes(fastify: FastifyInstance, options: { deps: ReportingDeps }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = options;

  app.get(
    '/cycles',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Reporting cycles, newest first, with report counts',
        response: { 200: Type.Object({ cycles: Type.Array(CycleSummarySchema) }) },
      },
    },
    async (request) => ({ cycles: await listCycleSummaries(deps, requirePrincipal(request)) }),
  );

  app.post(
    '/cycles',
    {
      config: { access: strategyOwnerOnly },
      schema: {
        tags,
        summary: 'Open the cycle of a year: one draft report per measure and responsible actor',
        body: OpenCycleBody,
        response: { 201: CycleSchema },
      },
    },
    async (request, reply) => {
      const cycle = await openCycle(deps, requirePrincipal(request), request.body, new Date(), originOf(request));
      return reply.status(201).send(cycle);
    },
  );

  app.get(
    '/cycles/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'One cycle with report counts',
        params: IdParams,
        response: { 200: CycleSummarySchema },
      },
    },
    async (request) => {
      const cycle = (await listCycleSummaries(deps, requirePrincipal(request))).find((c) => c.id === request.params.id);
      if (!cycle) throw new AppError('REPORTING_CYCLE_NOT_FOUND', 'No such reporting cycle');
      return cycle;
    },
  );

  app.patch(
    '/cycles/:id',
    {
      config: { access: strategyOwnerOnly },
      schema: {
        tags,
        summary: 'Move the due date',
        params: IdParams,
        body: ChangeCycleBody,
        response: { 200: CycleSchema },
      },
    },
    async (request) => changeDueDate(deps, requirePrincipal(request), request.params.id, request.body.dueDate),
  );

  app.post(
    '/cycles/:id/close',
    {
      config: { access: strategyOwnerOnly },
      schema: {
        tags,
        summary: 'Close the cycle: its reports no longer change',
        params: IdParams,
        response: { 200: CycleSchema },
      },
    },
    async (request) => closeCycle(deps, requirePrincipal(request), request.params.id, new Date(), originOf(request)),
  );

  app.get(
    '/cycles/:id/overview',
    {
      config: { access: strategyOwnerOnly },
      schema: {
        tags,
        summary: 'Who has reported and who has not, per actor',
        params: IdParams,
        response: { 200: OverviewSchema },
      },
    },
    async (request) => cycleOverview(deps, requirePrincipal(request), request.params.id, new Date()),
  );

  app.post(
    '/cycles/:id/reminders',
    {
      config: { access: strategyOwnerOnly },
      schema: {
        tags,
        summary: 'Remind one actor now (in the app and by e-mail)',
        params: IdParams,
        body: RemindBody,
        response: { 201: SentReminderSchema },
      },
    },
    async (request, reply) => {
      const sent = await remindActorNow(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.body.actorId,
        new Date(),
      );
      return reply.status(201).send(sent);
    },
  );

  app.get(
    '/cycles/:id/sector-report/preview',
    {
      config: { access: strategyOwnerOnly },
      schema: {
        tags,
        summary: 'Compile the sector report now, without publishing it',
        params: IdParams,
        response: { 200: SnapshotSchema },
      },
    },
    async (request) => previewSectorReport(deps, requirePrincipal(request), request.params.id, new Date()),
  );

  app.post(
    '/cycles/:id/sector-reports',
    {
      config: { access: strategyOwnerOnly },
      schema: {
        tags,
        summary: 'Publish the sector report: a frozen, dated snapshot of the approved reports',
        params: IdParams,
        response: { 201: PublicationSchema },
      },
    },
    async (request, reply) => {
      const published = await publishSectorReport(
        deps,
        requirePrincipal(request),
        request.params.id,
        new Date(),
        originOf(request),
      );
      const { snapshot: _snapshot, ...publication } = published;
      return reply.status(201).send(publication);
    },
  );

  const ContactResponse = Type.Object({ actorId: Type.String(), email: Type.String(), name: Type.String() });
  app.get(
    '/contacts',
    {
      config: { access: strategyOwnerOnly },
      schema: {
        tags,
        summary: 'Reporting contacts per actor (reminders go to them)',
        response: { 200: Type.Object({ contacts: Type.Array(ContactResponse) }) },
      },
    },
    async (request) => ({ contacts: await listContacts(deps, requirePrincipal(request)) }),
  );
  app.put(
    '/contacts',
    {
      config: { access: strategyOwnerOnly },
      schema: {
        tags,
        summary: 'Add or rename a reporting contact',
        body: ContactSchemaBody,
        response: { 200: ContactResponse },
      },
    },
    async (request) => saveContact(deps, requirePrincipal(request), request.body, new Date()),
  );
  app.delete(
    '/contacts/:actorId/:email',
    {
      config: { access: strategyOwnerOnly },
      schema: { tags, summary: 'Remove a reporting contact', params: ContactParams },
    },
    async (request, reply) => {
      await removeContact(deps, requirePrincipal(request), request.params.actorId, request.params.email);
      return reply.status(204).send();
    },
  );
}
