/**
 * A render run: plan, decide what is out of date, render it (in-process or in a pool of worker
 * processes), write each file atomically, prune, then write the gallery and, last, the manifest.
 * A failure in one figure never stops the others; the caller turns the result into an exit code.
 *
 * Files actiplot may overwrite or delete are the ones a manifest in the output folder lists. A file
 * of the same name that no manifest lists is left alone (an error for that figure) unless it
 * already holds exactly the bytes we rendered, or --force is given.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Overrides, Job, Plan } from './plan.js';
import { leftoverTempFiles, readRegularFile, removeOutputFile, symlinkRefusal, writeIfChanged } from './write.js';
import { lockOutput } from './lock.js';
import { fileSha256, fontsFingerprint, inputHash, sha256, sourceDigest } from './hash.js';
import { findConfigs } from './find-configs.js';
import { unchangedEntries } from './unchanged.js';
import { figureRecord } from './figure-record.js';
import { byName, isPlainFileName, makeManifest, manifestFileName, serializeManifest, type ManifestEntry } from './manifest.js';
import { inShard, type Shard } from './shard.js';
import { readFolder, isGone } from './state.js';
import type { Renderer } from './protocol.js';
import { GALLERY_FILE, GALLERY_MARKER, diffReportLink, galleryHtml } from './gallery.js';
import { createReporter, describeFigure, type FigureStatus, type Reporter } from './progress.js';
import { VERSION } from '../version.js';

export interface RenderOptions {
  paths: string[];
  out: string;
  /** Worker processes; 1 renders in this process. Default: the number of cores. */
  jobs?: number;
  /** Render every figure, and overwrite files no manifest lists. */
  force?: boolean;
  /** Delete the outputs of figures that no longer exist. */
  prune?: boolean;
  /** Render only this shard's figures and write its own manifest. */
  shard?: Shard;
  /** Write `<out>/index.html` (default true; never for a shard of several). */
  gallery?: boolean;
  /** `--format` and `--scale` from the command line. */
  overrides?: Overrides;
  reporter?: Reporter;
  /** How long to wait for another run's lock on the output folder (lock.ts; default two minutes). */
  lockWaitMs?: number;
  /** Renders the figures instead of the renderer `jobs` asks for (tests inject faulty ones here). */
  renderer?: Renderer;
  /** Used when no reporter is given: plain lines and error lines. */
  log?: (line: string) => void;
  error?: (line: string) => void;
}

export interface FigureResult {
  name: string;
  status: FigureStatus;
  config: string;
  pointer: string;
  /** Output file, relative to the output folder. */
  file?: string;
  format?: string;
  width?: number;
  height?: number;
  bytes?: number;
  sha256?: string;
  /** Render time. */
  ms?: number;
  message?: string;
}

export interface RenderResult {
  out: string;
  /** Path of the manifest written (or left as it was), if any. */
  manifest?: string;
  figures: FigureResult[];
  /** Config errors and problems that are not one figure's. */
  errors: string[];
  /** Paths deleted by --prune. */
  pruned: string[];
  /** Paths of outputs whose figures are gone, kept because --prune was not given. */
  orphans: string[];
  /** Every error message (config errors, failed figures, run-level problems). */
  failed: string[];
  /** The figures rendered and written. */
  written: { name: string; file: string; source: string }[];
  ms: number;
}

/** A sequence of runs over the same options (render --watch keeps one). */
export interface RenderSession {
  run(): Promise<RenderResult>;
  close(): Promise<void>;
}

export function createRenderSession(opts: RenderOptions): RenderSession {
  let renderer: Renderer | undefined = opts.renderer;
  return {
    async run() {
      return runOnce(opts, async (count) => {
        if (opts.renderer) return opts.renderer;
        // Only a run with figures to render loads the renderers (and child_process for a pool).
        const { autoJobs, makeRenderer } = await import('./renderers.js');
        // Keep a renderer that is big enough; otherwise make the right one for this run.
        if (renderer && (renderer.size >= Math.min(opts.jobs ?? autoJobs(count), count) || count <= 1)) return renderer;
        const old = renderer;
        renderer = makeRenderer(opts.jobs, count);
        void old?.close();
        return renderer;
      });
    },
    async close() {
      if (renderer !== opts.renderer) await renderer?.close();
      renderer = undefined;
    },
  };
}

