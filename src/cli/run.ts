import { main } from './main.js';

/** The bin's entry: run, set the exit code (never force it), and keep stack traces out of sight. */
export function run(argv: string[]): void {
  // A closed pipe (`actiplot eval ... | head`) is the reader's choice, not an error worth a trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
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
