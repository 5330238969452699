/**
 * `check --verify`: `check`, then every figure (or those named) re-rendered in memory and its bytes
 * compared with the file in the output folder. Plain `check` trusts manifest.json; this does not,
 * so a pull request that edits a figure and its manifest line together is caught.
 */
import fs from 'node:fs';
import path from 'node:path';
import { plan, type Job } from './plan.js';
import { check, type CheckItem, type CheckOptions, type CheckResult } from './check.js';
import { renderInMemory } from './render-in-memory.js';

export interface VerifyItem {
  name: string;
  config: string;
  /** The file compared (joined with the output folder), or the figure's name when it has none. */
  path: string;
  reason: string;
}

export interface VerifyResult {
  /** Figures whose file differs from a fresh render (or that could not be compared). */
  differs: VerifyItem[];
  /** Names given in `only` that no config defines. */
  unknown: string[];
  /** Figures re-rendered. */
  verified: number;
}

const IN_FLIGHT = 4;

/** `only`: figure names to verify (all when empty). */
export async function verifyJobs(jobs: readonly Job[], out: string, only: readonly string[] = []): Promise<VerifyResult> {
  const names = new Set(jobs.map((j) => j.figure.name));
  const unknown = only.filter((n) => !names.has(n));
  const wanted = only.length ? new Set(only) : undefined;
  const chosen = jobs.filter((j) => !wanted || wanted.has(j.figure.name));
  const found: (VerifyItem | undefined)[] = new Array(chosen.length);
  const one = async (i: number): Promise<void> => {
    const fig = chosen[i].figure;
    const who = { name: fig.name, config: chosen[i].file };
    let rendered;
    try {
      rendered = await renderInMemory(fig);
    } catch (err) {
      found[i] = { ...who, path: fig.name, reason: `cannot re-render it: ${(err as Error).message}` };
      return;
    }
    const file = path.join(out, rendered.fileName);
    let have: Buffer;
    try {
      have = fs.readFileSync(file);
    } catch {
      found[i] = { ...who, path: file, reason: 'the file is not there' };
      return;
    }
    if (!have.equals(rendered.bytes)) found[i] = { ...who, path: file, reason: 'its bytes differ from a fresh render of its config' };
  };
  // A few figures in flight: the in-process renderer encodes them on libuv's threads while it draws the next.
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, chosen.length) }, async () => {
    while (next < chosen.length) await one(next++);
  }));
  const differs = found.filter((d): d is VerifyItem => d !== undefined);
  const verified = chosen.length;
  return { differs, unknown, verified };
}

/** `check` with `--verify`: its items gain a `differs` item for each figure whose bytes differ. */
export async function checkVerified(opts: CheckOptions, figures: readonly string[] = []): Promise<CheckResult> {
  const p = plan(opts.paths, [opts.out], opts.overrides);
  const c = check(opts, p);
  const v = await verifyJobs(p.jobs, opts.out, figures);
  const errors = [...c.errors, ...v.unknown.map((n) => `--figure: no figure named "${n}" in ${opts.paths.join(', ')}`)];
  const items = [...c.items, ...v.differs.map((d): CheckItem => ({ kind: 'differs', ...d }))];
  const bad = new Set(items.filter((i) => i.kind !== 'extra' && i.name !== undefined).map((i) => i.name));
  const current = p.jobs.filter((j) => !bad.has(j.figure.name)).length;
  return { ...c, items, errors, current, verified: v.verified, ok: items.length === 0 && errors.length === 0 };
}