/** One run; closes its workers at the end. */
export async function render(opts: RenderOptions): Promise<RenderResult> {
  const session = createRenderSession(opts);
  try {
    return await session.run();
  } finally {
    await session.close();
  }
}

/**
 * A manifest entry's alt text, theme and the figure it is a variant of (an up-to-date entry keeps
 * its alt: the figure is the same). `describe` makes the alt text when the renderer gave none.
 */
function look(job: Job, alt: string | undefined, describe: (figure: Job['figure']) => string): Pick<ManifestEntry, 'alt' | 'theme' | 'variantOf'> {
  return {
    alt: alt ?? describe(job.figure),
    ...(job.figure.theme && job.figure.theme !== 'light' ? { theme: job.figure.theme } : {}),
    ...(job.variantOf !== undefined ? { variantOf: job.variantOf } : {}),
  };
}

/** The result of a figure that is up to date: its manifest entry, as this run lists it. */
function upToDate(e: ManifestEntry): FigureResult {
  return { name: e.name, status: 'skipped', config: e.config, pointer: e.pointer, file: e.file, format: e.format, width: e.width, height: e.height, bytes: e.bytes, sha256: e.sha256 };
}

function readIfExists(file: string): Buffer | undefined {
  return readRegularFile(file);
}

async function runOnce(opts: RenderOptions, getRenderer: (count: number) => Promise<Renderer>): Promise<RenderResult> {
  const t0 = performance.now();
  const out = opts.out;
  const reporter = opts.reporter ?? createReporter({ mode: 'lines', line: opts.log ?? (() => {}), error: opts.error ?? (() => {}) });
  const result: RenderResult = { out, figures: [], errors: [], pruned: [], orphans: [], failed: [], written: [], ms: 0 };
  const runError = (msg: string) => {
    result.errors.push(msg);
    result.failed.push(msg);
    reporter.error(msg);
  };

  const found = findConfigs(opts.paths, [opts.out]);
  const outExists = fs.existsSync(out);
  // Planning loads the validator and the model readers: only a run with something to do needs them.
  const planned = async (): Promise<Plan> => {
    const { plan } = await import('./plan.js');
    const p = plan(opts.paths, [opts.out], opts.overrides, found);
    for (const e of p.errors) runError(e.message);
    return p;
  };
  // A run into a folder it rendered before may have nothing to do: that is decided from the files
  // and the manifest first (unchanged.ts), and the configs are validated only if it has work.
  const mayBeUnchanged = outExists && !opts.force && opts.shard === undefined;
  let p: Plan | undefined = mayBeUnchanged ? undefined : await planned();
  if (!outExists && p!.jobs.length === 0) {
    reporter.start(0, 0);
    result.ms = performance.now() - t0;
    return result;
  }
  const refusal = symlinkRefusal(out);
  if (refusal) {
    p ??= await planned();
    runError(`cannot use ${out} as the output folder: ${refusal}; give the real folder with --out`);
    result.ms = performance.now() - t0;
    return result;
  }
  try {
    fs.mkdirSync(out, { recursive: true });
    if (!fs.statSync(out).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (err) {
    p ??= await planned();
    runError(`cannot use ${out} as the output folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    result.ms = performance.now() - t0;
    return result;
  }
  await using lock = await lockOutput(out, { waitMs: opts.lockWaitMs, onWait: (m) => reporter.note(m) });
  if (lock.refusal) { p ??= await planned(); runError(lock.refusal); result.ms = performance.now() - t0; return result; }
  leftoverTempFiles(out);

  const fonts = fontsFingerprint();
  const state = readFolder(out, opts.shard);
  const ownManifest = manifestFileName(opts.shard);
  for (const bad of state.invalid) {
    if (bad.file === ownManifest && !opts.force) {
      p ??= await planned();
      runError(`${path.join(out, bad.file)} is not an actiplot manifest (${bad.reason}); delete it or pass --force`);
      result.ms = performance.now() - t0;
      return result;
    }
    reporter.note(`ignoring ${path.join(out, bad.file)}: not an actiplot manifest (${bad.reason})`);
  }

  const reportUpToDate = (r: FigureResult) => reporter.figure({ name: r.name, status: 'skipped', config: r.config, path: path.join(out, r.file!), width: r.width, height: r.height });

  /** The gallery and, last, the manifest; `manifestCurrent`: the manifest on disk already says all of it. */
  const writeIndex = (list: ManifestEntry[], manifestCurrent = false) => {
    const multiShard = opts.shard !== undefined && opts.shard.count > 1;
    if ((opts.gallery ?? true) && !multiShard) {
      const target = path.join(out, GALLERY_FILE);
      const existing = readIfExists(target);
      if (existing && !opts.force && !existing.includes(GALLERY_MARKER)) {
        runError(`${target} exists and was not made by actiplot; delete it, pass --no-gallery or --force`);
      } else {
        try {
          writeIfChanged(out, GALLERY_FILE, galleryHtml(list, VERSION, { failed: result.failed, diffReport: diffReportLink(out) }), existing);
        } catch (err) {
          runError(`cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        }
      }
    }
    try {
      if (!manifestCurrent) writeIfChanged(out, ownManifest, serializeManifest(makeManifest(VERSION, fonts, list, opts.shard, result.failed)));
      result.manifest = path.join(out, ownManifest);
    } catch (err) {
      runError(`cannot write ${path.join(out, ownManifest)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  };

  if (!p) {
    const same = state.invalid.length === 0 ? unchangedEntries({ found, manifest: state.main, prior: state.prior, out, version: VERSION, fonts, overrides: opts.overrides ?? {} }) : undefined;
    if (same) {
      reporter.start(same.length, 0, 0);
      for (const e of same) {
        const r = upToDate(e);
        result.figures.push(r);
        reportUpToDate(r);
      }
      // The entries are the manifest's own, with its version and fonts and no failures: it stands.
      writeIndex([...same].sort(byName), true);
      result.figures.sort(byName);
      result.ms = performance.now() - t0;
      return result;
    }
    p = await planned();
  }
  // What rendering needs (alt text, sweeps, the drawing's front end), loaded once there is a plan.
  const [{ altTextOf }, { outputFileName, renderOutput, workOf }] = await Promise.all([import('../alt/describe-figure.js'), import('./output.js')]);
  const names = new Set(p.jobs.map((j) => j.figure.name));
  const jobs = p.jobs.filter((j) => inShard(j.figure.name, opts.shard));
  const source = (job: Job) => sourceDigest(job.configSha256, opts.overrides ?? {}, VERSION);

  const entries = new Map<string, ManifestEntry>();
  const byFigure = new Map<string, FigureResult>();
  const toRender: { job: Job; hash: string }[] = [];
  const skipped: FigureResult[] = [];
  for (const job of jobs) {
    const fig = job.figure;
    const hash = inputHash(fig, VERSION);
    const prior = state.prior.get(fig.name);
    if (
      !opts.force &&
      prior &&
      prior.inputHash === hash &&
      isPlainFileName(prior.file) &&
      fileSha256(path.join(out, prior.file)) === prior.sha256
    ) {
      // The record (figure, models, fonts) is made afresh: the manifest is the output folder's, and
      // what the next run checks without planning must be what this plan found.
      const entry: ManifestEntry = { ...prior, config: job.file, pointer: job.pointer, title: fig.title, ...look(job, prior.alt, altTextOf), source: source(job), models: undefined, ...figureRecord(fig) };
      entries.set(fig.name, entry);
      skipped.push(upToDate(entry));
    } else {
      toRender.push({ job, hash });
    }
  }

  // An animation is as much work as its frames: the bar's time left counts them.
  const workByName = new Map(toRender.map((t) => [t.job.figure.name, workOf(t.job.figure)]));
  reporter.start(jobs.length, toRender.length, toRender.reduce((n, t) => n + workOf(t.job.figure), 0));
  for (const r of skipped) {
    byFigure.set(r.name, r);
    reportUpToDate(r);
  }

  const finish = (r: FigureResult) => {
    byFigure.set(r.name, r);
    if (r.status === 'failed') result.failed.push(describeFigure({ ...r, status: 'failed' }));
    reporter.figure({ name: r.name, status: r.status, config: r.config, path: r.file ? path.join(out, r.file) : undefined, width: r.width, height: r.height, ms: r.ms, message: r.message, work: workByName.get(r.name) });
  };

  const renderer = toRender.length > 0 ? await getRenderer(toRender.length) : undefined;
  // A few figures in flight, each handled start to finish by a call of its own, rather than a promise
  // per figure made up front: those promises and their callers' frames lived long enough to reach
  // the old generation, and kept every finished figure's bytes reachable until a full collection
  // (a 1,000-figure run in one process grew 31 KB per figure until one came).
  const handle = async ({ job, hash }: { job: Job; hash: string }) => {
    const fig = job.figure;
    const base = { name: fig.name, config: job.file, pointer: job.pointer };
    const prior = state.prior.get(fig.name);
    const keepPrior = () => {
      if (prior && isPlainFileName(prior.file) && fs.existsSync(path.join(out, prior.file))) entries.set(fig.name, prior);
    };
    const o = await renderOutput(fig, renderer!, () => reporter.progress?.(fig.name, 1));
    if (!o.ok) {
      keepPrior();
      return finish({ ...base, status: 'failed', ms: o.ms, message: `failed to render: ${o.message}` });
    }
    const fileName = outputFileName(fig.name, o.format);
    if (!isPlainFileName(fileName)) {
      keepPrior();
      return finish({ ...base, status: 'failed', ms: o.ms, message: `bad output file name ${JSON.stringify(fileName)}` });
    }
    const target = path.join(out, fileName);
    const existing = readIfExists(target);
    if (existing && !opts.force && !state.owned.has(fileName) && !existing.equals(o.bytes)) {
      keepPrior();
      return finish({ ...base, status: 'failed', ms: o.ms, message: `${target} exists and was not made by actiplot; delete it or pass --force` });
    }
    try {
      writeIfChanged(out, fileName, o.bytes);
    } catch (err) {
      keepPrior();
      return finish({ ...base, status: 'failed', ms: o.ms, message: `cannot write ${target}: ${(err as Error).message}` });
    }
    const digest = sha256(o.bytes);
    // A figure whose file name changed (another format): its old file was ours; remove it if untouched.
    if (prior && prior.file !== fileName && isPlainFileName(prior.file)) {
      const old = path.join(out, prior.file);
      if (fileSha256(old) === prior.sha256) removeOutputFile(out, prior.file);
    }
    entries.set(fig.name, {
      name: fig.name, file: fileName, format: o.format, width: o.width, height: o.height, bytes: o.bytes.length,
      sha256: digest, config: job.file, pointer: job.pointer, title: fig.title, ...look(job, o.alt, altTextOf), inputHash: hash, source: source(job), ...figureRecord(fig),
    });
    result.written.push({ name: fig.name, file: target, source: job.file });
    finish({ ...base, status: 'rendered', file: fileName, format: o.format, width: o.width, height: o.height, bytes: o.bytes.length, sha256: digest, ms: o.ms });
  };
  const waiting = toRender.values();
  // Eight per renderer keep every renderer busy: a worker holds up to six jobs (pool.ts), this
  // process draws one while others encode, and finished figures are written while others render.
  const lanes = Math.min(toRender.length, 8 * (renderer?.size ?? 1));
  await Promise.all(Array.from({ length: lanes }, async () => {
    for (let next = waiting.next(); !next.done; next = waiting.next()) await handle(next.value);
  }));

  // Outputs of figures that are not in this run: keep, or prune those that are gone.
  const used = new Set([...entries.values()].map((e) => e.file));
  for (const prior of [...state.prior.values()].sort(byName)) {
    if (entries.has(prior.name) || names.has(prior.name) || !inShard(prior.name, opts.shard)) continue;
    const file = path.join(out, prior.file);
    if (!isGone(prior, p, opts.paths, names)) {
      entries.set(prior.name, prior);
    } else if (opts.prune) {
      if (isPlainFileName(prior.file) && !used.has(prior.file) && fs.existsSync(file)) {
        const kept = removeOutputFile(out, prior.file);
        if (kept) { reporter.note(`not pruned ${kept}`); continue; }
        result.pruned.push(file);
        reporter.note(`pruned     ${file} (figure "${prior.name}" is no longer in ${prior.config})`);
      }
    } else {
      entries.set(prior.name, prior);
      result.orphans.push(file);
      reporter.note(`kept       ${file}: figure "${prior.name}" is no longer in ${prior.config}; --prune deletes it`);
    }
  }
  // A figure in the plan that failed and had no usable prior output has no entry; nothing to keep.

  writeIndex([...entries.values()].sort(byName));

  result.figures = [...byFigure.values()].sort(byName);
  result.ms = performance.now() - t0;
  return result;
}
