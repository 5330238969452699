/**
 * The CLI only parses, checks usage and calls the library. Exit codes: 0 all good, 1 a config or
 * figure failed (the rest still rendered), 2 bad usage. The code is set, never forced.
 */
import type { Argv, CommandModule, Options } from 'yargs';
import { activationNames, isActivationName } from '../core/activation.js';
import type { EvalOptions, EvalRequest } from './eval.js';
import { PATHS_ARG, checkCommand, mergeCommand, noConfigsWarning, pathsProblem, renderCommand, shown, snippetCommand, wholeNumber } from './pipeline.js';
import { diffCommand } from './diff.js';
import { commandOf, defaultIo, examples, usageHint, UsageError, type Command, type Io } from './io.js';
import { VERSION } from '../version.js';
import { sourceDate } from '../config/source-date.js';
import { yargs } from './yargs.js';

export type { Io };

function numberList(name: string, text: unknown): number[] {
  const parts = String(text).split(',').map((s) => s.trim());
  const nums = parts.map(Number);
  if (parts.some((s) => s === '') || nums.some((n) => !Number.isFinite(n))) {
    throw new UsageError(`--${name}: expected comma-separated numbers like 2,3, got "${text}"`);
  }
  return nums;
}

/** A finite number given as `--name` (typed without a yargs type, so a message can show what was typed). */
function anyNumber(name: string, value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new UsageError(`--${name}: expected a number, got ${shown(value)}`);
  return n;
}

function wholeArg(name: string, value: unknown): number {
  const n = wholeNumber(name, value, 0, 1_000_000);
  if (typeof n === 'string') throw new UsageError(n);
  return n;
}

/**
 * eval's options. Short flags mean the same in every command: -f is --force and -w is --watch
 * elsewhere, so --figure and --weights have none here.
 */
const EVAL_OPTIONS = {
  activation: { alias: 'a', type: 'string', requiresArg: true, describe: `the activation: ${activationNames.join(', ')}` },
  weights: { type: 'string', requiresArg: true, default: '1', describe: 'the weights, comma-separated (one per input)' },
  bias: { alias: 'b', requiresArg: true, default: 0, describe: 'the bias b in a = w·x + b' },
  param: { alias: 'p', type: 'string', array: true, requiresArg: true, describe: 'an activation parameter name=value (leaky_relu: slope, elu: alpha); repeat it or separate with commas' },
  input: { alias: 'i', type: 'string', requiresArg: true, describe: 'one input vector, comma-separated (prints its output)' },
  range: { type: 'string', requiresArg: true, describe: 'min,max: prints a table over one input instead' },
  step: { requiresArg: true, default: 1, describe: 'the spacing of the --range table (the end is included when a step lands on it)' },
  derivative: { type: 'boolean', default: false, describe: "print f'(a) instead of f(a)" },
  format: { choices: ['text', 'csv', 'json', 'markdown'] as const, default: 'text' as const, describe: 'text (tab-separated), csv, json or a markdown table' },
  config: { alias: 'c', type: 'string', requiresArg: true, describe: 'take the model from a figure of this config file (with --figure)' },
  figure: { type: 'string', requiresArg: true, describe: 'the name of the figure in --config' },
  panel: { requiresArg: true, default: 0, describe: 'with --config: the panel of a panels figure, from 0' },
  series: { requiresArg: true, default: 0, describe: 'with --config: which series of a line plot, from 0' },
} satisfies Record<string, Options>;

const GLOBAL_OPTIONS = ['help', 'version', 'debug'];

/**
 * The option names and aliases a command's builder declares, for "did you mean": its builder run
 * against a stand-in that records `.option()` and `.options()` calls (only when parsing failed).
 */
function optionNamesOf(m: CommandModule<any, any>): string[] {
  const names = [...GLOBAL_OPTIONS];
  const add = (key: string, o?: Options) => names.push(key, ...([] as string[]).concat(o?.alias ?? []));
  const recorder: any = new Proxy({}, {
    get: (_, method) => (...args: any[]) => {
      if (method === 'option') add(String(args[0]), args[1]);
      else if (method === 'options' && args[0] && typeof args[0] === 'object') for (const [k, o] of Object.entries(args[0])) add(k, o as Options);
      return recorder;
    },
  });
  if (typeof m.builder === 'function') m.builder(recorder);
  else if (m.builder) for (const [k, o] of Object.entries(m.builder)) add(k, o as Options);
  return names;
}

