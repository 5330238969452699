/**
 * A render run: plan, render each job, write each file atomically, report one line per figure.
 * A failure in one figure never stops the others; the caller turns the result into an exit code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { plan } from './plan.js';
import { writeAtomic } from './write.js';
import { renderFigure } from '../render-figure.js';

export interface RenderOptions {
  paths: string[];
  out: string;
  /** One line per event (figure written, error). */
  log?: (line: string) => void;
  error?: (line: string) => void;
}

export interface RenderResult {
  written: { name: string; file: string; source: string }[];
  failed: string[];
}

export function render(opts: RenderOptions): RenderResult {
  const log = opts.log ?? (() => {});
  const error = opts.error ?? (() => {});
  const p = plan(opts.paths);
  const result: RenderResult = { written: [], failed: [] };
  for (const e of p.errors) {
    result.failed.push(e.message);
    error(e.message);
  }
  if (p.jobs.length > 0) fs.mkdirSync(opts.out, { recursive: true });
  for (const job of p.jobs) {
    try {
      const r = renderFigure(job.figure);
      const file = writeAtomic(opts.out, r.fileName, r.bytes);
      result.written.push({ name: job.figure.name, file, source: job.file });
      log(`wrote ${path.join(opts.out, r.fileName)} (${r.width}×${r.height}, from ${job.file})`);
    } catch (err) {
      const msg = `${job.file}: ${job.figure.name}: failed to render: ${(err as Error).message}`;
      result.failed.push(msg);
      error(msg);
    }
  }
  return result;
}
