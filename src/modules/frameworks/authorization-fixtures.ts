/**
 * Authorization fixtures of the framework library routes, for the generated walk (tests/authorization). Framework
 * libraries are shared reference data owned by no organisation; importing is limited by the route policy.
 */
import type { AuthorizationFixtures } from '../identity/index.js';

export const authorizationFixtures: AuthorizationFixtures = {
  module: 'frameworks',
  routes: [
    {
      kind: 'unscoped',
      route: 'POST /api/v1/frameworks/import',
      reason:
        'framework libraries are shared reference data; the route policy limits imports to the strategy owner and administrators',
    },
  ],
};
