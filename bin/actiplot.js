#!/usr/bin/env node
import { rendersInPool } from '../dist/cli/renders-in-pool.js';
import { startEarlyWorker } from '../dist/pipeline/early-worker.js';

const argv = process.argv.slice(2);
// Before the CLI loads (about 100 ms): a render run with a pool gets its first worker started now,
// so that worker's start-up overlaps with ours (src/pipeline/early-worker.ts).
if (rendersInPool(argv)) startEarlyWorker();
const { run } = await import('../dist/cli/run.js');
run(argv);
