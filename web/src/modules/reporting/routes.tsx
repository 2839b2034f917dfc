/** The reporting pages and their entry in the main navigation. */
import './reporting.css';
import type { RouteObject } from 'react-router-dom';
import type { NavItem } from '../../shell/navigation.js';
import { CyclePage } from './CyclePage.js';
import { DashboardPage } from './DashboardPage.js';
import { MyReportsPage } from './MyReportsPage.js';
import { ReportingHomePage } from './ReportingHomePage.js';
import { ReportPage } from './ReportPage.js';
import { SectorReportPage } from './SectorReportPage.js';

export const reportingRoutes: RouteObject[] = [
  { path: 'reporting', element: <ReportingHomePage /> },
  { path: 'reporting/my', element: <MyReportsPage /> },
  { path: 'reporting/dashboard', element: <DashboardPage /> },
  { path: 'reporting/cycles/:id', element: <CyclePage /> },
  { path: 'reporting/reports/:id', element: <ReportPage /> },
  { path: 'reporting/sector-reports/:id', element: <SectorReportPage /> },
];

export const reportingNav: NavItem[] = [{ to: '/reporting', labelKey: 'nav.reporting' }];
