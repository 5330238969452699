/**
 * What the CLI's check and merge commands call, as one module that the first of them loads: the
 * bundler then makes one chunk of them instead of one per function the commands import. render
 * loads the run's own modules (pipeline/run.ts), which load the validator only when a run has
 * something to do; validate and eval load the planner alone; the rarer commands (watch, diff,
 * schema) load their own.
 */
export { checkSummary } from '../pipeline/summary.js';
export { check } from '../pipeline/check.js';
export { checkVerified } from '../pipeline/verify.js';
export { merge } from '../pipeline/merge.js';
