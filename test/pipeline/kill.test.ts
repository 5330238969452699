import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { cli, hashes, manyFigures, start, tempDir, waitFor, writeJson } from './helpers.js';

const N = 60;

function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('render: killed mid-batch', () => {
  it('SIGKILL leaves every file old or new, never truncated; workers exit; the next run repairs the rest', async () => {
    const dir = tempDir('kill');
    const cfg = path.join(dir, 'configs/many.json');
    writeJson(cfg, manyFigures(N, 'k', [400, 300]));
    expect(cli(['render', 'configs', '--out', 'out', '--jobs', '2'], dir).code).toBe(0);
    const out = path.join(dir, 'out');
    const old = hashes(out);

    // Change every figure, start a run and kill it once a few files are new.
    const changed = manyFigures(N, 'k', [400, 300]) as { figures: { title: string }[] };
    for (const f of changed.figures) f.title += ' (v2)';
    writeJson(cfg, changed);
    const child = start(['render', 'configs', '--out', 'out', '--jobs', '2'], dir);
    const exited = new Promise((r) => child.once('exit', r));
    const pngs = () => Object.entries(hashes(out)).filter(([n]) => n.endsWith('.png'));
    await waitFor(() => pngs().filter(([n, h]) => h !== old[n]).length >= 3, 20_000, 'the run to write some new files');
    const workers = childPids(child.pid!);
    child.kill('SIGKILL');
    await exited;
    const snapshot = pngs();
    const temps = fs.readdirSync(out).filter((n) => n.endsWith('.actiplot-tmp'));

    // Every PNG decodes completely.
    for (const [n] of snapshot) expect(() => PNG.sync.read(fs.readFileSync(path.join(out, n))), n).not.toThrow();
    // The workers noticed their parent was gone and exited.
    expect(workers.length).toBeGreaterThan(0);
    await waitFor(() => workers.every((p) => !alive(p)), 5_000, 'the workers to exit');

    const repair = cli(['render', 'configs', '--out', 'out', '--jobs', '2'], dir);
    expect(repair.code, repair.err).toBe(0);
    const now = hashes(out);
    let kept = 0;
    let fresh = 0;
    for (const [n, h] of snapshot) {
      expect([old[n], now[n]], n).toContain(h);
      if (h === old[n]) kept++;
      else fresh++;
    }
    // The kill came mid-batch: some files were already new, some still old.
    expect(fresh).toBeGreaterThanOrEqual(3);
    expect(kept).toBeGreaterThan(0);
    expect(Object.keys(now).filter((n) => n.endsWith('.png'))).toHaveLength(N);
    expect(fs.readdirSync(out).filter((n) => n.endsWith('.actiplot-tmp'))).toEqual([]);
    expect(temps.every((t) => t.startsWith('.'))).toBe(true);
    expect(cli(['check', 'configs', '--out', 'out'], dir).code).toBe(0);
  });
});
