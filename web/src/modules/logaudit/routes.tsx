/** The log-review pages, the patient-portal page, and log review's entry in the main navigation. */
import './logaudit.css';
import type { RouteObject } from 'react-router-dom';
import type { NavItem } from '../../shell/navigation.js';
import { CasePage } from './CasePage.js';
import { CasesPage } from './CasesPage.js';
import { DatasetPage } from './DatasetPage.js';
import { PatientLogRequestPage } from './PatientLogRequestPage.js';
import { PatientPortalPage } from './PatientPortalPage.js';
import { ReportPage } from './ReportPage.js';
import { ReviewHomePage } from './ReviewHomePage.js';
import { RulesPage } from './RulesPage.js';

export const logReviewRoutes: RouteObject[] = [
  { path: 'log-review', element: <ReviewHomePage /> },
  { path: 'log-review/rules', element: <RulesPage /> },
  { path: 'log-review/datasets/:datasetId', element: <DatasetPage /> },
  { path: 'log-review/datasets/:datasetId/cases', element: <CasesPage /> },
  { path: 'log-review/datasets/:datasetId/cases/:caseId', element: <CasePage /> },
  { path: 'log-review/datasets/:datasetId/report', element: <ReportPage /> },
  { path: 'log-review/datasets/:datasetId/patient-log', element: <PatientLogRequestPage /> },
  { path: 'patient-access-log', element: <PatientPortalPage /> },
];

export const logReviewNav: NavItem[] = [{ to: '/log-review', labelKey: 'nav.logReview' }];
