/**
 * The build commands: `render` (incremental, parallel, sharded, watch), `check` and `merge`. Each
 * parses and checks its options, calls the pipeline and reports; the exit code goes to `setCode`:
 * 0 all good, 1 a config, figure or check failed, 2 bad usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Argv, CommandModule, Options, PositionalOptions } from 'yargs';
import { examples, usage, type Command, type CommandName, type Io } from './io.js';
import { createReporter, progressMode, type Reporter } from '../pipeline/progress.js';
import type { RenderOptions, RenderResult } from '../pipeline/run.js';
import type { CheckResult } from '../pipeline/check.js';
import { findConfigs, outHoldsConfigs } from '../pipeline/find-configs.js';
import { parseShard, type Shard } from '../pipeline/shard.js';
import type { Overrides } from '../pipeline/plan.js';

type SetCode = (code: number) => void;

/** A whole number from `min` to `max` given as `--name`, or a usage message that shows what was typed. */
export function wholeNumber(name: string, value: unknown, min: number, max: number): number | string {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : `--${name}: expected a whole number from ${min} to ${max}, got ${shown(value)}`;
}

/** A number from `min` to `max` given as `--name`, or a usage message. */
export function numberIn(name: string, value: unknown, min: number, max: number): number | string {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= min && n <= max ? n : `--${name}: expected a number from ${min} to ${max}, got ${shown(value)}`;
}

