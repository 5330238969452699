/**
 * Whether raw command-line arguments look like a run that a worker started early would speed up:
 * the guess bin/actiplot.js makes before loading the CLI (src/pipeline/early-worker.ts). That is a
 * `render` with a pool (--jobs above 1, which is the default on a machine with several cores) that
 * will render many figures: into an output folder with no manifest yet (a first, full build), or
 * with --force. An incremental run into a folder with a manifest is left alone: most of those have
 * little or nothing to render, and a worker booting beside them would slow their start (about 15 ms
 * of a 220 ms up-to-date run); if it does have figures to render, its pool starts a worker then.
 *
 * yargs parses the arguments for real afterwards; a wrong guess only costs or saves start-up time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultJobs } from '../pipeline/default-jobs.js';

/** The value of an option given as `--name value`, `--name=value` or `-a value`; the last one wins. */
function optionValue(argv: readonly string[], name: string, alias: string): string | undefined {
  let value: string | undefined;
  argv.forEach((a, i) => {
    if (a === `--${name}` || a === `-${alias}`) value = argv[i + 1];
    else if (a.startsWith(`--${name}=`)) value = a.slice(name.length + 3);
  });
  return value;
}

export function earlyWorkerWanted(argv: readonly string[], cwd = process.cwd()): boolean {
  const command = argv.find((a) => !a.startsWith('-'));
  if (command !== 'render' || argv.some((a) => a === '--help' || a === '-h' || a === '--version')) return false;
  const jobs = Number(optionValue(argv, 'jobs', 'j') ?? defaultJobs());
  if (!(jobs > 1)) return false;
  if (argv.includes('--force') || argv.includes('-f')) return true;
  const out = optionValue(argv, 'out', 'o') ?? 'output';
  // MANIFEST_FILE of pipeline/manifest.ts, spelled out: importing that module would load the hashing
  // code (8 ms) before the worker is forked. The test writes its manifest with MANIFEST_FILE.
  return !fs.existsSync(path.resolve(cwd, out, 'manifest.json'));
}
