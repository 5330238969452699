/**
 * Which renderer a run uses. This process draws one figure while libuv's threads encode the ones
 * before it, so on its own it keeps about two cores busy; worker processes pay for their start-up
 * (Node, then the drawing code and fonts) only with enough figures to share and cores to spare.
 */
import os from 'node:os';
import type { Renderer } from './protocol.js';
import { inProcessRenderer } from './in-process.js';
import { processPool, workerScript } from './pool.js';

/** Figures a worker process must have to itself before starting it is worth its start-up. */
const FIGURES_PER_WORKER = 40;
/** Cores one renderer keeps busy: its drawing thread and the encoding threads beside it. */
const CORES_PER_RENDERER = 2;

/** The renderers (processes) for `count` figures when --jobs is not given: 1 on a machine of two cores. */
export function autoJobs(count: number, cores = os.availableParallelism()): number {
  const byCores = Math.max(1, Math.floor(cores / CORES_PER_RENDERER));
  const byWork = Math.max(1, Math.floor(count / FIGURES_PER_WORKER));
  return Math.min(byCores, byWork);
}

/**
 * `jobs` renderers (this process and jobs - 1 workers) for `count` figures, never more than there
 * are figures; `auto` when jobs is undefined.
 */
export function makeRenderer(jobs: number | undefined, count: number, script = workerScript()): Renderer {
  const size = Math.max(1, Math.min(jobs ?? autoJobs(count), count));
  return size > 1 && script ? processPool({ children: size - 1, local: true }, script) : inProcessRenderer();
}
