/**
 * The database's table types. Each module adds its own tables by augmenting this interface from its
 * `<module>/tables.ts`:
 *
 *   declare module '../../platform/db/schema.js' { interface Database { catalogue_measure: MeasureTable } }
 *
 * so the whole schema is typed without one file that every module must edit.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}
