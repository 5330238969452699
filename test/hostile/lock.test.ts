/**
 * lockOutput / lockOutputSync (src/pipeline/lock.ts) and the lock in real concurrent runs: a second
 * run into the same --out waits for the first and keeps its figures; a killed run's lock is stale.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, lockOutput, lockOutputSync } from '../../src/pipeline/lock.js';
import { ROOT, tempDir } from './corpus.js';

const BIN = path.join(ROOT, 'bin/actiplot.js');

/** A pid that existed and has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('lockOutput(dir, opts)', () => {
  it('a second lock waits up to waitMs, then names the holder; after release it is free', async () => {
    const dir = tempDir('lock');
    const a = await lockOutput(dir);
    expect(a.refusal).toBeUndefined();
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    const notes: string[] = [];
    const b = await lockOutput(dir, { waitMs: 150, onWait: (m) => notes.push(m) });
    expect(b.refusal).toMatch(new RegExp(`is in use by another actiplot run \\(pid ${process.pid}, since .*\\).*delete .*${LOCK_FILE}`));
    expect(notes).toHaveLength(1);
    expect(lockOutputSync(dir, { waitMs: 0 }).refusal).toMatch(/in use by another actiplot run/);
    a.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const c = lockOutputSync(dir, { waitMs: 0 });
    expect(c.refusal).toBeUndefined();
    c.release();
  });

  it('a waiting run gets the lock as soon as the holder releases it', async () => {
    const dir = tempDir('lock-wait');
    const a = await lockOutput(dir);
    setTimeout(() => a.release(), 200);
    const b = await lockOutput(dir, { waitMs: 10_000 });
    expect(b.refusal).toBeUndefined();
    b.release();
  });

  it('a lock left by a dead process, or by a reused pid, is stale and taken over at once', async () => {
    const dir = tempDir('lock-stale');
    const file = path.join(dir, LOCK_FILE);
    fs.writeFileSync(file, JSON.stringify({ pid: deadPid(), start: 1, host: os.hostname(), since: 'then' }));
    const a = await lockOutput(dir, { waitMs: 0 });
    expect(a.refusal).toBeUndefined();
    a.release();
    // Our own pid, but a start time that is not ours: the pid was reused by a later process.
    fs.writeFileSync(file, JSON.stringify({ pid: process.pid, start: -7, host: os.hostname(), since: 'then' }));
    const b = await lockOutput(dir, { waitMs: 0 });
    expect(b.refusal).toBeUndefined();
    b.release();
  });

  it('garbage in the lock file is stale once it is old; a folder by that name is refused', async () => {
    const dir = tempDir('lock-garbage');
    const file = path.join(dir, LOCK_FILE);
    fs.writeFileSync(file, '\0\0not json');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    const a = await lockOutput(dir, { waitMs: 0 });
    expect(a.refusal).toBeUndefined();
    a.release();
    fs.mkdirSync(file);
    expect((await lockOutput(dir, { waitMs: 0 })).refusal).toMatch(/is not a lock file actiplot made/);
  });

  it('releasing a lock that was taken over does not remove the new holder\'s lock', async () => {
    const dir = tempDir('lock-taken');
    const a = await lockOutput(dir);
    const other = JSON.stringify({ pid: process.pid, start: null, host: os.hostname(), since: 'later' });
    fs.writeFileSync(path.join(dir, LOCK_FILE), other);
    a.release();
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe(other);
  });
});

function run(args: string[], cwd: string): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.once('exit', (code) => resolve({ code, err }));
  });
}

const figures = (prefix: string, n: number) => ({
  figures: Array.from({ length: n }, (_, i) => ({ name: `${prefix}-${i}`, kind: 'contour', width: 300, height: 200, perceptron: { weights: [1, 2], bias: i / 10, activation: 'relu' } })),
});

describe('concurrent renders into one --out', () => {
  it('both exit 0 and the manifest keeps both runs\' figures', async () => {
    const dir = tempDir('concurrent');
    for (const p of ['a', 'b']) {
      fs.mkdirSync(path.join(dir, p));
      fs.writeFileSync(path.join(dir, p, `${p}.json`), JSON.stringify(figures(p, 12)));
    }
    const [a, b] = await Promise.all([run(['render', 'a', '--out', 'out', '--jobs', '1'], dir), run(['render', 'b', '--out', 'out', '--jobs', '1'], dir)]);
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    const names = JSON.parse(fs.readFileSync(path.join(dir, 'out/manifest.json'), 'utf8')).figures.map((f: { name: string }) => f.name).sort();
    expect(names).toEqual([...figures('a', 12).figures, ...figures('b', 12).figures].map((f) => f.name).sort());
    expect(fs.existsSync(path.join(dir, 'out', LOCK_FILE))).toBe(false);
  }, 120_000);

  it('a run killed with SIGKILL leaves a lock the next run takes over without waiting', async () => {
    const dir = tempDir('killed');
    fs.mkdirSync(path.join(dir, 'c'));
    fs.writeFileSync(path.join(dir, 'c/a.json'), JSON.stringify(figures('k', 40)));
    const child = spawn(process.execPath, [BIN, 'render', 'c', '--out', 'out', '--jobs', '1'], { cwd: dir, env: { ...process.env, CI: 'true' }, stdio: 'ignore' });
    const lock = path.join(dir, 'out', LOCK_FILE);
    for (let i = 0; i < 500 && !fs.existsSync(lock); i++) await new Promise((r) => setTimeout(r, 10));
    expect(fs.existsSync(lock)).toBe(true);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(fs.existsSync(lock)).toBe(true);
    const again = await run(['render', 'c', '--out', 'out', '--jobs', '1'], dir);
    expect(again.code, again.err).toBe(0);
    expect(again.err).not.toMatch(/waiting for another actiplot run/);
    expect(fs.existsSync(lock)).toBe(false);
  }, 120_000);
});
