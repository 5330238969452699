import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { hashes, readJson, start, tempDir, waitFor, withFixtures, writeJson } from './helpers.js';

describe('render --watch', () => {
  it('re-renders the figures whose config changed, reports config errors without exiting, stops on SIGTERM', async () => {
    const dir = withFixtures(tempDir('watch'), 'basic');
    const child = start(['render', 'configs', '--out', 'out', '--watch', '--jobs', '1'], dir);
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (err += d));
    const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      await waitFor(() => /watching for changes/.test(err), 15_000, 'the first run');
      expect(out.match(/^rendered /gm)).toHaveLength(4);
      const before = hashes(path.join(dir, 'out'));

      out = '';
      const file = path.join(dir, 'configs/basic/lines.json');
      const cfg = readJson(file);
      cfg.figures[0].title = 'ReLU, edited while watching';
      writeJson(file, cfg);
      await waitFor(() => hashes(path.join(dir, 'out'))['relu-line.png'] !== before['relu-line.png'], 15_000, 'relu-line.png to change');
      await waitFor(() => /up to date .*step-contour/.test(out), 5_000, 'the run to finish');
      expect(out.match(/^rendered .*$/gm)).toEqual([expect.stringMatching(/^rendered +out[/\\]relu-line\.png /)]);
      const after = hashes(path.join(dir, 'out'));
      for (const n of ['relu-contour.png', 'step-contour.png', 'step-line.png']) expect(after[n]).toBe(before[n]);

      err = '';
      fs.writeFileSync(path.join(dir, 'configs/basic/broken.json'), '{ "name": "broken", "kind": "line", "series": [ }');
      await waitFor(() => /broken\.json:1:\d+: /.test(err), 15_000, 'the config error');
      expect(child.exitCode).toBe(null);
      fs.writeFileSync(path.join(dir, 'configs/basic/broken.json'), JSON.stringify({ name: 'broken', kind: 'line', width: 200, height: 150, series: [{ activation: 'relu' }] }));
      await waitFor(() => fs.existsSync(path.join(dir, 'out/broken.png')), 15_000, 'the fixed config to render');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await Promise.race([exit, new Promise((r) => setTimeout(() => r('timeout'), 10_000))])).toBe(0);
  });
});
