/**
 * The contract of the generated authorization walk (tests/authorization/route-walk.test.ts). Every module with
 * routes under /api/ puts an `authorization-fixtures.ts` beside its routes exporting `authorizationFixtures`;
 * the walk finds it, calls every route as a user of organisation B in every role (and without a session), and
 * proves that organisation A's data never appears. A route that is not public and has no entry here fails the walk.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.js';
import type { Principal, Role } from '../../platform/http/access.js';

export interface WalkOrganisation {
  readonly id: string;
  readonly name: string;
  /** A user of this organisation holding each role, and a principal for calling service functions directly. */
  readonly users: Readonly<Record<Role, { readonly id: string; readonly principal: Principal }>>;
}

export interface WalkContext {
  readonly db: Db;
  readonly app: FastifyInstance;
  /** The organisation whose data must not leak: objects are made here. */
  readonly orgA: WalkOrganisation;
  /** The organisation the walking users belong to. */
  readonly orgB: WalkOrganisation;
  /** A unique text to put in org A's objects: the walk fails if it appears in a response to org B. */
  readonly marker: string;
  /** Sends a request as a logged-in user of org A with the role (for creating objects through the API). */
  asA(
    role: Role,
    request: { method: string; url: string; payload?: unknown },
  ): Promise<{ statusCode: number; body: string; json(): unknown }>;
}

export interface PreparedRequest {
  /** The concrete URL (route parameters filled in with org A's object). */
  readonly url: string;
  readonly payload?: unknown;
  /** Texts of org A's object that must not appear in the response (the marker is always checked). */
  readonly secrets?: readonly string[];
}

interface FixtureBase {
  /** Method and URL exactly as registered, e.g. `GET /api/v1/identity/users/:id`. */
  readonly route: string;
  /**
   * Roles that may see org A's object from org B by design, with the reason (e.g. administrators manage every
   * user). For these roles the walk checks only the route policy, not isolation.
   */
  readonly crossOrganisation?: { readonly roles: readonly Role[]; readonly reason: string };
}

/** A route that reads or changes one object owned by an organisation: called by org B, it must answer 401/403/404. */
export interface ObjectRouteFixture extends FixtureBase {
  readonly kind: 'object';
  prepare(ctx: WalkContext): Promise<PreparedRequest>;
  /** For unsafe methods: true when org A's object is still as it was after all the refused attempts. */
  unchanged?(ctx: WalkContext, prepared: PreparedRequest): Promise<boolean>;
}

/** A route that lists or aggregates: called by org B, it may answer, but without org A's data. */
export interface CollectionRouteFixture extends FixtureBase {
  readonly kind: 'collection';
  prepare(ctx: WalkContext): Promise<PreparedRequest>;
}

/** A route that holds no organisation's data (login, session, creating a new object); the reason is required. */
export interface UnscopedRouteFixture {
  readonly kind: 'unscoped';
  readonly route: string;
  readonly reason: string;
  /** A concrete request (defaults: the route's URL as is, no body). */
  prepare?(ctx: WalkContext): Promise<PreparedRequest>;
}

export type RouteFixture = ObjectRouteFixture | CollectionRouteFixture | UnscopedRouteFixture;

export interface AuthorizationFixtures {
  readonly module: string;
  readonly routes: readonly RouteFixture[];
}
