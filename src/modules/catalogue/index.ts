/**
 * catalogue: the strategy's own content (purpose, objectives, strategic areas, national areas, measures, basic
 * measures, actors) as versioned, cited editions loaded from data/catalogue/, served read-only to everyone.
 */
export { catalogueRoutes } from './catalogue-routes.js';
export { getEdition, listEditions, importEditionFolder, syncShippedEditions } from './catalogue-service.js';
export { filterMeasures, presentMeasure, compareMeasureIds, type MeasureView } from './measure-query.js';
export { storeDerivedEdition, checkEditionContent } from './store-derived-edition.js';
export { audienceTags, measureKinds } from './types.js';
export type * from './types.js';
