/**
 * Batch runs of the real CLI (`node bin/actiplot.js`), timed from spawn to exit as a user sees
 * them: 200 contour figures with --jobs 1 and --jobs 2 (each into a fresh output folder), then the
 * same render again with nothing changed, beside `actiplot --version` and a bare `node -e 0`.
 * The variants alternate, so drift on a shared machine spreads over all of them. On Linux the CPU
 * time of each run (all its processes and threads) is read too: it shows what parallel rendering
 * costs beyond the work itself.
 */
import { spawnSync } from 'node:child_process';
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

function run(args: string[], cwd: string): Run {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return { ms, cpuMs: childrenCpuMs() - c0 };
}

export interface BatchResult {
  figures: number;
  jobs1: number;
  jobs2: number;
  /** jobs1 / jobs2 (of the medians). */
  speedup: number;
  /** jobs1 / jobs2 of each pair of runs made back to back: how much the ratio moves on this machine. */
  pairSpeedups: number[];
  /** CPU time of the runs (all processes), medians. */
  jobs1Cpu: number;
  jobs2Cpu: number;
  noop: number;
  /** One contour figure from a cold start: `render` of one config into a fresh folder. */
  single: number;
  version: number;
  node: number;
  /** noop / version. */
  noopRatio: number;
  runs: { jobs1: Run[]; jobs2: Run[]; noop: Run[]; single: Run[]; version: Run[]; node: Run[] };
}

export function batch(count: number, renderRuns: number, startRuns: number): BatchResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-bench-batch-'));
  try {
    writeContourConfigs(dir, count);
    const render = (jobs: number | undefined, out: string) =>
      run([BIN, 'render', 'configs', '--out', out, ...(jobs ? ['--jobs', String(jobs)] : []), '--quiet'], dir);
    const runs: BatchResult['runs'] = { jobs1: [], jobs2: [], noop: [], single: [], version: [], node: [] };
    for (let i = 0; i < renderRuns; i++) {
      for (const jobs of i % 2 === 0 ? [1, 2] : [2, 1]) {
        const out = path.join(dir, `out-${jobs}`);
        fs.rmSync(out, { recursive: true, force: true });
        runs[jobs === 1 ? 'jobs1' : 'jobs2'].push(render(jobs, out));
      }
    }
    const out = path.join(dir, 'out-2');
    render(undefined, out); // up to date already; warms the file cache for the no-op runs
    for (let i = 0; i < startRuns; i++) {
      runs.noop.push(render(undefined, out)); // the default --jobs, as a user runs it
      const one = path.join(dir, 'out-one');
      fs.rmSync(one, { recursive: true, force: true });
      runs.single.push(run([BIN, 'render', path.join('configs', 'contour-0000.json'), '--out', one, '--quiet'], dir));
      runs.version.push(run([BIN, '--version'], dir));
      runs.node.push(run(['-e', '0'], dir));
    }
    const m = (list: Run[], key: keyof Run = 'ms') => median(list.map((r) => r[key]));
    const jobs1 = m(runs.jobs1);
    const jobs2 = m(runs.jobs2);
    const noop = m(runs.noop);
    const version = m(runs.version);
    return {
      figures: count, jobs1, jobs2, speedup: jobs1 / jobs2, pairSpeedups: runs.jobs1.map((r, i) => r.ms / runs.jobs2[i].ms), jobs1Cpu: m(runs.jobs1, 'cpuMs'), jobs2Cpu: m(runs.jobs2, 'cpuMs'),
      noop, single: m(runs.single), version, node: m(runs.node), noopRatio: noop / version, runs,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
