/**
 * The web UI's composition root: the shell around every page, and each module's routes and navigation entries.
 * A module is added with its routes and nav items here; the identity module will fill `headerActions`.
 */
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { catalogueNav, catalogueRoutes } from './modules/catalogue/routes.js';
import { reportingNav, reportingRoutes } from './modules/reporting/routes.js';
import { analysisNav, analysisRoutes } from './modules/analysis/routes.js';
import { frameworksNav, frameworksRoutes } from './modules/frameworks/routes.js';
import { assessmentNav, assessmentRoutes } from './modules/assessment/routes.js';
import { logReviewNav, logReviewRoutes } from './modules/logaudit/routes.js';
import { DemoBanner, HeaderSession, identityRoutes, SessionProvider } from './modules/identity/routes.js';
import { Layout } from './shell/Layout.js';
import type { NavItem } from './shell/navigation.js';
import { NotFoundPage } from './shell/NotFoundPage.js';

const navItems: NavItem[] = [
  ...catalogueNav,
  ...reportingNav,
  ...analysisNav,
  ...frameworksNav,
  ...assessmentNav,
  ...logReviewNav,
];

const router = createBrowserRouter([
  {
    path: '/',
    element: (
      <SessionProvider>
        <DemoBanner />
        <Layout navItems={navItems} headerActions={<HeaderSession />} />
      </SessionProvider>
    ),
    children: [
      ...catalogueRoutes,
      ...reportingRoutes,
      ...analysisRoutes,
      ...frameworksRoutes,
      ...assessmentRoutes,
      ...logReviewRoutes,
      ...identityRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
