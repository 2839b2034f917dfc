/**
 * The synthetic hospital access-log generator: a dataset directory per the access-log contract, with documented
 * legitimate patterns, injected misuse scenarios and a ground truth, for tests, demos and benchmarks.
 */
export {
  generateDataset,
  type GenerateOptions,
  type GenerateSummary,
  DEFAULT_DAYS,
  DEFAULT_START,
} from './generate-dataset.js';
export { parseScale, scalePresets } from './scale.js';
export { SCENARIOS, type Scenario } from './misuse-plan.js';
export { registerGenerateCommand, formatSummary } from './cli.js';
export {
  writeDirtyCopy,
  ALL_FAULTS,
  type DirtyFault,
  type InjectedFault,
  type DirtyCopyOptions,
} from './dirty-input.js';
