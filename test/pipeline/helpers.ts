/** Helpers for the pipeline's end-to-end tests: the real CLI (`node bin/actiplot.js`) in temp folders. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const BIN = path.join(ROOT, 'bin/actiplot.js');
export const FIXTURES = path.join(HERE, 'fixtures');

if (!fs.existsSync(path.join(ROOT, 'dist/pipeline/worker.js'))) {
  throw new Error('dist/ is missing or old: run "npm run build" (npm test does it) before these tests');
}

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

/** Runs the CLI in `cwd` as CI does (CI=true: plain lines, no progress bar). */
export function cli(args: string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', ...env }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The CLI with --json: the parsed result from stdout. */
export function cliJson(args: string[], cwd: string): CliResult & { json: any } {
  const r = cli([...args, '--json'], cwd);
  let json: unknown;
  try {
    json = JSON.parse(r.out);
  } catch {
    throw new Error(`not JSON on stdout (exit ${r.code}):\n${r.out}\n--- stderr:\n${r.err}`);
  }
  return { ...r, json };
}

export function start(args: string[], cwd: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, CI: 'true', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function tempDir(tag: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `actiplot-${tag}-`));
}

/** Copies fixture folders (`basic`, `more`) into `<dir>/configs/`. */
export function withFixtures(dir: string, ...names: string[]): string {
  for (const n of names) fs.cpSync(path.join(FIXTURES, n), path.join(dir, 'configs', n), { recursive: true });
  return dir;
}

export function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** sha256 of every file in a folder (not recursive), by name. */
export function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, n);
    if (fs.statSync(p).isFile()) out[n] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
  }
  return out;
}

/** A config file of `n` small, distinct figures (line and contour alternately). */
export function manyFigures(n: number, prefix = 'fig', size: [number, number] = [200, 150]): unknown {
  return {
    figures: Array.from({ length: n }, (_, i) =>
      i % 2 === 0
        ? { name: `${prefix}-${String(i).padStart(3, '0')}`, kind: 'line', title: `Line ${i}`, width: size[0], height: size[1], x: { range: [-3, 3], samples: 61 }, series: [{ activation: 'relu', bias: i / 10 }] }
        : {
            name: `${prefix}-${String(i).padStart(3, '0')}`, kind: 'contour', title: `Contour ${i}`, width: size[0], height: size[1],
            x: { range: [-5, 5], samples: 41 }, y: { range: [-5, 5], samples: 41 },
            perceptron: { weights: [1, 2], bias: -i / 4, activation: 'relu' }, levels: 21,
          },
    ),
  };
}

/** Polls `test` every 20 ms until it returns truthy or `ms` pass. */
export async function waitFor<T>(test: () => T | undefined | false, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = test();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