/**
 * The width help is wrapped to: the terminal's, or $COLUMNS (as shells set it), at most 100;
 * 100 when neither is known (a pipe).
 */
function helpWidth(): number {
  const env = Number(process.env.COLUMNS);
  const cols = Number.isInteger(env) && env >= 40 ? env : process.stdout.columns;
  return Math.min(100, cols && cols >= 40 ? cols : 100);
}

/** Options whose values may start with a minus sign (`--range -10,10`, `--bias -5`). */
const NUMERIC_OPTIONS = new Set(['--range', '--input', '-i', '--weights', '--bias', '-b', '--step']);
const NUMBERS = /^-?(\d|\.\d)[\d.eE+-]*(,\s*-?(\d|\.\d)[\d.eE+-]*)*$/;

/** Joins `--range -10,10` into `--range=-10,10`, which yargs would otherwise read as flags -1, -0. */
export function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (NUMERIC_OPTIONS.has(argv[i]) && i + 1 < argv.length && NUMBERS.test(argv[i + 1])) {
      out.push(`${argv[i]}=${argv[++i]}`);
    } else out.push(argv[i]);
  }
  return out;
}

interface EvalArgs extends ConfigEvalArgs {
  activation?: string;
  param?: string[];
  weights: string;
  bias: unknown;
  derivative: boolean;
}

interface ConfigEvalArgs {
  config?: string;
  figure?: string;
  panel: unknown;
  series: unknown;
  input?: string;
  range?: string;
  step: unknown;
  format: EvalOptions['format'];
}

