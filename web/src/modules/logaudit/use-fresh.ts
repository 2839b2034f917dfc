/** The shared hook, re-exported for this module's pages. */
export { useFresh, useInterval, type FreshState as Fresh } from '../../api/use-fresh.js';
