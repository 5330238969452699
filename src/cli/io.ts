import type { CommandModule } from 'yargs';

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

/** A command's name: render, check, merge, validate, eval, schema, or one added since. */
export type CommandName = string;

/** A command: its yargs module, and what to start loading as soon as it is the one given. */
export type Command<A = any> = CommandModule<object, A> & { preload?: () => void };

/** One typical call per command, shown when that command was used wrongly. */
const EXAMPLES: Record<string, string> = {
  render: 'actiplot render configs --out output',
  check: 'actiplot check configs --out output',
  merge: 'actiplot merge shards/*/manifest.shard-*.json --out output',
  snippet: 'actiplot snippet relu --out output',
  validate: 'actiplot validate configs',
  eval: 'actiplot eval --activation relu --weights 2,3 --bias -5 --input 1,2',
  schema: 'actiplot schema > config.schema.json',
};

/** The command of a command line: its first word that is not an option, when it is one of `commands`. */
export function commandOf(argv: readonly string[], commands: readonly string[]): CommandName | undefined {
  const first = argv.find((a) => !a.startsWith('-'));
  return first !== undefined && commands.includes(first) ? first : undefined;
}

/** The line after a usage error: where to read more, and a call that works. */
export function usageHint(command: CommandName | undefined): string {
  if (!command) return `Run "actiplot --help" for the commands, e.g. "${EXAMPLES.render}".`;
  const example = Object.hasOwn(EXAMPLES, command) ? `, e.g. "${EXAMPLES[command]}"` : '';
  return `Run "actiplot ${command} --help" for its options${example}.`;
}

/** Reports bad usage found after parsing: one line, the hint of the command; returns exit code 2. */
export function usage(io: Io, command: CommandName | undefined, message: string): number {
  io.err(`actiplot: ${message}`);
  io.err(usageHint(command));
  return 2;
}

/**
 * The examples of a command's help, each command on a line of its own under what it does, so a
 * narrow terminal wraps the prose and never a command (yargs' two-column examples break commands
 * in the middle). `$0` becomes the program name.
 */
export function examples(list: readonly (readonly [what: string, command: string])[]): string {
  return ['Examples:', ...list.flatMap(([what, command]) => [`  ${what}:`, `    ${command}`])].join('\n');
}
