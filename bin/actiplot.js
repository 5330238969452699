#!/usr/bin/env node
import { earlyWorkerWanted } from '../dist/cli/early-worker-wanted.js';
import { startEarlyWorker } from '../dist/pipeline/early-worker.js';

const argv = process.argv.slice(2);
// Before the CLI loads (about 100 ms): a full render with a pool gets its first worker started now,
// so that worker's start-up overlaps with ours (src/pipeline/early-worker.ts).
if (earlyWorkerWanted(argv)) startEarlyWorker();
const { run } = await import('../dist/cli/run.js');
run(argv);
