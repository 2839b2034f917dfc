/**
 * The web UI's composition root: the shell around every page, and each module's routes and navigation entries.
 * A module is added with its routes and nav items here; the identity module will fill `headerActions`.
 */
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { catalogueNav, catalogueRoutes } from './modules/catalogue/routes.js';
import { reportingNav, reportingRoutes } from './modules/reporting/routes.js';
import { Layout } from './shell/Layout.js';
import type { NavItem } from './shell/navigation.js';
import { NotFoundPage } from './shell/NotFoundPage.js';

const navItems: NavItem[] = [...catalogueNav, ...reportingNav];

const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout navItems={navItems} headerActions={null} />,
    children: [...catalogueRoutes, ...reportingRoutes, { path: '*', element: <NotFoundPage /> }],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