/** How a flag's value is shown in a message: as typed, quoted when it is not a number. */
export function shown(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} values (the flag is given ${value.length} times)`;
  return typeof value === 'number' ? String(value) : JSON.stringify(String(value));
}

/**
 * The config paths and the output folder as given: a path that does not exist or an --out that is
 * a file is bad usage (one line, exit 2), not a failed figure. Undefined when both are fine.
 */
export function pathsProblem(paths: readonly string[], out?: string): string | undefined {
  for (const p of paths) {
    if (!fs.existsSync(p)) return `no such file or folder: ${p} (give config files, or folders that hold them)`;
  }
  if (out !== undefined) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(out);
    } catch {
      st = undefined;
    }
    if (st && !st.isDirectory()) return `--out ${out} is a file, not a folder; give a folder for the figures`;
  }
  return undefined;
}

/** The warning for a run whose paths hold no config at all (exit 0: nothing was asked of it). */
export async function noConfigsWarning(paths: readonly string[], out: string | undefined): Promise<string | undefined> {
  const { files } = findConfigs(paths, out !== undefined ? [out] : []);
  return files.length === 0 ? `actiplot: warning: no config files (*.json) found in ${paths.join(', ')}; nothing to do` : undefined;
}

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
  jobs: unknown;
  force: boolean;
  prune: boolean;
  shard?: string;
  quiet: boolean;
  json: boolean;
  summary?: string;
  watch: boolean;
  gallery: boolean;
  format?: string;
  scale?: unknown;
  themes?: string;
}

const THEMES = ['light', 'dark'] as const;

/** `--themes light,dark`: known themes, each once; a usage message otherwise. */
export function parseThemes(text: string): Overrides['themes'] | string {
  const parts = text.split(',').map((s) => s.trim());
  const bad = parts.find((p) => !(THEMES as readonly string[]).includes(p));
  if (bad !== undefined) return `--themes: expected a comma-separated list of ${THEMES.join(', ')}, got ${JSON.stringify(text)}`;
  if (new Set(parts).size !== parts.length) return `--themes: each theme once, got ${JSON.stringify(text)}`;
  return parts as ('light' | 'dark')[];
}

/** `--format`, `--scale` and `--themes`, checked; undefined (after a usage line) when they are bad. */
function overridesOf(io: Io, command: CommandName, args: { format?: string; scale?: unknown; themes?: string }): Overrides | undefined {
  let scale: number | undefined;
  if (args.scale !== undefined) {
    const s = numberIn('scale', args.scale, 0.5, 4);
    if (typeof s === 'string') {
      usage(io, command, s);
      return undefined;
    }
    scale = s;
  }
  let themes: Overrides['themes'];
  if (args.themes !== undefined) {
    const t = parseThemes(String(args.themes));
    if (typeof t === 'string') {
      usage(io, command, t);
      return undefined;
    }
    themes = t;
  }
  return { format: args.format as Overrides['format'], scale, ...(themes ? { themes } : {}) };
}

/** The config paths and the output folder: the same for render, check, merge and validate. */
export const PATHS_ARG = { type: 'string', array: true, default: ['configs'], describe: 'config files, or folders searched for *.json' } satisfies PositionalOptions;
export const OUT_OPTION = { alias: 'o', type: 'string', default: 'output', requiresArg: true, describe: 'the output folder (created when missing)' } satisfies Options;

const QUIET = { alias: 'q', type: 'boolean', default: false, describe: 'print errors only' } satisfies Options;
const JSON_OPTION = { type: 'boolean', default: false, describe: 'print the results as one JSON document on stdout' } satisfies Options;
const SUMMARY = { type: 'string', requiresArg: true, describe: 'also write a Markdown summary of the run to this file (e.g. "$GITHUB_STEP_SUMMARY")' } satisfies Options;

/**
 * `--jobs` and `--scale` have no yargs type: typed "number", `--jobs abc` would arrive as NaN and
 * the message could not show what was typed. Their values are checked in the handlers.
 */
const RENDER_OPTIONS = {
  out: OUT_OPTION,
  jobs: { alias: 'j', requiresArg: true, describe: 'how many processes render, a whole number from 1 to 256 (default: as many as the figures and cores pay for; 1 renders in this process only)' },
  force: { alias: 'f', type: 'boolean', default: false, describe: 'render every figure, even those up to date, and overwrite files actiplot did not make' },
  prune: { type: 'boolean', default: false, describe: 'delete the outputs of figures that no longer exist in the configs' },
  shard: { type: 'string', requiresArg: true, describe: 'render only shard k of n (k/n, e.g. 2/4) and write its own manifest' },
  watch: { alias: 'w', type: 'boolean', default: false, describe: 'render, then render again whenever a config changes (Ctrl-C stops)' },
  gallery: { type: 'boolean', default: true, describe: 'write <out>/index.html, a page of every figure (--no-gallery: do not)' },
  summary: SUMMARY,
  quiet: QUIET,
  json: JSON_OPTION,
  format: { choices: ['png', 'svg', 'pdf'] as const, describe: 'render every still figure in this format (an animation keeps its own)' },
  scale: { requiresArg: true, describe: 'the pixel density of every figure, a number from 0.5 to 4 (2 for HiDPI pages)' },
  themes: { type: 'string', requiresArg: true, describe: 'every figure in each theme: light,dark writes <name>.png (light) and <name>.dark.png (dark)' },
} satisfies Record<string, Options>;

const CHECK_OPTIONS = {
  out: OUT_OPTION,
  gallery: { type: 'boolean', default: true, describe: 'check <out>/index.html too (--no-gallery: do not)' },
  summary: SUMMARY,
  quiet: { ...QUIET, describe: 'print problems only' },
  json: JSON_OPTION,
  format: { choices: ['png', 'svg', 'pdf'] as const, describe: 'the --format the figures were rendered with' },
  scale: { requiresArg: true, describe: 'the --scale the figures were rendered with' },
  themes: { type: 'string', requiresArg: true, describe: 'the --themes the figures were rendered with' },
  verify: { type: 'boolean', default: false, describe: 're-render figures in memory and compare their bytes with the files (trusts no manifest)' },
  figure: { type: 'string', array: true, describe: 'with --verify: re-render only this figure (repeat for more)' },
} satisfies Record<string, Options>;

const MERGE_OPTIONS = {
  out: OUT_OPTION,
  gallery: { type: 'boolean', default: true, describe: 'write <out>/index.html (--no-gallery: do not)' },
  force: { alias: 'f', type: 'boolean', default: false, describe: 'overwrite files in --out that actiplot did not make' },
  quiet: QUIET,
  json: JSON_OPTION,
} satisfies Record<string, Options>;

/** The run's own modules, not the library's: an up-to-date run loads no validator (pipeline/run.ts). */
let renderModules: Promise<[typeof import('../pipeline/run.js'), typeof import('../pipeline/summary.js')]> | undefined;
const loadRender = () => (renderModules ??= Promise.all([import('../pipeline/run.js'), import('../pipeline/summary.js')]));

export function renderCommand(io: Io, setCode: SetCode): Command<RenderArgs> {
  return {
    // Its modules start loading (file reads on libuv's threads) while yargs checks the options.
    preload: () => void loadRender().catch(() => undefined),
    command: 'render [paths..]',
    describe: 'Render config files or folders of them into figures, incrementally',
    builder: (y: Argv) =>
      y
        .positional('paths', PATHS_ARG)
        .options(RENDER_OPTIONS)
        .epilogue(examples([
          ['render what changed in configs/ into output/', 'actiplot render configs --out output'],
          ['render every figure again, even those up to date', 'actiplot render configs --out output --force'],
          ['every figure at twice the pixels', 'actiplot render configs --out hidpi --scale 2'],
          ['the second quarter of the figures (a CI matrix of 4)', 'actiplot render configs --out output --shard 2/4'],
          ['each figure for light and for dark pages (relu.png and relu.dark.png)', 'actiplot render configs --out output --themes light,dark'],
        ])) as unknown as Argv<RenderArgs>,
    handler: async (args) => {
      const jobs = args.jobs === undefined ? undefined : wholeNumber('jobs', args.jobs, 1, 256);
      if (typeof jobs === 'string') return setCode(usage(io, 'render', jobs));
      let shard: Shard | undefined;
      if (args.shard !== undefined) {
        const s = parseShard(String(args.shard));
        if (typeof s === 'string') return setCode(usage(io, 'render', s));
        shard = s;
      }
      if (args.watch && args.summary) return setCode(usage(io, 'render', '--summary is for one run; it cannot be used with --watch'));
      const clash = outHoldsConfigs(args.paths.map(String), String(args.out));
      if (clash) return setCode(usage(io, 'render', clash));
      const overrides = overridesOf(io, 'render', args);
      if (overrides === undefined) return setCode(2);
      const bad = pathsProblem(args.paths.map(String), args.out);
      if (bad) return setCode(usage(io, 'render', bad));
      const empty = await noConfigsWarning(args.paths.map(String), args.out);
      if (empty) io.err(empty);
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
        const [{ render }, { renderSummary }] = await loadRender();
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
  scale?: unknown;
  themes?: string;
  gallery: boolean;
  summary?: string;
  quiet: boolean;
  json: boolean;
  verify: boolean;
  figure?: string[];
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
    ...(c.verified !== undefined ? { verified: c.verified, differs: c.items.filter((i) => i.kind === 'differs') } : {}),
    errors: c.errors,
  });
}

/** The config files named by error lines ("configs/a.json:3:5: ..."), each once. */
function filesOf(errors: readonly string[]): string[] {
  const files = errors.map((e) => /^(.+?\.json)(?::\d+:\d+)?: /.exec(e)?.[1]).filter((f): f is string => f !== undefined);
  return [...new Set(files)];
}

/**
 * The last line of `check`: all current, or what is wrong and what fixes it. Config errors come
 * first: rendering cannot fix them, so the line says to fix the configs it names.
 */
export function checkClosing(c: CheckResult, paths: readonly string[], out: string): string {
  if (c.ok) return `${plural(c.total, 'figure')} current in ${out}${c.verified !== undefined ? ` (${c.verified} re-rendered: same bytes)` : ''}`;
  const count = (k: string) => c.items.filter((i) => i.kind === k).length;
  const problems = count('missing') + count('stale') + count('extra') + count('differs');
  const files = filesOf(c.errors);
  const errs = c.errors.length
    ? `${plural(c.errors.length, 'config error')}${files.length ? ` in ${files.join(', ')}` : ''}`
    : '';
  const renderCmd = `actiplot render${paths.length ? ` ${paths.join(' ')}` : ''} --out ${out}${count('extra') ? ' --prune' : ''}`;
  if (problems === 0) return `${errs}: fix the config errors above (rendering cannot fix them), then run "actiplot check" again`;
  const state = `${out} is out of date: ${count('missing')} missing, ${count('stale')} stale, ${count('extra')} extra${c.verified !== undefined ? `, ${count('differs')} differ from a fresh render` : ''}`;
  return errs ? `${state}; ${errs}: fix them first (see above), then run "${renderCmd}"` : `${state}; run "${renderCmd}"`;
}

export function checkCommand(io: Io, setCode: SetCode): CommandModule<object, CheckArgs> {
  return {
    command: 'check [paths..]',
    describe: 'Check that the output folder is current with the configs (renders nothing; exit 1 if not)',
    builder: (y: Argv) =>
      y
        .positional('paths', PATHS_ARG)
        .options(CHECK_OPTIONS)
        .epilogue(examples([
          ['in CI: fail when the committed figures are out of date', 'actiplot check configs --out output'],
          ['also re-render every figure and compare bytes (trusts no manifest)', 'actiplot check configs --out output --verify'],
        ])) as unknown as Argv<CheckArgs>,
    handler: async (args) => {
      const overrides = overridesOf(io, 'check', args);
      if (overrides === undefined) return setCode(2);
      const bad = pathsProblem(args.paths.map(String), args.out);
      if (bad) return setCode(usage(io, 'check', bad));
      if (args.figure?.length && !args.verify) return setCode(usage(io, 'check', '--figure goes with --verify'));
      const empty = await noConfigsWarning(args.paths.map(String), args.out);
      if (empty) io.err(empty);
      const { check, checkVerified, checkSummary } = await import('./library.js');
      const opts = { paths: args.paths.map(String), out: args.out, gallery: args.gallery, overrides };
      const c = args.verify ? await checkVerified(opts, (args.figure ?? []).map(String)) : check(opts);
      for (const e of c.errors) io.err(e);
      if (args.json) io.out(checkJson(c));
      else for (const i of c.items) io.out(`${i.kind.padEnd(7)} ${i.path}${i.config && i.path !== i.name ? ` (${i.name}, from ${i.config})` : i.config ? ` (from ${i.config})` : ''}: ${i.reason}`);
      if (!args.quiet || !c.ok) io.err(checkClosing(c, args.paths.map(String), args.out));
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
        .positional('manifests', { type: 'string', array: true, demandOption: true, default: undefined, describe: 'the manifest files written by render --shard k/n (one or more; required)' })
        .options(MERGE_OPTIONS)
        .epilogue(examples([
          ['after a CI matrix of render --shard k/4, with each shard in its own folder', 'actiplot merge shards/*/manifest.shard-*-of-4.json --out output'],
        ])) as unknown as Argv<MergeArgs>,
    handler: async (args) => {
      // A missing manifest is merge's own error (it names what it refuses); an --out that is a file is usage.
      const bad = pathsProblem([], args.out);
      if (bad) return setCode(usage(io, 'merge', bad));
      const { merge } = await import('./library.js');
      const r = merge({ manifests: args.manifests.map(String), out: args.out, gallery: args.gallery, force: args.force });
      for (const e of r.errors) io.err(e);
      if (args.json) io.out(JSON.stringify({ ok: r.ok, out: r.out, manifest: r.manifest ?? null, figures: r.figures.length, copied: r.copied, errors: r.errors }));
      if (!args.quiet && r.ok) io.err(`merged ${plural(args.manifests.length, 'manifest')}: ${plural(r.figures.length, 'figure')} in ${r.manifest}${r.copied.length ? `, ${r.copied.length} copied` : ''}`);
      if (!r.ok) io.err(`actiplot merge: nothing written (${plural(r.errors.length, 'problem')})`);
      setCode(r.ok ? 0 : 1);
    },
  };
}

interface SnippetArgs {
  figure: string;
  out: string;
  markdown: boolean;
  'base-url'?: string;
}

export function snippetCommand(io: Io, setCode: SetCode): CommandModule<object, SnippetArgs> {
  return {
    command: 'snippet <figure>',
    describe: 'Print the HTML (or Markdown) that shows a rendered figure: <picture> with its dark variant, size and alt text',
    builder: (y: Argv) =>
      y
        .positional('figure', { type: 'string', demandOption: true, describe: 'the name of a rendered figure (in the manifest of --out)' })
        .options({
          out: { ...OUT_OPTION, describe: 'the output folder the figure was rendered into' },
          markdown: { type: 'boolean', default: false, describe: 'print Markdown: an image with its alt text, or the <picture> HTML block when there is a dark variant' },
          'base-url': { type: 'string', requiresArg: true, describe: 'the URL of the output folder as the page links to it, e.g. /img/figures/ (default: none, files beside the page)' },
        })
        .epilogue(examples([
          ['the <picture> of relu.png and relu.dark.png', 'actiplot snippet relu --out output'],
          ['Markdown for a page in docs/guide/', 'actiplot snippet relu --markdown --base-url ../../output/'],
        ])) as unknown as Argv<SnippetArgs>,
    handler: async (args) => {
      const bad = pathsProblem([], args.out);
      if (bad) return setCode(usage(io, 'snippet', bad));
      const [{ readManifest, MANIFEST_FILE }, { pictureHtml, pictureMarkdown, variantsOf }] = await Promise.all([import('../pipeline/manifest.js'), import('../pipeline/snippet.js')]);
      const file = path.join(args.out, MANIFEST_FILE);
      const m = readManifest(file);
      if (m.state === 'absent') return setCode(usage(io, 'snippet', `no ${file}: render the figures first ("actiplot render configs --out ${args.out}")`));
      if (m.state === 'invalid') {
        io.err(`actiplot: ${file} is not an actiplot manifest (${m.reason})`);
        return setCode(1);
      }
      const entries = m.manifest.figures;
      const main = entries.find((e) => e.name === String(args.figure));
      if (!main) {
        const names = entries.filter((e) => e.variantOf === undefined).map((e) => e.name);
        const { suggest } = await import('../config/messages.js');
        return setCode(usage(io, 'snippet', `no figure "${args.figure}" in ${file}${suggest(String(args.figure), names)} (it has ${names.length ? names.join(', ') : 'none'})`));
      }
      const opts = { baseUrl: args['base-url'] };
      const variants = variantsOf(main, entries);
      io.out(args.markdown ? pictureMarkdown(main, variants, opts) : pictureHtml(main, variants, opts));
      setCode(0);
    },
  };
}
