/** The assessment module's pages (an enterprise's own security work, surveys, the sector's indicators) and nav entries. */
import './assessment.css';
import type { RouteObject } from 'react-router-dom';
import type { NavItem } from '../../shell/navigation.js';
import { ActionPlanPage } from './ActionPlanPage.js';
import { AssessmentHomePage } from './AssessmentHomePage.js';
import { AssessmentPage } from './AssessmentPage.js';
import { BenchmarkPage } from './BenchmarkPage.js';
import { HistoryPage } from './HistoryPage.js';
import { QuickAssessmentPage } from './QuickAssessmentPage.js';
import { ResultPage } from './ResultPage.js';
import { SectorPage } from './SectorPage.js';
import { InvitationAnswerPage, MySurveyPage } from './SurveyPages.js';
import { SurveyAdminPage, SurveysAdminPage } from './SurveysAdminPage.js';

export const assessmentRoutes: RouteObject[] = [
  { path: 'assessment', element: <AssessmentHomePage /> },
  { path: 'assessment/actions', element: <ActionPlanPage /> },
  { path: 'assessment/benchmark', element: <BenchmarkPage /> },
  { path: 'assessment/history', element: <HistoryPage /> },
  { path: 'assessment/surveys/:id', element: <MySurveyPage /> },
  { path: 'assessment/:id', element: <AssessmentPage /> },
  { path: 'assessment/:id/quick', element: <QuickAssessmentPage /> },
  { path: 'assessment/:id/result', element: <ResultPage /> },
  { path: 'sector', element: <SectorPage /> },
  { path: 'sector/surveys', element: <SurveysAdminPage /> },
  { path: 'sector/surveys/:id', element: <SurveyAdminPage /> },
  { path: 'survey/answer', element: <InvitationAnswerPage /> },
];

export const assessmentNav: NavItem[] = [
  { to: '/assessment', labelKey: 'nav.assessment' },
  { to: '/sector', labelKey: 'nav.sector' },
];
