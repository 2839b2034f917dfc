/** The analysis pages and their entry in the main navigation. */
import './analysis.css';
import type { RouteObject } from 'react-router-dom';
import type { NavItem } from '../../shell/navigation.js';
import { CoveragePage } from './CoveragePage.js';
import { DraftPage } from './DraftPage.js';
import { MeasureMappingPage } from './MeasureMappingPage.js';

export const analysisRoutes: RouteObject[] = [
  { path: 'analysis', element: <CoveragePage /> },
  { path: 'analysis/mapping/:measureId', element: <MeasureMappingPage /> },
  { path: 'analysis/drafts/:id', element: <DraftPage /> },
];

export const analysisNav: NavItem[] = [{ to: '/analysis', labelKey: 'nav.analysis' }];
