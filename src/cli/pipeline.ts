/**
 * The build commands: `render` (incremental, parallel, sharded, watch), `check` and `merge`. Each
 * parses and checks its options, calls the pipeline and reports; the exit code goes to `setCode`:
 * 0 all good, 1 a config, figure or check failed, 2 bad usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Argv, CommandModule, Options, PositionalOptions } from 'yargs';
import { usage, type Io } from './io.js';
import { createReporter, progressMode, type Reporter } from '../pipeline/progress.js';
import type { RenderOptions, RenderResult } from '../pipeline/run.js';
import type { CheckResult } from '../pipeline/check.js';
import { outHoldsConfigs } from '../pipeline/find-configs.js';
import { parseShard, type Shard } from '../pipeline/shard.js';
import type { Overrides } from '../pipeline/plan.js';

type SetCode = (code: number) => void;

function writeSummary(io: Io, file: string | undefined, text: string): boolean {
  if (!file) return true;
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text);
    return true;
  } catch (err) {
    io.err(`actiplot: cannot write the summary to ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return false;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function closingLine(r: RenderResult): string {
  const n = (s: string) => r.figures.filter((f) => f.status === s).length;
  const extra = [
    r.pruned.length ? `${r.pruned.length} pruned` : '',
    r.orphans.length ? `${r.orphans.length} kept from removed figures (--prune deletes them)` : '',
  ].filter(Boolean);
  return `${plural(r.written.length, 'figure')} written, ${r.failed.length} failed, ${n('skipped')} up to date${extra.length ? `, ${extra.join(', ')}` : ''} (${(r.ms / 1000).toFixed(1)} s)`;
}

export function renderJson(r: RenderResult): string {
  const n = (s: string) => r.figures.filter((f) => f.status === s).length;
  return JSON.stringify({
    ok: r.failed.length === 0,
    out: r.out,
    manifest: r.manifest ?? null,
    counts: { rendered: n('rendered'), skipped: n('skipped'), failed: n('failed'), errors: r.errors.length, pruned: r.pruned.length },
    figures: r.figures.map((f) => ({
      name: f.name,
      status: f.status,
      file: f.file !== undefined ? path.join(r.out, f.file) : null,
      format: f.format ?? null,
      width: f.width ?? null,
      height: f.height ?? null,
      bytes: f.bytes ?? null,
      sha256: f.sha256 ?? null,
      config: f.config,
      pointer: f.pointer,
      ms: f.ms !== undefined ? Math.round(f.ms) : null,
      ...(f.message !== undefined ? { message: f.message } : {}),
    })),
    errors: r.errors,
    pruned: r.pruned,
    orphans: r.orphans,
  });
}

function makeReporter(io: Io, quiet: boolean, json: boolean): Reporter {
  const mode = progressMode(quiet);
  return createReporter({
    mode,
    // With --json, stdout carries the JSON alone; the human lines go to stderr.
    line: json ? io.err : io.out,
    error: io.err,
    closing: io.err,
    tty: mode === 'bar' ? { write: (t) => process.stderr.write(t), columns: process.stderr.columns } : undefined,
  });
}

interface RenderArgs {
  paths: string[];
  out: string;
  jobs?: number;
  force: boolean;
  prune: boolean;
  shard?: string;
  quiet: boolean;
  json: boolean;
  summary?: string;
  watch: boolean;
  gallery: boolean;
  format?: string;
  scale?: number;
}

/** `--format` and `--scale`, checked; undefined (after a usage line) when they are bad. */
function overridesOf(io: Io, args: { format?: string; scale?: number }): Overrides | undefined {
  if (args.scale !== undefined && !(args.scale >= 0.5 && args.scale <= 4)) {
    usage(io, `--scale: expected a number from 0.5 to 4, got ${String(args.scale)}`);
    return undefined;
  }
  return { format: args.format as Overrides['format'], scale: args.scale };
}

/** The config paths and the output folder: the same for render, check, merge and validate. */
export const PATHS_ARG = { type: 'string', array: true, default: ['configs'], describe: 'config files or folders (searched for *.json)' } satisfies PositionalOptions;
export const OUT_OPTION = { alias: 'o', type: 'string', default: 'output', describe: 'output folder' } satisfies Options;

