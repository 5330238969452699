/**
 * The CLI only parses, checks usage and calls the library. Exit codes: 0 all good, 1 a config or
 * figure failed (the rest still rendered), 2 bad usage. The code is set, never forced.
 */
import yargs, { type Argv, type CommandModule } from 'yargs';
import { activationNames, isActivationName } from '../core/activation.js';
import type { EvalOptions, EvalRequest } from './eval.js';
import { PATHS_ARG, checkCommand, mergeCommand, renderCommand } from './pipeline.js';
import { defaultIo, UsageError, type Io } from './io.js';
import { VERSION } from '../version.js';
import { sourceDate } from '../config/source-date.js';

export type { Io };

function numberList(name: string, text: unknown): number[] {
  const parts = String(text).split(',').map((s) => s.trim());
  const nums = parts.map(Number);
  if (parts.some((s) => s === '') || nums.some((n) => !Number.isFinite(n))) {
    throw new UsageError(`--${name}: expected comma-separated numbers like 2,3, got "${text}"`);
  }
  return nums;
}

/** Options whose values may start with a minus sign (`--range -10,10`, `--bias -5`). */
const NUMERIC_OPTIONS = new Set(['--range', '--input', '-i', '--weights', '-w', '--bias', '-b', '--step']);
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
  bias: number;
  derivative: boolean;
}

interface ConfigEvalArgs {
  config?: string;
  figure?: string;
  panel: number;
  series: number;
  input?: string;
  range?: string;
  step: number;
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
    model = figureModel(job.figure, args.panel, args.series);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return evalModel(model, evalRequest(args, model.inputs, `the model takes ${model.inputs}`));
}

/**
 * The input or range of an `eval`, checked against the model's input count: `takes` says where
 * that count comes from in messages ("--weights has 2", "the model takes 2").
 */
function evalRequest(args: { input?: string; range?: string; step: number; format: EvalOptions['format'] }, inputs: number, takes: string): EvalRequest {
  if ((args.input === undefined) === (args.range === undefined)) throw new UsageError('give --input or --range (one of them)');
  let range: [number, number] | undefined;
  if (args.range !== undefined) {
    const r = numberList('range', args.range);
    if (r.length !== 2 || !(r[0] <= r[1])) throw new UsageError(`--range: expected min,max with min <= max, got "${args.range}"`);
    if (inputs !== 1) throw new UsageError(`--range tabulates one input, but ${takes}`);
    if (!(args.step > 0)) throw new UsageError('--step: expected a number > 0');
    if ((r[1] - r[0]) / args.step > 1e6) throw new UsageError('--range/--step: more than 1,000,000 rows');
    range = [r[0], r[1]];
  }
  const input = args.input !== undefined ? numberList('input', args.input) : undefined;
  if (input && input.length !== inputs) throw new UsageError(`--input has ${input.length} value${input.length === 1 ? '' : 's'} but ${takes}`);
  return { input, range, step: args.step, format: args.format };
}

/** The commands, each with its options, help and handler. */
function commands(io: Io, setCode: (code: number) => void): CommandModule<any, any>[] {
  return [
    renderCommand(io, setCode),
    checkCommand(io, setCode),
    mergeCommand(io, setCode),
    {
      command: 'validate [paths..]',
      describe: 'Check configs without rendering',
      builder: (y: Argv) => y.positional('paths', PATHS_ARG),
      handler: async (args: any) => {
        const { plan } = await import('../pipeline/plan.js');
        const p = plan(args.paths as string[]);
        for (const e of p.errors) io.err(e.message);
        io.out(`${p.files.length} file${p.files.length === 1 ? '' : 's'}, ${p.jobs.length} valid figure${p.jobs.length === 1 ? '' : 's'}, ${p.errors.length} error${p.errors.length === 1 ? '' : 's'}`);
        setCode(p.errors.length > 0 ? 1 : 0);
      },
    },
    {
      command: 'eval',
      describe: "Print a perceptron's output for an input, or a table over a range",
      builder: (y: Argv) =>
        y
          .option('activation', { alias: 'a', type: 'string', describe: `activation (${activationNames.join(', ')})` })
          .option('config', { alias: 'c', type: 'string', describe: 'take the model from a figure of this config file (with --figure)' })
          .option('figure', { alias: 'f', type: 'string', describe: 'the figure name in --config' })
          .option('panel', { type: 'number', default: 0, describe: 'the panel of a panels figure (from 0)' })
          .option('series', { type: 'number', default: 0, describe: 'the series of a line plot (from 0)' })
          .option('param', { alias: 'p', type: 'string', array: true, describe: 'an activation parameter name=value (leaky_relu: slope, elu: alpha); repeat it or separate with commas' })
          .option('weights', { alias: 'w', type: 'string', default: '1', describe: 'weights, comma-separated' })
          .option('bias', { alias: 'b', type: 'number', default: 0 })
          .option('input', { alias: 'i', type: 'string', describe: 'one input vector, comma-separated' })
          .option('range', { type: 'string', describe: 'min,max for a table over one input' })
          .option('step', { type: 'number', default: 1, describe: 'table spacing (the end is included when a step lands on it)' })
          .option('derivative', { type: 'boolean', default: false, describe: "print f'(a) instead of f(a)" })
          .option('format', { choices: ['text', 'csv', 'json', 'markdown'] as const, default: 'text' as const })
          .example('$0 eval --activation relu --weights 2,3 --bias -5 --input 1,2', 'the seed\'s worked example: prints 3')
          .example('$0 eval --activation relu --range -10,10 --step 1', 'the seed\'s value table')
          .example('$0 eval -a leaky_relu --param slope=0.1 --range -2,2 --format markdown', 'a Markdown table of a parametrised activation')
          .example('$0 eval --config configs/xor-network.json --figure xor-network --input 1,0', 'a network from a config'),
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
        if (!Number.isFinite(args.bias)) throw new UsageError('--bias: expected a number');
        const weights = numberList('weights', args.weights);
        const request = evalRequest(args, weights.length, `--weights has ${weights.length}`);
        const model = perceptronModel({ activation, weights, bias: args.bias, derivative: args.derivative });
        for (const line of evalModel(model, request)) io.out(line);
      },
    },
    {
      command: 'schema',
      describe: 'Print the JSON Schema of config files',
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
function rejectRepeatedOptions(args: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(args)) {
    if (Array.isArray(value) && !LIST_OPTIONS.has(key) && key.length > 1 && !key.includes('-')) {
      throw new UsageError(`--${key} is given ${value.length} times (${value.map((v) => JSON.stringify(String(v))).join(', ')}); give it once`);
    }
  }
}

/** What every parser has: --debug, help, strict checking, failures as usage errors. */
function common(y: Argv): Argv {
  return y
    .version(VERSION)
    .option('debug', { type: 'boolean', default: false, global: true, describe: 'show the stack trace of an internal error (also ACTIPLOT_DEBUG=1)' })
    .strict()
    .middleware(rejectRepeatedOptions)
    .help()
    .wrap(Math.min(100, process.stdout.columns ?? 100))
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
          .demandCommand(1, 'Give a command: render, check, merge, validate, eval or schema.'),
      );
  try {
    await parser.parseAsync();
  } catch (err) {
    if (err instanceof UsageError || (err as Error)?.name === 'YError') {
      io.err(`actiplot: ${(err as Error).message}`);
      io.err('Run "actiplot --help" for usage, e.g. "actiplot render configs --out output".');
      return 2;
    }
    throw err;
  }
  return code;
}
