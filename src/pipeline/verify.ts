/**
 * `check --verify`: re-renders figures in memory and compares their bytes with the files in the
 * output folder. Plain `check` trusts manifest.json; this does not, so a pull request that edits a
 * figure and its manifest line together is caught.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Job } from './plan.js';
import { renderInMemory } from './render-in-memory.js';

export interface VerifyItem {
  name: string;
  config: string;
  /** The file compared (joined with the output folder). */
  path: string;
  reason: string;
}

export interface VerifyResult {
  /** Figures whose file differs from a fresh render (or that could not be compared). */
  differs: VerifyItem[];
  /** Names given with --figure that no config defines. */
  unknown: string[];
  /** Figures re-rendered. */
  verified: number;
}

/** `only`: figure names to verify (all when empty). */
export function verifyJobs(jobs: readonly Job[], out: string, only: readonly string[] = []): VerifyResult {
  const names = new Set(jobs.map((j) => j.figure.name));
  const unknown = only.filter((n) => !names.has(n));
  const wanted = only.length ? new Set(only) : undefined;
  const differs: VerifyItem[] = [];
  let verified = 0;
  for (const job of jobs) {
    const fig = job.figure;
    if (wanted && !wanted.has(fig.name)) continue;
    verified++;
    const who = { name: fig.name, config: job.file };
    let rendered;
    try {
      rendered = renderInMemory(fig);
    } catch (err) {
      differs.push({ ...who, path: fig.name, reason: `cannot re-render it: ${(err as Error).message}` });
      continue;
    }
    const file = path.join(out, rendered.fileName);
    let have: Buffer;
    try {
      have = fs.readFileSync(file);
    } catch {
      differs.push({ ...who, path: file, reason: 'the file is not there' });
      continue;
    }
    if (!have.equals(rendered.bytes)) differs.push({ ...who, path: file, reason: 'its bytes differ from a fresh render of its config' });
  }
  return { differs, unknown, verified };
}
