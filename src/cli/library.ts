/**
 * What the CLI's render, check, validate, merge and eval commands call, as one module that the
 * first of them loads: the bundler then makes one chunk of the pipeline instead of one per
 * function the commands import. The rarer commands (watch, diff, schema) load their own.
 */
export { findConfigs } from '../pipeline/find-configs.js';
export { plan, loadFile } from '../pipeline/plan.js';
export { render } from '../pipeline/run.js';
export { renderSummary, checkSummary } from '../pipeline/summary.js';
export { check } from '../pipeline/check.js';
export { checkVerified } from '../pipeline/verify.js';
export { merge } from '../pipeline/merge.js';
