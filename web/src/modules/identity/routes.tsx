/** The identity pages: login (with the demo personas in demo mode) and administration. */
import './identity.css';
import type { RouteObject } from 'react-router-dom';
import { AdminHomePage } from './AdminHomePage.js';
import { AuditPage } from './AuditPage.js';
import { LoginPage } from './LoginPage.js';
import { OrganisationsAdminPage } from './OrganisationsAdminPage.js';
import { UsersAdminPage } from './UsersAdminPage.js';

export const identityRoutes: RouteObject[] = [
  { path: 'login', element: <LoginPage /> },
  { path: 'admin', element: <AdminHomePage /> },
  { path: 'admin/organisations', element: <OrganisationsAdminPage /> },
  { path: 'admin/users', element: <UsersAdminPage /> },
  { path: 'admin/audit', element: <AuditPage /> },
];

export { HeaderSession, DemoBanner } from './HeaderSession.js';
export { SessionProvider, useIdentity } from './session.js';
