/**
 * The audit trail API (/api/v1/audit): administrators list, filter, export and verify it. Every read is itself
 * recorded in the trail.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.js';
import { auditOutcomes, type StoredAuditEvent } from './audit-chain.js';
import type { AuditFilter } from './audit-repository.js';
import { exportAuditCsv, listAuditEvents, verifyAuditTrailAs, type AuditReadContext } from './audit-service.js';

const access = { authenticated: true, roles: ['administrator'], description: 'Administrators' } as const;
const tags = ['audit'];

const FilterSchema = Type.Object({
  from: Type.Optional(Type.String({ format: 'date-time', description: 'UTC, inclusive' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'UTC, exclusive' })),
  actor: Type.Optional(Type.String({ maxLength: 200, description: 'acting user id' })),
  organisation: Type.Optional(Type.String({ maxLength: 200 })),
  action: Type.Optional(
    Type.String({ maxLength: 100, description: 'exact, or a prefix ending in "." such as "auth."' }),
  ),
  outcome: Type.Optional(Type.Unsafe<(typeof auditOutcomes)[number]>({ type: 'string', enum: [...auditOutcomes] })),
  objectType: Type.Optional(Type.String({ maxLength: 100 })),
  objectId: Type.Optional(Type.String({ maxLength: 300 })),
});
const ListQuerySchema = Type.Object({
  ...FilterSchema.properties,
  before: Type.Optional(Type.Integer({ minimum: 1, description: 'only events with a smaller seq (next page)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});

const EventSchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.Union([Type.String(), Type.Null()]),
  objectId: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown()),
  prevHash: Type.String(),
  hash: Type.String(),
});

function toFilter(query: Static<typeof FilterSchema> & { before?: number }): AuditFilter {
  return {
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    actorUserId: query.actor,
    organisationId: query.organisation,
    action: query.action,
    outcome: query.outcome,
    objectType: query.objectType,
    objectId: query.objectId,
    beforeSeq: query.before,
  };
}

function readContext(request: FastifyRequest): AuditReadContext {
  return {
    principal: request.principal,
    now: new Date(),
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  };
}

const present = (e: StoredAuditEvent) => ({ ...e, at: e.at.toISOString() });

export async function auditRoutes(fastify: FastifyInstance, options: { db: Db }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = options;

  app.get(
    '/events',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Audit events, newest first, filtered; page with `before`',
        querystring: ListQuerySchema,
        response: {
          200: Type.Object({
            count: Type.Integer(),
            nextBefore: Type.Union([Type.Integer(), Type.Null()]),
            events: Type.Array(EventSchema),
          }),
        },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 100;
      const events = await listAuditEvents(db, readContext(request), toFilter(request.query), limit);
      const last = events.at(-1);
      return {
        count: events.length,
        nextBefore: events.length === limit && last ? last.seq : null,
        events: events.map(present),
      };
    },
  );

  app.get(
    '/events.csv',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Audit events matching the filter as CSV',
        querystring: FilterSchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { csv } = await exportAuditCsv(db, readContext(request), toFilter(request.query));
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="varde-audit-${stamp}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/verify',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Walk the hash chain and report the first broken link',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            lastSeq: Type.Integer(),
            lastHash: Type.String(),
            broken: Type.Union([
              Type.Object({ seq: Type.Integer(), reason: Type.String(), message: Type.String() }),
              Type.Null(),
            ]),
          }),
        },
      },
    },
    async (request) => verifyAuditTrailAs(db, readContext(request)),
  );
}
