/**
 * The hostile corpus runner: each case is a configs folder (a good figure beside the bad input), a
 * command line and what must come out. The runner checks, for every case: the exit code; one error
 * line naming the file and the problem; no stack trace and no multi-line error; nothing written
 * outside --out; the good figure rendered; Object.prototype untouched. `runInProcess` calls main()
 * in this process (fast); `runChild` runs the real CLI and measures its peak memory and wall time.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
const BIN = path.join(ROOT, 'bin/actiplot.js');
const PROBE = path.join(HERE, 'rss-probe.mjs');

export const GOOD = { name: 'good', kind: 'line', width: 200, height: 150, x: { range: [-2, 2], samples: 21 }, series: [{ activation: 'relu' }] };

/** What goes into configs/: JSON values, raw text or bytes, or a function that makes the file. */
export type Entry = unknown | string | Buffer | ((file: string) => void);

export interface Case {
  name: string;
  /** Files relative to configs/ (a good.json is added unless `good` is false). */
  files: Record<string, Entry>;
  /** The command; `{configs}`, `{out}`, `{dir}` are replaced. Default: render {configs} --out {out} --jobs 1. */
  args?: string[];
  env?: Record<string, string>;
  code: number;
  /** A line of stderr must match this (and name `names`, by default the first file's path). */
  message?: RegExp;
  names?: string | null;
  good?: boolean;
  /** Files that must exist in --out afterwards (besides good.png). */
  outputs?: string[];
  /** Called with the case's folder after the configs are written (to put odd files into out/). */
  prepare?: (dir: string) => void;
}

export interface Outcome {
  code: number;
  out: string[];
  err: string[];
  dir: string;
  ms: number;
  /** Peak resident memory of the CLI process in MB (child runs only). */
  peakMB?: number;
}

export function tempDir(tag: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `actiplot-hostile-${tag}-`));
}

export function setUp(c: Case): { dir: string; args: string[] } {
  const dir = tempDir(c.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 30));
  const configs = path.join(dir, 'configs');
  fs.mkdirSync(configs);
  const files = { ...(c.good === false ? {} : { 'good.json': GOOD }), ...c.files };
  for (const [rel, v] of Object.entries(files)) {
    const file = path.join(configs, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (typeof v === 'function') (v as (f: string) => void)(file);
    else if (typeof v === 'string' || Buffer.isBuffer(v)) fs.writeFileSync(file, v);
    else fs.writeFileSync(file, JSON.stringify(v));
  }
  c.prepare?.(dir);
  const sub = (a: string) => a.replace('{configs}', configs).replace('{out}', path.join(dir, 'out')).replace('{dir}', dir);
  const args = (c.args ?? ['render', '{configs}', '--out', '{out}', '--jobs', '1']).map(sub);
  return { dir, args };
}

/** Every path under `dir` except `out/`, with its kind and size: what must not change. */
function outside(dir: string): string[] {
  const list: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (rel === 'out') continue;
      const st = fs.lstatSync(p);
      list.push(`${rel} ${st.isDirectory() ? 'dir' : st.size}`);
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return list.sort();
}

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');

export async function runInProcess(c: Case): Promise<Outcome> {
  const { dir, args } = setUp(c);
  const before = outside(dir);
  const proto = protoKeys();
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(c.env ?? {})) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  const out: string[] = [];
  const err: string[] = [];
  const t0 = performance.now();
  let code: number;
  try {
    code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const o: Outcome = { code, out, err, dir, ms: performance.now() - t0 };
  expect(protoKeys(), 'Object.prototype gained keys').toBe(proto);
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype.polluted').toBeUndefined();
  check(c, o, before);
  return o;
}

/** The real CLI in a child process, with its peak RSS (from process.resourceUsage at exit) and wall time. */
export async function runChild(c: Case, timeoutMs = 60_000): Promise<Outcome> {
  const { dir, args } = setUp(c);
  const before = outside(dir);
  const rss = path.join(os.tmpdir(), `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', PROBE, BIN, ...args], {
    cwd: dir,
    env: { ...process.env, CI: 'true', ACTIPLOT_RSS_FILE: rss, ...c.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number>((resolve) => child.once('exit', (n, sig) => resolve(n ?? (sig ? 128 : -1))));
  clearTimeout(timer);
  const ms = performance.now() - t0;
  const peakMB = fs.existsSync(rss) ? Number(fs.readFileSync(rss, 'utf8')) / 1024 : undefined;
  fs.rmSync(rss, { force: true });
  const o: Outcome = { code, out: stdout.split('\n').filter(Boolean), err: stderr.split('\n').filter(Boolean), dir, ms, peakMB };
  check(c, o, before);
  return o;
}

/** A hang guard with a wide margin (vitest's own timeout would only say "timed out"). */
const MAX_RUN_MS = 30_000;

function check(c: Case, o: Outcome, before: string[]): void {
  const all = o.err.join('\n');
  expect(o.ms, `${c.name}: the run took ${Math.round(o.ms)} ms`).toBeLessThan(MAX_RUN_MS);
  const ctx = `${c.name}\n--- stderr:\n${all}\n--- stdout:\n${o.out.join('\n')}`;
  expect(o.code, ctx).toBe(c.code);
  // No stack trace, no internal error, and every error is one line.
  expect(all, ctx).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(all, ctx).not.toMatch(/internal error|TypeError|RangeError|ReferenceError|ERR_/);
  for (const l of o.err) expect(l.includes('\n'), ctx).toBe(false);
  if (c.message) {
    const named = c.names === null ? undefined : c.names ?? path.join(o.dir, 'configs', Object.keys(c.files)[0] ?? '');
    const hit = o.err.find((l) => c.message!.test(l) && (named === undefined || l.includes(named)));
    expect(hit, `${ctx}\n--- wanted a line matching ${c.message} naming ${named}`).toBeDefined();
  }
  expect(outside(o.dir), `${c.name}: something was written outside --out`).toEqual(before);
  const outDir = path.join(o.dir, 'out');
  for (const f of [...(c.good === false ? [] : ['good.png']), ...(c.outputs ?? [])]) {
    expect(fs.existsSync(path.join(outDir, f)), `${ctx}\n--- ${f} was not rendered beside the bad input`).toBe(true);
  }
}
