/** The shared hook, re-exported for this module's pages. */
export { useFresh, type FreshState } from '../../api/use-fresh.js';
