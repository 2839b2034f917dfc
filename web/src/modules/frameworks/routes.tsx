/** The framework library pages and their entry in the main navigation. */
import './frameworks.css';
import type { RouteObject } from 'react-router-dom';
import type { NavItem } from '../../shell/navigation.js';
import { FrameworkPage } from './FrameworkPage.js';
import { FrameworksPage } from './FrameworksPage.js';

export const frameworksRoutes: RouteObject[] = [
  { path: 'frameworks', element: <FrameworksPage /> },
  { path: 'frameworks/:id', element: <FrameworkPage /> },
];

export const frameworksNav: NavItem[] = [{ to: '/frameworks', labelKey: 'nav.frameworks' }];
