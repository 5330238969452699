/**
 * Planning: config paths -> validated figure jobs plus every config error found on the way.
 * Figures whose names clash across files are errors at both places.
 */
import { parseConfigText } from '../config/load.js';
import { readBounded, ReadRefusal } from '../config/read-bounded.js';
import { validateConfig } from '../config/validate.js';
import { ConfigError, type Location } from '../config/messages.js';
import { LIMITS } from '../config/limits.js';
import { budgetProblems } from '../config/budget.js';
import type { ResolvedFigure, ThemeName } from '../model/figure.js';
import { findConfigs, type FoundConfigs } from './find-configs.js';
import { sha256 } from './hash.js';
import { figureModels } from './figure-record.js';
import path from 'node:path';

export interface Job {
  file: string;
  /** JSON pointer of the figure within its file. */
  pointer: string;
  figure: ResolvedFigure;
  /** Where the figure's name stands in its file (for errors that point at it; found on demand). */
  locateName?: () => Location | undefined;
  /** For a theme variant of `render --themes` (`relu.dark`): the name of the figure it is a variant of. */
  variantOf?: string;
  /** The sha256 of its config file's bytes (what a manifest entry's `source` is made from). */
  configSha256: string;
}

export interface Plan {
  files: string[];
  jobs: Job[];
  errors: ConfigError[];
}

export function loadFile(file: string): { jobs: Job[]; errors: ConfigError[] } {
  let bytes: Buffer;
  try {
    bytes = readBounded(file, LIMITS.configBytes, 'split it into several files');
  } catch (err) {
    if (err instanceof ReadRefusal) return { jobs: [], errors: [new ConfigError(file, '', err.reason)] };
    throw err;
  }
  try {
    const v = validateConfig(parseConfigText(file, bytes));
    const configSha256 = sha256(bytes);
    return { jobs: v.figures.map((f) => ({ file, pointer: f.pointer, figure: f.figure, locateName: f.locateName, configSha256 })), errors: v.errors };
  } catch (err) {
    if (err instanceof ConfigError) return { jobs: [], errors: [err] };
    throw err;
  }
}

/** Command-line settings that replace a figure's own (`render --format svg --scale 2`). */
export interface Overrides {
  /** For still figures; a sweep keeps its animation format and its contact sheet stays PNG. */
  format?: 'png' | 'svg' | 'pdf';
  scale?: number;
  /**
   * `--themes light,dark`: every figure in each theme, the first as `<name>.<ext>`, each other as
   * `<name>.<theme>.<ext>` (a variant of the first).
   */
  themes?: readonly ThemeName[];
}

/** The figure in `theme` (light is no key at all: the figure a config without "theme" resolves to). */
function inTheme(f: ResolvedFigure, theme: ThemeName): ResolvedFigure {
  const { theme: _omit, ...rest } = f;
  return (theme === 'light' ? rest : { ...rest, theme }) as ResolvedFigure;
}

/** A job per theme: the first under the figure's own name, the others as variants named `<name>.<theme>`. */
function themed(job: Job, themes: readonly ThemeName[]): Job[] {
  return themes.map((t, i) =>
    i === 0
      ? { ...job, figure: inTheme(job.figure, t) }
      : { ...job, figure: { ...inTheme(job.figure, t), name: `${job.figure.name}.${t}` }, variantOf: job.figure.name },
  );
}

function override(job: Job, o: Overrides): Job | ConfigError {
  const f = job.figure;
  const scale = o.scale ?? f.scale;
  const format = o.format && !f.sweep ? o.format : f.format;
  if (f.width * f.height * scale * scale > LIMITS.imagePixels) {
    return new ConfigError(job.file, where(job).replace(/\.?name$/, '') || '', `with --scale ${scale} the image would have ${Math.round(f.width * f.height * scale * scale)} pixels; the limit is ${LIMITS.imagePixels}`, job.locateName?.());
  }
  if (scale === f.scale && format === f.format) return job;
  const figure = { ...f, scale, format };
  // --format svg or --scale 4 can take a figure past a budget its own settings kept.
  const over = budgetProblems(figure);
  if (over.length > 0) return new ConfigError(job.file, where(job).replace(/\.?name$/, '') || '', `with${o.format ? ` --format ${o.format}` : ''}${o.scale !== undefined ? ` --scale ${o.scale}` : ''}: ${over[0].detail}`, job.locateName?.());
  return { ...job, figure };
}

/**
 * `exclude`: folders not to search (a render passes its output folder, which holds manifest.json).
 * `overrides`: settings from the command line applied to every figure. `found`: what
 * findConfigs(paths, exclude) gave, when the caller has asked already.
 */
export function plan(paths: readonly string[], exclude: readonly string[] = [], overrides: Overrides = {}, found: FoundConfigs = findConfigs(paths, exclude)): Plan {
  const { files, missing, refused } = found;
  const errors: ConfigError[] = missing.map((p) => new ConfigError(p, '', 'no such file or folder'));
  errors.push(...refused.map((r) => new ConfigError(r.path, '', r.reason)));
  const jobs: Job[] = [];
  const byName = new Map<string, Job>();
  // Each file's errors (its own, then its figures' clashes and overrides), kept apart until it is
  // known which files are configs at all.
  const fileErrors = new Map<string, ConfigError[]>();
  for (const file of files) {
    const r = loadFile(file);
    const own = [...r.errors];
    fileErrors.set(file, own);
    for (const job of r.jobs) {
      const prior = byName.get(job.figure.name);
      if (prior) {
        const loc = prior.locateName?.();
        const at = loc ? `${prior.file}:${loc.line}:${loc.column}` : prior.file;
        own.push(new ConfigError(job.file, where(job), `duplicate figure name "${job.figure.name}" (also in ${at})`, job.locateName?.()));
        continue;
      }
      byName.set(job.figure.name, job);
      const final = override(job, overrides);
      if (final instanceof ConfigError) own.push(final);
      else jobs.push(final);
    }
  }
  // A JSON file that a figure reads as its data (or model) is not a config, though it sits among
  // them: its "expected a figure object" is no error.
  const read = new Set(jobs.flatMap((j) => Object.keys(figureModels(j.figure)).map((f) => path.resolve(f))));
  const configs = files.filter((f) => !read.has(path.resolve(f)));
  for (const f of configs) errors.push(...(fileErrors.get(f) ?? []));
  if (!overrides.themes?.length) return { files: configs, jobs, errors };
  const withVariants: Job[] = [];
  for (const job of jobs) {
    for (const v of themed(job, overrides.themes)) {
      const clash = v.variantOf !== undefined ? byName.get(v.figure.name) : undefined;
      if (clash) {
        const loc = clash.locateName?.();
        errors.push(new ConfigError(job.file, where(job), `with --themes, the ${v.figure.theme ?? 'light'} variant of "${job.figure.name}" is named "${v.figure.name}", which is the name of a figure in ${loc ? `${clash.file}:${loc.line}:${loc.column}` : clash.file}; rename one of them`, job.locateName?.()));
        continue;
      }
      withVariants.push(v);
    }
  }
  return { files: configs, jobs: withVariants, errors };
}

function where(job: Job): string {
  return job.pointer ? job.pointer.slice(1).replace(/\/(\d+)/g, '[$1]') + '.name' : 'name';
}
