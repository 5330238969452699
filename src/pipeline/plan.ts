/**
 * Planning: config paths -> validated figure jobs plus every config error found on the way.
 * Figures whose names clash across files are errors at both places.
 */
import fs from 'node:fs';
import { parseConfigText } from '../config/load.js';
import { validateConfig } from '../config/validate.js';
import { ConfigError, type Location } from '../config/messages.js';
import type { ResolvedFigure } from '../config/defaults.js';
import { findConfigs } from './find-configs.js';

export interface Job {
  file: string;
  /** JSON pointer of the figure within its file. */
  pointer: string;
  figure: ResolvedFigure;
  /** Where the figure's name stands in its file (for errors that point at it). */
  nameLoc?: Location;
}

export interface Plan {
  files: string[];
  jobs: Job[];
  errors: ConfigError[];
}

export function loadFile(file: string): { jobs: Job[]; errors: ConfigError[] } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { jobs: [], errors: [new ConfigError(file, '', `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`)] };
  }
  try {
    const v = validateConfig(parseConfigText(file, bytes));
    return { jobs: v.figures.map((f) => ({ file, pointer: f.pointer, figure: f.figure, nameLoc: f.nameLoc })), errors: v.errors };
  } catch (err) {
    if (err instanceof ConfigError) return { jobs: [], errors: [err] };
    throw err;
  }
}

/** `exclude`: folders not to search (a render passes its output folder, which holds manifest.json). */
export function plan(paths: readonly string[], exclude: readonly string[] = []): Plan {
  const { files, missing } = findConfigs(paths, exclude);
  const errors: ConfigError[] = missing.map((p) => new ConfigError(p, '', 'no such file or folder'));
  const jobs: Job[] = [];
  const byName = new Map<string, Job>();
  for (const file of files) {
    const r = loadFile(file);
    errors.push(...r.errors);
    for (const job of r.jobs) {
      const prior = byName.get(job.figure.name);
      if (prior) {
        const at = prior.nameLoc ? `${prior.file}:${prior.nameLoc.line}:${prior.nameLoc.column}` : prior.file;
        errors.push(new ConfigError(job.file, where(job), `duplicate figure name "${job.figure.name}" (also in ${at})`, job.nameLoc));
        continue;
      }
      byName.set(job.figure.name, job);
      jobs.push(job);
    }
  }
  return { files, jobs, errors };
}

function where(job: Job): string {
  return job.pointer ? job.pointer.slice(1).replace(/\/(\d+)/g, '[$1]') + '.name' : 'name';
}