export function renderCommand(io: Io, setCode: SetCode): CommandModule<object, RenderArgs> {
  return {
    command: 'render [paths..]',
    describe: 'Render config files or folders of them into figures, incrementally',
    builder: (y: Argv) =>
      y
        .positional('paths', PATHS_ARG)
        .option('out', OUT_OPTION)
        .option('jobs', { alias: 'j', type: 'number', describe: 'processes that render (default: as many as the figures and cores pay for; 1 renders in this process only)' })
        .option('force', { alias: 'f', type: 'boolean', default: false, describe: 'render every figure, and overwrite files actiplot did not make' })
        .option('prune', { type: 'boolean', default: false, describe: 'delete outputs of figures that no longer exist' })
        .option('shard', { type: 'string', describe: 'render only shard k of n (k/n), with its own manifest' })
        .option('watch', { alias: 'w', type: 'boolean', default: false, describe: 're-render figures whose configs change' })
        .option('gallery', { type: 'boolean', default: true, describe: 'write <out>/index.html (--no-gallery: do not)' })
        .option('summary', { type: 'string', describe: 'write a Markdown summary of the run to this file' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'print errors only' })
        .option('json', { type: 'boolean', default: false, describe: 'print the results as JSON on stdout' })
        .option('format', { choices: ['png', 'svg', 'pdf'] as const, describe: 'render still figures in this format (sweeps keep theirs)' })
        .option('scale', { type: 'number', describe: 'pixel density for every figure, 0.5 to 4 (2 for HiDPI)' })
        .example('$0 render configs --out output', 'render what changed in configs/ into output/')
        .example('$0 render configs --out hidpi --scale 2', 'every figure at twice the pixels')
        .example('$0 render --shard 2/4', 'render a quarter of the figures (CI matrix)') as unknown as Argv<RenderArgs>,
    handler: async (args) => {
      const jobs = args.jobs;
      if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > 256)) return setCode(usage(io, `--jobs: expected a whole number from 1 to 256, got ${String(jobs)}`));
      let shard: Shard | undefined;
      if (args.shard !== undefined) {
        const s = parseShard(String(args.shard));
        if (typeof s === 'string') return setCode(usage(io, s));
        shard = s;
      }
      if (args.watch && args.summary) return setCode(usage(io, '--summary is for one run; it cannot be used with --watch'));
      const clash = outHoldsConfigs(args.paths.map(String), String(args.out));
      if (clash) return setCode(usage(io, clash));
      const overrides = overridesOf(io, args);
      if (overrides === undefined) return setCode(2);
      const reporter = makeReporter(io, args.quiet, args.json);
      const opts: RenderOptions = {
        paths: args.paths.map(String),
        out: args.out,
        jobs,
        force: args.force,
        prune: args.prune,
        shard,
        gallery: args.gallery,
        overrides,
        reporter,
      };
      const report = (r: RenderResult) => {
        if (args.json) io.out(renderJson(r));
        if (!args.quiet) reporter.end(closingLine(r));
        return r.failed.length > 0 ? 1 : 0;
      };
      if (!args.watch) {
        const [{ render }, { renderSummary }] = await Promise.all([import('../pipeline/run.js'), import('../pipeline/summary.js')]);
        const r = await render(opts);
        let code = report(r);
        if (!writeSummary(io, args.summary, renderSummary(r))) code = 1;
        return setCode(code);
      }
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const { watchRender } = await import('../pipeline/watch.js');
      try {
        await watchRender({
          ...opts,
          signal: stop.signal,
          onRun: (r) => {
            report(r);
            if (!args.quiet) io.err(`watching for changes (Ctrl-C stops)`);
          },
          onError: (m) => io.err(`actiplot: ${m}`),
        });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      setCode(0);
    },
  };
}

interface CheckArgs {
  paths: string[];
  out: string;
  format?: string;
  scale?: number;
  gallery: boolean;
  summary?: string;
  quiet: boolean;
  json: boolean;
}

export function checkJson(c: CheckResult): string {
  return JSON.stringify({
    ok: c.ok,
    out: c.out,
    total: c.total,
    current: c.current,
    missing: c.items.filter((i) => i.kind === 'missing'),
    stale: c.items.filter((i) => i.kind === 'stale'),
    extra: c.items.filter((i) => i.kind === 'extra'),
    errors: c.errors,
  });
}

