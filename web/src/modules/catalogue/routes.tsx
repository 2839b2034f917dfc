/** The catalogue's pages and its entries in the main navigation. */
import './catalogue.css';
import type { RouteObject } from 'react-router-dom';
import type { NavItem } from '../../shell/navigation.js';
import { ActorPage } from './ActorPage.js';
import { ActorsPage } from './ActorsPage.js';
import { AreasPage } from './AreasPage.js';
import { BasicMeasuresPage } from './BasicMeasuresPage.js';
import { HomePage } from './HomePage.js';
import { MeasurePage } from './MeasurePage.js';
import { MeasuresPage } from './MeasuresPage.js';
import { StrategicAreasPage } from './StrategicAreasPage.js';

export const catalogueRoutes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'measures', element: <MeasuresPage /> },
  { path: 'measures/:id', element: <MeasurePage /> },
  { path: 'areas', element: <AreasPage /> },
  { path: 'strategic-areas', element: <StrategicAreasPage /> },
  { path: 'actors', element: <ActorsPage /> },
  { path: 'actors/:id', element: <ActorPage /> },
  { path: 'basic-measures', element: <BasicMeasuresPage /> },
];

export const catalogueNav: NavItem[] = [
  { to: '/', labelKey: 'nav.home', end: true },
  { to: '/measures', labelKey: 'nav.measures' },
  { to: '/areas', labelKey: 'nav.areas' },
  { to: '/strategic-areas', labelKey: 'nav.strategicAreas' },
  { to: '/actors', labelKey: 'nav.actors' },
  { to: '/basic-measures', labelKey: 'nav.basicMeasures' },
];