/** `eval --config file --figure name`: the model a figure draws, evaluated like the flags' perceptron. */
async function evalFromConfig(args: ConfigEvalArgs): Promise<string[]> {
  if (!args.config || !args.figure) throw new UsageError('--config and --figure go together');
  const [{ loadFile }, { evalModel, figureModel }] = await Promise.all([import('../pipeline/plan.js'), import('./eval.js')]);
  const { jobs, errors } = loadFile(args.config);
  if (errors.length) throw new UsageError(errors[0].message);
  const job = jobs.find((j) => j.figure.name === args.figure);
  if (!job) throw new UsageError(`--figure: no figure "${args.figure}" in ${args.config} (it has ${jobs.map((j) => j.figure.name).join(', ') || 'none'})`);
  let model;
  try {
    model = figureModel(job.figure, wholeArg('panel', args.panel), wholeArg('series', args.series));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return evalModel(model, evalRequest(args, model.inputs, `the model takes ${model.inputs}`));
}

/**
 * The input or range of an `eval`, checked against the model's input count: `takes` says where
 * that count comes from in messages ("--weights has 2", "the model takes 2").
 */
function evalRequest(args: { input?: string; range?: string; step: unknown; format: EvalOptions['format'] }, inputs: number, takes: string): EvalRequest {
  const step = anyNumber('step', args.step);
  if ((args.input === undefined) === (args.range === undefined)) throw new UsageError('give --input or --range (one of them)');
  let range: [number, number] | undefined;
  if (args.range !== undefined) {
    const r = numberList('range', args.range);
    if (r.length !== 2 || !(r[0] <= r[1])) throw new UsageError(`--range: expected min,max with min <= max, got "${args.range}"`);
    if (inputs !== 1) throw new UsageError(`--range tabulates one input, but ${takes}`);
    if (!(step > 0)) throw new UsageError(`--step: expected a number > 0, got ${shown(args.step)}`);
    if ((r[1] - r[0]) / step > 1e6) throw new UsageError('--range/--step: more than 1,000,000 rows');
    range = [r[0], r[1]];
  }
  const input = args.input !== undefined ? numberList('input', args.input) : undefined;
  if (input && input.length !== inputs) throw new UsageError(`--input has ${input.length} value${input.length === 1 ? '' : 's'} but ${takes}`);
  return { input, range, step, format: args.format };
}

/** The commands, each with its options, help and handler. */
function commands(io: Io, setCode: (code: number) => void): CommandModule<any, any>[] {
  return [
    renderCommand(io, setCode),
    checkCommand(io, setCode),
    mergeCommand(io, setCode),
    diffCommand(io, setCode),
    snippetCommand(io, setCode),
    {
      command: 'validate [paths..]',
      describe: 'Check configs without rendering',
      builder: (y: Argv) => y.positional('paths', PATHS_ARG).epilogue(examples([['check every config in configs/ and say what is wrong', 'actiplot validate configs']])),
      handler: async (args: any) => {
        const bad = pathsProblem((args.paths as string[]).map(String));
        if (bad) throw new UsageError(bad);
        const empty = await noConfigsWarning((args.paths as string[]).map(String), undefined);
        if (empty) io.err(empty);
        const { plan } = await import('../pipeline/plan.js');
        const p = plan(args.paths as string[]);
        for (const e of p.errors) io.err(e.message);
        io.out(`${p.files.length} file${p.files.length === 1 ? '' : 's'}, ${p.jobs.length} valid figure${p.jobs.length === 1 ? '' : 's'}, ${p.errors.length} error${p.errors.length === 1 ? '' : 's'}`);
        setCode(p.errors.length > 0 ? 1 : 0);
      },
    },
    {
      command: 'eval',
      describe: "Print a perceptron's output for an input, or a table of it over a range",
      builder: (y: Argv) =>
        y.options(EVAL_OPTIONS).epilogue(
          examples([
            ['a = w·x + b = 3 for x = (1, 2), w = (2, 3), b = -5; ReLU(3) prints 3', 'actiplot eval --activation relu --weights 2,3 --bias -5 --input 1,2'],
            ['a table of ReLU for x = -10, -9, ..., 10', 'actiplot eval --activation relu --range -10,10 --step 1'],
            ['a Markdown table of an activation with a parameter', 'actiplot eval -a leaky_relu -p slope=0.1 --range -2,2 --format markdown'],
            ['the network a figure of a config draws, at one input', 'actiplot eval -c configs/xor-network.json --figure xor-network -i 1,0'],
          ]),
        ),
      handler: async (a: any) => {
        const args = a as EvalArgs;
        if (args.config !== undefined || args.figure !== undefined) {
          for (const line of await evalFromConfig(args)) io.out(line);
          return;
        }
        const { activationSpec, evalModel, perceptronModel } = await import('./eval.js');
        if (args.activation === undefined) throw new UsageError('give --activation (with --weights, --bias), or --config and --figure');
        if (!isActivationName(args.activation)) throw new UsageError(`--activation: expected one of ${activationNames.join(', ')}, got "${args.activation}"`);
        let activation;
        try {
          activation = activationSpec(args.activation, args.param ?? []);
        } catch (err) {
          throw new UsageError(`--param: ${(err as Error).message}`);
        }
        const bias = anyNumber('bias', args.bias);
        const weights = numberList('weights', args.weights);
        const request = evalRequest(args, weights.length, `--weights has ${weights.length}`);
        const model = perceptronModel({ activation, weights, bias, derivative: args.derivative });
        for (const line of evalModel(model, request)) io.out(line);
      },
    },
    {
      command: 'schema',
      describe: 'Print the JSON Schema of config files',
      builder: (y: Argv) => y.epilogue(examples([['save it for an editor\'s completion ("$schema" in a config)', 'actiplot schema > config.schema.json']])),
      handler: async () => {
        // TypeBox and the schema load only for this command.
        const { fileSchema } = await import('../config/schema.js');
        io.out(JSON.stringify(fileSchema, null, 2));
      },
    },
  ];
}

/** Options that take several values; any other option given twice is a usage error, not an array. */
const LIST_OPTIONS = new Set(['_', '$0', 'paths', 'manifests', 'param', 'p']);

/** `--out a --out b` reaches the handlers as ['a', 'b']: say so instead of failing inside. */
function rejectRepeatedOptions(args: Record<string, unknown>, y?: Argv): void {
  // Options a command declares as lists (check --figure) may repeat.
  const lists = new Set<string>((y as unknown as { getOptions?: () => { array?: string[] } } | undefined)?.getOptions?.().array ?? []);
  for (const [key, value] of Object.entries(args)) {
    if (Array.isArray(value) && !LIST_OPTIONS.has(key) && !lists.has(key) && key.length > 1 && !key.includes('-')) {
      throw new UsageError(`--${key} is given ${value.length} times (${value.map((v) => JSON.stringify(String(v))).join(', ')}); give it once`);
    }
  }
}

/** What every parser has: --debug, help, strict checking, failures as usage errors. */
function common(y: Argv): Argv {
  return y
    .version('version', 'print the version number', VERSION)
    .option('debug', { type: 'boolean', default: false, global: true, describe: 'show the stack trace of an internal error (also ACTIPLOT_DEBUG=1)' })
    .strict()
    .middleware(((args: Record<string, unknown>, y: unknown) => rejectRepeatedOptions(args, y as Argv)) as never)
    .help('help', 'show this help')
    .wrap(helpWidth())
    .exitProcess(false)
    .fail((msg, err) => {
      throw err instanceof UsageError || !err ? new UsageError(msg ?? err?.message ?? 'bad usage') : err;
    });
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let code = 0;
  const dateWarning = sourceDate(process.env.SOURCE_DATE_EPOCH).warning;
  if (dateWarning && (argv[0] === 'render' || argv[0] === 'check')) io.err(`actiplot: warning: ${dateWarning}`);
  const all = commands(io, (c) => (code = c));
  const name = (m: CommandModule<any, any>) => String(m.command).split(' ')[0];
  const chosen = all.find((m) => name(m) === argv[0]);
  (chosen as Command | undefined)?.preload?.();
  // A command given first is parsed as the only (default) command of a parser of its own: yargs
  // then checks and runs it without formatting every command's help text on the way, as it does
  // for a named subcommand. Anything else (no command, a misspelt one, --help) gets the parser of
  // all commands, with their list and suggestions.
  const parser = chosen
    ? common(yargs(joinNegativeValues(argv.slice(1))).scriptName(`actiplot ${argv[0]}`)).command({ ...chosen, command: String(chosen.command).replace(/^\S+/, '$0') })
    : all.reduce(
        (y, m) => y.command(m),
        common(yargs(joinNegativeValues(argv)).scriptName('actiplot').usage('$0 <command> [options]'))
          .recommendCommands()
          .demandCommand(1, 'Give a command: render, check, merge, diff, snippet, validate, eval or schema.')
          .epilogue(
            examples([
              ['render every config in configs/ into output/ (only what changed)', 'actiplot render configs --out output'],
              ['check configs without rendering', 'actiplot validate configs'],
              ["a perceptron's output: ReLU(2·1 + 3·2 - 5) prints 3", 'actiplot eval -a relu --weights 2,3 -b -5 -i 1,2'],
            ]) + '\n\nRun "actiplot <command> --help" for the options of a command.',
          ),
      );
  try {
    await parser.parseAsync();
  } catch (err) {
    if (err instanceof UsageError || (err as Error)?.name === 'YError') {
      const command = commandOf(argv, all.map(name));
      const message = (err as Error).message;
      const near = /^Did you mean (\S+)\?$/.exec(message);
      const first = argv.find((a) => !a.startsWith('-'));
      // Only a failed parse needs the suggestions (and their string distances).
      const { explainUnknown } = await import('./hints.js');
      const known = Object.fromEntries(all.map((m) => [name(m), optionNamesOf(m)]));
      const own = new Set(command ? known[command] : GLOBAL_OPTIONS);
      // The options of the other commands that this one lacks: "--prune is an option of render".
      const elsewhere = Object.fromEntries(Object.entries(known).filter(([c]) => c !== command).map(([c, names]) => [c, names.filter((n) => !own.has(n) && n.length > 1)]));
      io.err(`actiplot: ${near && first ? `unknown command "${first}" (did you mean ${near[1]}?)` : explainUnknown(message, argv, [...own], command, command ? elsewhere : {})}`);
      io.err(usageHint(command));
      return 2;
    }
    throw err;
  }
  return code;
}