export function checkCommand(io: Io, setCode: SetCode): CommandModule<object, CheckArgs> {
  return {
    command: 'check [paths..]',
    describe: 'Check that the output folder is current with the configs (renders nothing; exit 1 if not)',
    builder: (y: Argv) =>
      y
        .positional('paths', PATHS_ARG)
        .option('out', OUT_OPTION)
        .option('gallery', { type: 'boolean', default: true, describe: 'check <out>/index.html too' })
        .option('summary', { type: 'string', describe: 'write a Markdown summary to this file' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'print problems only' })
        .option('json', { type: 'boolean', default: false, describe: 'print the results as JSON on stdout' })
        .option('format', { choices: ['png', 'svg', 'pdf'] as const, describe: 'as given to render' })
        .option('scale', { type: 'number', describe: 'as given to render' })
        .example('$0 check configs --out output', 'in CI: fail when committed figures are out of date') as unknown as Argv<CheckArgs>,
    handler: async (args) => {
      const overrides = overridesOf(io, args);
      if (overrides === undefined) return setCode(2);
      const [{ check }, { checkSummary }] = await Promise.all([import('../pipeline/check.js'), import('../pipeline/summary.js')]);
      const c = check({ paths: args.paths.map(String), out: args.out, gallery: args.gallery, overrides });
      for (const e of c.errors) io.err(e);
      if (args.json) io.out(checkJson(c));
      else for (const i of c.items) io.out(`${i.kind.padEnd(7)} ${i.path}${i.config && i.path !== i.name ? ` (${i.name}, from ${i.config})` : i.config ? ` (from ${i.config})` : ''}: ${i.reason}`);
      const count = (k: string) => c.items.filter((i) => i.kind === k).length;
      if (!args.quiet || !c.ok) {
        io.err(
          c.ok
            ? `${plural(c.total, 'figure')} current in ${args.out}`
            : `${args.out} is out of date: ${count('missing')} missing, ${count('stale')} stale, ${count('extra')} extra${c.errors.length ? `, ${plural(c.errors.length, 'config error')}` : ''}; run "actiplot render${args.paths.length ? ` ${args.paths.join(' ')}` : ''} --out ${args.out}${count('extra') ? ' --prune' : ''}"`,
        );
      }
      const wrote = writeSummary(io, args.summary, checkSummary(c));
      setCode(c.ok && wrote ? 0 : 1);
    },
  };
}

interface MergeArgs {
  manifests: string[];
  out: string;
  gallery: boolean;
  force: boolean;
  quiet: boolean;
  json: boolean;
}

export function mergeCommand(io: Io, setCode: SetCode): CommandModule<object, MergeArgs> {
  return {
    command: 'merge <manifests..>',
    describe: "Join shards' manifests (and copy their files) into <out>/manifest.json and the gallery",
    builder: (y: Argv) =>
      y
        .positional('manifests', { type: 'string', array: true, describe: 'manifest files written by render --shard' })
        .option('out', OUT_OPTION)
        .option('gallery', { type: 'boolean', default: true, describe: 'write <out>/index.html' })
        .option('force', { alias: 'f', type: 'boolean', default: false, describe: 'overwrite files actiplot did not make' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'print errors only' })
        .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON on stdout' })
        .example('$0 merge output/manifest.shard-*.json --out output', 'after a CI matrix of render --shard k/n') as unknown as Argv<MergeArgs>,
    handler: async (args) => {
      const { merge } = await import('../pipeline/merge.js');
      const r = merge({ manifests: args.manifests.map(String), out: args.out, gallery: args.gallery, force: args.force });
      for (const e of r.errors) io.err(e);
      if (args.json) io.out(JSON.stringify({ ok: r.ok, out: r.out, manifest: r.manifest ?? null, figures: r.figures.length, copied: r.copied, errors: r.errors }));
      if (!args.quiet && r.ok) io.err(`merged ${plural(args.manifests.length, 'manifest')}: ${plural(r.figures.length, 'figure')} in ${r.manifest}${r.copied.length ? `, ${r.copied.length} copied` : ''}`);
      if (!r.ok) io.err(`actiplot merge: nothing written (${plural(r.errors.length, 'problem')})`);
      setCode(r.ok ? 0 : 1);
    },
  };
}
