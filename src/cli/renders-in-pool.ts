/**
 * Whether raw command-line arguments look like a `render` run that will use worker processes: the
 * guess bin/actiplot.js makes before loading the CLI, to start a worker early (early-worker.ts).
 * yargs parses the arguments for real afterwards; a wrong guess only costs or saves start-up time.
 */
import os from 'node:os';

export function rendersInPool(argv: readonly string[]): boolean {
  const command = argv.find((a) => !a.startsWith('-'));
  if (command !== 'render' || argv.some((a) => a === '--help' || a === '-h' || a === '--version')) return false;
  let jobs = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  argv.forEach((a, i) => {
    if (a === '--jobs' || a === '-j') jobs = Number(argv[i + 1]);
    else if (a.startsWith('--jobs=')) jobs = Number(a.slice('--jobs='.length));
  });
  return jobs > 1;
}
