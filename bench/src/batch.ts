/**
 * Batch runs of the real CLI (`node bin/actiplot.js`), timed from spawn to exit as a user sees
 * them: 200 contour figures with --jobs 1 and --jobs 2 (each into a fresh output folder), then the
 * same render again with nothing changed, beside `actiplot --version` and a bare `node -e 0`.
 * The variants alternate, so drift on a shared machine spreads over all of them. On Linux the CPU
 * time of each run (all its processes and threads) is read too: it shows what parallel rendering
 * costs beyond the work itself.
 *
 * Beside them, a yardstick for --jobs 2: two independent `--jobs 1` runs of half the figures each,
 * started together. They share nothing and wait for nothing, so what they gain over one run of all
 * the figures is what two Node processes get out of this machine for this work without any
 * coordination; --jobs 2's gain is reported as a fraction of it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median } from './stats.js';
import { ROOT, writeContourConfigs } from './figures.js';

const BIN = path.join(ROOT, 'bin/actiplot.js');

/** CPU milliseconds of this process's waited-for children so far (Linux: /proc/self/stat), else NaN. */
function childrenCpuMs(): number {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // clock ticks of 10 ms (CLK_TCK 100)
  } catch {
    return NaN;
  }
}

interface Run {
  ms: number;
  cpuMs: number;
}

/** Node with `args`; rejects unless it exits 0. */
function node(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr}`))));
  });
}

/** Several Node processes started together: wall time from the first spawn to the last exit, and their CPU time. */
async function run(cwd: string, ...argsList: string[][]): Promise<Run> {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  await Promise.all(argsList.map((args) => node(args, cwd)));
  return { ms: performance.now() - t0, cpuMs: childrenCpuMs() - c0 };
}

export interface BatchResult {
  figures: number;
  jobs1: number;
  jobs2: number;
  /** jobs1 / jobs2 (of the medians). */
  speedup: number;
  /** jobs1 / jobs2 within each round of runs: how much the ratio moves on this machine. */
  pairSpeedups: number[];
  /** CPU time of the runs (all processes), medians. */
  jobs1Cpu: number;
  jobs2Cpu: number;
  /** Two independent --jobs 1 runs of half the figures each, started together (median). */
  halves: number;
  halvesCpu: number;
  /** jobs1 / halves: what two processes that share nothing gain over one on this machine. */
  halvesSpeedup: number;
  /** halves / jobs2: --jobs 2 as a fraction of that (above 1: faster than the two halves). */
  ofHalves: number;
  noop: number;
  /** One contour figure from a cold start: `render` of one config into a fresh folder. */
  single: number;
  version: number;
  node: number;
  /** noop / version. */
  noopRatio: number;
  runs: { jobs1: Run[]; jobs2: Run[]; halves: Run[]; noop: Run[]; single: Run[]; version: Run[]; node: Run[] };
}

export async function batch(count: number, renderRuns: number, startRuns: number): Promise<BatchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-bench-batch-'));
  try {
    const configs = writeContourConfigs(dir, count);
    // The same configs dealt into two folders, alternately, so each half has the same mix.
    const halves = ['half-a', 'half-b'];
    fs.readdirSync(configs).sort().forEach((name, i) => {
      const to = path.join(dir, halves[i % 2], 'configs');
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(path.join(configs, name), path.join(to, name));
    });
    const renderArgs = (from: string, out: string, jobs?: number) => [BIN, 'render', from, '--out', out, ...(jobs ? ['--jobs', String(jobs)] : []), '--quiet'];
    const fresh = (out: string) => {
      fs.rmSync(out, { recursive: true, force: true });
      return out;
    };
    const variants = {
      jobs1: () => run(dir, renderArgs('configs', fresh(path.join(dir, 'out-1')), 1)),
      jobs2: () => run(dir, renderArgs('configs', fresh(path.join(dir, 'out-2')), 2)),
      halves: () => run(dir, ...halves.map((h) => renderArgs(path.join(h, 'configs'), fresh(path.join(dir, h, 'out')), 1))),
    };
    const order = ['jobs1', 'jobs2', 'halves'] as const;
    const runs: BatchResult['runs'] = { jobs1: [], jobs2: [], halves: [], noop: [], single: [], version: [], node: [] };
    for (let i = 0; i < renderRuns; i++) {
      // Each round starts with the next variant, so none always runs first (or right after another).
      for (let k = 0; k < order.length; k++) {
        const v = order[(i + k) % order.length];
        runs[v].push(await variants[v]());
      }
    }
    const out = path.join(dir, 'out-2');
    await run(dir, renderArgs('configs', out)); // up to date already; warms the file cache for the no-op runs
    for (let i = 0; i < startRuns; i++) {
      runs.noop.push(await run(dir, renderArgs('configs', out))); // the default --jobs, as a user runs it
      runs.single.push(await run(dir, renderArgs(path.join('configs', 'contour-0000.json'), fresh(path.join(dir, 'out-one')))));
      runs.version.push(await run(dir, [BIN, '--version']));
      runs.node.push(await run(dir, ['-e', '0']));
    }
    const m = (list: Run[], key: keyof Run = 'ms') => median(list.map((r) => r[key]));
    const jobs1 = m(runs.jobs1);
    const jobs2 = m(runs.jobs2);
    const halvesMs = m(runs.halves);
    const noop = m(runs.noop);
    const version = m(runs.version);
    return {
      figures: count, jobs1, jobs2, speedup: jobs1 / jobs2, pairSpeedups: runs.jobs1.map((r, i) => r.ms / runs.jobs2[i].ms), jobs1Cpu: m(runs.jobs1, 'cpuMs'), jobs2Cpu: m(runs.jobs2, 'cpuMs'),
      halves: halvesMs, halvesCpu: m(runs.halves, 'cpuMs'), halvesSpeedup: jobs1 / halvesMs, ofHalves: halvesMs / jobs2,
      noop, single: m(runs.single), version, node: m(runs.node), noopRatio: noop / version, runs,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
