import { main } from './main.js';

/** The bin's entry: run, set the exit code (never force it), and keep stack traces out of sight. */
export function run(argv: string[]): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      const debug = argv.includes('--debug') || process.env.ACTIPLOT_DEBUG === '1';
      process.stderr.write(`actiplot: internal error: ${(err as Error)?.message ?? String(err)}\n`);
      if (debug) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
      else process.stderr.write('Run again with ACTIPLOT_DEBUG=1 for details, and please report it.\n');
      process.exitCode = 3;
    },
  );
}
