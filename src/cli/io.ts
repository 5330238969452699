/** Where the CLI writes (tests pass their own), and the one shape of a usage error. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const defaultIo: Io = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
};

/** Bad usage: exit code 2 with one line and a hint. */
export class UsageError extends Error {}

/** Reports bad usage found after parsing: one line, a hint; returns exit code 2. */
export function usage(io: Io, message: string): number {
  io.err(`actiplot: ${message}`);
  io.err('Run "actiplot --help" for usage, e.g. "actiplot render configs --out output".');
  return 2;
}
