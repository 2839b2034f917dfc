/**
 * The organisation register and user administration (/api/v1/identity). Handlers validate and delegate; the
 * service functions check roles and organisation scope first.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.js';
import { requestOrigin } from './identity-http.js';
import {
  CreateOrganisationBody,
  CreateUserBody,
  IdParams,
  OrganisationDetailSchema,
  OrganisationQuery,
  OrganisationSchema,
  RoleBody,
  RoleParams,
  UpdateOrganisationBody,
  UpdateUserBody,
  UserQuery,
  UserSchema,
} from './identity-schemas.js';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  updateOrganisation,
  type ChangeContext,
} from './organisation-service.js';
import { createUser, getUser, grantRole, listUsers, revokeRole, updateUser } from './user-service.js';

const tags = ['identity'];
const anyUser = {
  authenticated: true,
  description: 'Any logged-in user; sector-wide roles see the whole register, others their own part of the tree',
} as const;
const administrators = { authenticated: true, roles: ['administrator'], description: 'Administrators' } as const;
const userReaders = {
  authenticated: true,
  roles: ['administrator', 'enterprise-lead'],
  description: 'Administrators (all users) and enterprise leads (users of their own organisation)',
} as const;

const context = (request: FastifyRequest): ChangeContext => ({
  principal: request.principal,
  now: new Date(),
  origin: requestOrigin(request),
});

export async function identityRoutes(fastify: FastifyInstance, options: { db: Db }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = options;

  app.get(
    '/organisations',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Organisations, filtered by level, type, size, region, parent, actor or text',
        querystring: OrganisationQuery,
        response: { 200: Type.Object({ count: Type.Integer(), organisations: Type.Array(OrganisationSchema) }) },
      },
    },
    async (request) => {
      const q = request.query;
      const organisations = await listOrganisations(db, request.principal, {
        level: q.level,
        organisationType: q.type,
        sizeClass: q.size,
        region: q.region,
        parentId: q.parent,
        actorId: q.actor,
        q: q.q,
      });
      return { count: organisations.length, organisations };
    },
  );

  app.get(
    '/organisations/:id',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'One organisation with its path from the sector and its children',
        params: IdParams,
        response: { 200: OrganisationDetailSchema },
      },
    },
    async (request) => getOrganisation(db, request.principal, request.params.id),
  );

  app.post(
    '/organisations',
    {
      config: { access: administrators },
      schema: {
        tags,
        summary: 'Add an organisation to the tree (organisation number checked with mod 11)',
        body: CreateOrganisationBody,
        response: { 201: OrganisationSchema },
      },
    },
    async (request, reply) => {
      const organisation = await createOrganisation(db, context(request), {
        ...request.body,
        parentId: request.body.parentId ?? null,
      });
      return reply.status(201).send(organisation);
    },
  );

  app.patch(
    '/organisations/:id',
    {
      config: { access: administrators },
      schema: {
        tags,
        summary: 'Change an organisation',
        params: IdParams,
        body: UpdateOrganisationBody,
        response: { 200: OrganisationSchema },
      },
    },
    async (request) => updateOrganisation(db, context(request), request.params.id, request.body),
  );

  app.get(
    '/users',
    {
      config: { access: userReaders },
      schema: {
        tags,
        summary: 'Users with their roles (personal data: every read is audited)',
        querystring: UserQuery,
        response: { 200: Type.Object({ count: Type.Integer(), users: Type.Array(UserSchema) }) },
      },
    },
    async (request) => {
      const q = request.query;
      const users = await listUsers(db, context(request), {
        organisationIds: q.organisation ? [q.organisation] : undefined,
        role: q.role,
        q: q.q,
      });
      return { count: users.length, users };
    },
  );

  app.get(
    '/users/:id',
    {
      config: { access: userReaders },
      schema: { tags, summary: 'One user with their roles (audited)', params: IdParams, response: { 200: UserSchema } },
    },
    async (request) => getUser(db, context(request), request.params.id),
  );

  app.post(
    '/users',
    {
      config: { access: administrators },
      schema: {
        tags,
        summary: 'Register a user (matched at login by national id, else HPR number)',
        body: CreateUserBody,
        response: { 201: UserSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(db, context(request), request.body)),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: administrators },
      schema: {
        tags,
        summary: 'Change a user; deactivating ends their sessions',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserSchema },
      },
    },
    async (request) => updateUser(db, context(request), request.params.id, request.body),
  );

  app.post(
    '/users/:id/roles',
    {
      config: { access: administrators },
      schema: {
        tags,
        summary: 'Grant a role in an organisation',
        params: IdParams,
        body: RoleBody,
        response: { 200: UserSchema },
      },
    },
    async (request) => grantRole(db, context(request), { userId: request.params.id, ...request.body }),
  );

  app.delete(
    '/users/:id/roles/:organisationId/:role',
    {
      config: { access: administrators },
      schema: { tags, summary: 'Revoke a role in an organisation', params: RoleParams, response: { 200: UserSchema } },
    },
    async (request) =>
      revokeRole(db, context(request), {
        userId: request.params.id,
        organisationId: request.params.organisationId,
        role: request.params.role,
      }),
  );
}
