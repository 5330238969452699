/**
 * `render --watch` on a folder, with configs saved the way editors and `sed -i` save them (a new
 * file renamed over the old): every save is seen, a fixed config's error is not reported again,
 * and a deleted config's error goes with it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './corpus.js';

const BIN = path.join(ROOT, 'bin/actiplot.js');

async function waitFor(test: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Writes like an editor: a temporary file beside it, then a rename over the config. */
function saveByRename(file: string, value: unknown): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.swp`);
  fs.writeFileSync(tmp, JSON.stringify(value));
  fs.renameSync(tmp, file);
}

const fig = (activation: string) => ({ name: 'a', kind: 'line', width: 200, height: 150, series: [{ activation }] });

describe('render --watch with saves by rename', () => {
  it('sees every save, and stops reporting errors of configs fixed or deleted', async () => {
    const dir = tempDir('watch');
    fs.mkdirSync(path.join(dir, 'configs'));
    const file = path.join(dir, 'configs/a.json');
    const broken = path.join(dir, 'configs/b.json');
    fs.writeFileSync(file, JSON.stringify(fig('relu')));
    const child = spawn(process.execPath, [BIN, 'render', 'configs', '--out', 'out', '--watch', '--jobs', '1'], { cwd: dir, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout!.on('data', (d) => (log += d));
    child.stderr!.on('data', (d) => (log += d));
    const runs = () => log.split('watching for changes').length - 1;
    const lastRun = () => log.split('watching for changes').at(-2) ?? '';
    try {
      await waitFor(() => runs() >= 1, 20_000, 'the first run');
      for (const [i, act] of ['rleu', 'relu', 'rleu', 'relu'].entries()) {
        saveByRename(file, fig(act));
        await waitFor(() => runs() >= i + 2, 15_000, `the run after save ${i + 1}`);
        if (act === 'rleu') expect(lastRun()).toMatch(/a\.json:1:\d+: series\[0\]\.activation: .*got "rleu"/);
        else {
          expect(lastRun()).not.toMatch(/rleu/);
          expect(lastRun()).toMatch(/0 failed/);
        }
      }
      fs.writeFileSync(broken, '{ "name": "b", ');
      await waitFor(() => /b\.json:1:\d+: invalid JSON/.test(lastRun()), 15_000, 'the broken config to be reported');
      const before = runs();
      fs.rmSync(broken);
      await waitFor(() => runs() > before, 15_000, 'the run after the deletion');
      expect(lastRun()).not.toMatch(/b\.json/);
      expect(lastRun()).toMatch(/0 failed/);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
  }, 120_000);
});
