/** JSON schemas of the identity API (validation at the edge, and the OpenAPI document). */
import { Type, type TSchema } from 'typebox';
import { roles } from '../../platform/http/access.js';
import { organisationLevels, organisationTypes, regions, sizeClasses } from './organisation-types.js';

const literalUnion = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' });

export const IdParams = Type.Object({ id: Id });

export const OrganisationSchema = Type.Object({
  id: Type.String(),
  parentId: Nullable(Type.String()),
  level: literalUnion(organisationLevels),
  organisationType: Nullable(literalUnion(organisationTypes)),
  name: Type.String(),
  orgNumber: Nullable(Type.String()),
  sizeClass: Nullable(literalUnion(sizeClasses)),
  region: Nullable(literalUnion(regions)),
  actorId: Nullable(Type.String()),
});

export const OrganisationQuery = Type.Object({
  level: Type.Optional(literalUnion(organisationLevels)),
  type: Type.Optional(literalUnion(organisationTypes)),
  size: Type.Optional(literalUnion(sizeClasses)),
  region: Type.Optional(literalUnion(regions)),
  parent: Type.Optional(Id),
  actor: Type.Optional(Type.String({ maxLength: 80 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
});

const organisationFields = {
  parentId: Nullable(Id),
  organisationType: Type.Optional(Nullable(literalUnion(organisationTypes))),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  orgNumber: Type.Optional(Nullable(Type.String({ maxLength: 20, examples: ['974760673'] }))),
  sizeClass: Type.Optional(Nullable(literalUnion(sizeClasses))),
  region: Type.Optional(Nullable(literalUnion(regions))),
  actorId: Type.Optional(Nullable(Type.String({ maxLength: 80 }))),
};

export const CreateOrganisationBody = Type.Object(
  { level: literalUnion(organisationLevels), ...organisationFields },
  { additionalProperties: false },
);
export const UpdateOrganisationBody = Type.Partial(Type.Object(organisationFields), { additionalProperties: false });

export const OrganisationDetailSchema = Type.Object({
  organisation: OrganisationSchema,
  path: Type.Array(OrganisationSchema),
  children: Type.Array(OrganisationSchema),
});

export const UserSchema = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  email: Nullable(Type.String()),
  pidMasked: Nullable(Type.String()),
  hprNumber: Nullable(Type.String()),
  loginBound: Type.Boolean(),
  active: Type.Boolean(),
  demoPersona: Nullable(Type.String()),
  lastLoginAt: Nullable(Type.String()),
  roles: Type.Array(
    Type.Object({
      organisationId: Type.String(),
      organisationName: Type.String(),
      role: literalUnion(roles),
      grantedAt: Type.String(),
    }),
  ),
});

export const UserQuery = Type.Object({
  organisation: Type.Optional(Id),
  role: Type.Optional(literalUnion(roles)),
  q: Type.Optional(Type.String({ maxLength: 200 })),
});

const userFields = {
  displayName: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  pid: Type.Optional(
    Nullable(Type.String({ maxLength: 11, description: 'national identity number (fødselsnummer), matched at login' })),
  ),
  hprNumber: Type.Optional(
    Nullable(Type.String({ maxLength: 10, description: 'HPR number, matched at login when no national id is given' })),
  ),
  active: Type.Optional(Type.Boolean()),
};
export const CreateUserBody = Type.Object(userFields, { additionalProperties: false });
export const UpdateUserBody = Type.Partial(Type.Object(userFields), { additionalProperties: false });

export const RoleBody = Type.Object({ organisationId: Id, role: literalUnion(roles) }, { additionalProperties: false });
export const RoleParams = Type.Object({ id: Id, organisationId: Id, role: literalUnion(roles) });
