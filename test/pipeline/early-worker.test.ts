import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { earlyWorkerWanted } from '../../src/cli/early-worker-wanted.js';
import { defaultJobs } from '../../src/pipeline/default-jobs.js';
import { MANIFEST_FILE } from '../../src/pipeline/manifest.js';
import { discardEarlyWorker, startEarlyWorker } from '../../src/pipeline/early-worker.js';
import { processPool } from '../../src/pipeline/pool.js';
import type { ResolvedFigure } from '../../src/model/figure.js';
import { FIXTURES, ROOT, cli, tempDir } from './helpers.js';

const fake = path.join(FIXTURES, 'fake-worker.mjs');
const fig = (name: string) => ({ name }) as unknown as ResolvedFigure;
const exited = (child: ChildProcess) =>
  new Promise<string | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode);
    else child.once('exit', (_code, signal) => resolve(signal));
  });

describe('earlyWorkerWanted(argv, cwd): the guess bin/actiplot.js makes before loading the CLI', () => {
  // "built" has an output folder with a manifest (an incremental run); "fresh" has none.
  const fresh = tempDir('guess-fresh');
  const built = tempDir('guess-built');
  fs.mkdirSync(path.join(built, 'output'));
  fs.writeFileSync(path.join(built, 'output', MANIFEST_FILE), '{}');
  fs.mkdirSync(path.join(built, 'site'));
  it.each([
    ['fresh', ['render', 'configs', '--jobs', '2'], true],
    ['fresh', ['render', 'configs', '--jobs=3', '--quiet'], true],
    ['fresh', ['--debug', 'render', '-j', '2'], true],
    ['fresh', ['render', 'configs'], defaultJobs() > 1],
    ['fresh', ['render', 'configs', '-j', '1'], false],
    ['fresh', ['render', '--jobs', '1', 'configs'], false],
    ['fresh', ['render', '--jobs', 'many'], false],
    ['fresh', ['render', 'configs', '--jobs', '2', '--help'], false],
    ['fresh', ['eval', '--activation', 'relu', '--input', '1'], false],
    ['fresh', ['check', 'configs', '--jobs', '2'], false],
    ['built', ['render', 'configs', '--jobs', '2'], false],
    ['built', ['render', 'configs', '--jobs', '2', '--force'], true],
    ['built', ['render', 'configs', '--jobs', '2', '-o', 'site'], true],
    ['built', ['render', 'configs', '--jobs', '2', '--out=site', '--out', 'output'], false],
  ] as const)('%s: %j -> %s', (folder, argv, expected) => {
    expect(earlyWorkerWanted(argv, folder === 'fresh' ? fresh : built)).toBe(expected);
  });
});

describe('the early worker', () => {
  afterEach(() => discardEarlyWorker());

  it('is adopted by the first pool for its script, which renders with it', async () => {
    const early = startEarlyWorker(fake)!;
    expect(early.pid).toBeGreaterThan(0);
    const pool = processPool(1, fake);
    try {
      const results = await Promise.all(['a', 'b', 'c'].map((n) => pool.render(fig(n))));
      expect(results.map((r) => r.ok && r.bytes.toString().split(':')[1])).toEqual([String(early.pid), String(early.pid), String(early.pid)]);
    } finally {
      await pool.close();
    }
    expect(await exited(early)).toBe('SIGTERM');
  });

  it('is left alone by a pool for another script, and stopped by discardEarlyWorker', async () => {
    const early = startEarlyWorker(fake)!;
    const pool = processPool(1, path.join(ROOT, 'dist/pipeline/worker.js'));
    try {
      expect(early.exitCode).toBeNull();
    } finally {
      await pool.close();
    }
    expect(early.signalCode).toBeNull();
    discardEarlyWorker();
    expect(await exited(early)).toBe('SIGTERM');
  });

  it('never keeps the CLI from exiting: a render run that stops at bad usage ends, and its worker with it', () => {
    const dir = tempDir('early');
    // spawnSync waits for stdout and stderr to close, which the worker holds too.
    const r = cli(['render', 'configs', '--jobs', '2', '--bogus'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown argument: bogus/);
  });
});
