/**
 * Authorization fixtures of the analysis routes, for the generated walk (tests/authorization). The mapping and the
 * what-if drafts are the strategy team's sector-wide work: no enterprise owns them, so there is no organisation's
 * data to isolate; who may call them is the routes' role policy (strategy owner), which the walk checks.
 */
import type { AuthorizationFixtures } from '../identity/index.js';

const sectorWide =
  'sector-wide strategy analysis owned by no organisation; the route policy limits it to the strategy owner';
const routes = [
  'PUT /api/v1/analysis/mapping/:measureId',
  'GET /api/v1/analysis/mapping/:measureId/history',
  'GET /api/v1/analysis/drafts',
  'POST /api/v1/analysis/drafts',
  'GET /api/v1/analysis/drafts/:id',
  'POST /api/v1/analysis/drafts/:id/changes',
  'GET /api/v1/analysis/drafts/:id/coverage',
  'GET /api/v1/analysis/drafts/:id/coverage/export',
  'POST /api/v1/analysis/drafts/:id/publish',
  'POST /api/v1/analysis/drafts/:id/discard',
];

export const authorizationFixtures: AuthorizationFixtures = {
  module: 'analysis',
  routes: routes.map((route) => ({ kind: 'unscoped' as const, route, reason: sectorWide })),
};
