import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { inShard, parseShard, shardOf } from '../../src/pipeline/shard.js';
import { cli, cliJson, hashes, manyFigures, readJson, tempDir, withFixtures, writeJson } from './helpers.js';
import { render } from '../../src/pipeline/run.js';
import { draw, inProcessRenderer, type Draw } from '../../src/pipeline/in-process.js';
import { createReporter } from '../../src/pipeline/progress.js';

describe('shards', () => {
  it('parseShard(text) accepts k/n with 1 <= k <= n and explains anything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '1/0', '3', 'a/b', '-1/2', '1/2/3', '']) expect(parseShard(bad)).toMatch(/^--shard: /);
  });

  it('shardOf(name, n) puts every name in exactly one shard, stably, and spreads them out', () => {
    const names = Array.from({ length: 600 }, (_, i) => `figure-${i}`);
    for (const n of [1, 2, 3, 7]) {
      const counts = new Array(n).fill(0);
      for (const name of names) {
        const k = shardOf(name, n);
        expect(k).toBeGreaterThanOrEqual(1);
        expect(k).toBeLessThanOrEqual(n);
        expect(shardOf(name, n)).toBe(k);
        expect(Array.from({ length: n }, (_, i) => inShard(name, { index: i + 1, count: n })).filter(Boolean)).toHaveLength(1);
        counts[k - 1]++;
      }
      for (const c of counts) expect(c).toBeGreaterThan((600 / n) * 0.7);
    }
    // Pinned values: shards must agree across machines, runs and versions.
    expect(['relu', 'step', 'perceptron-relu-1'].map((n) => [shardOf(n, 4), shardOf(n, 3)])).toEqual([[1, 1], [3, 1], [4, 2]]);
  });

  it('render --shard k/n for every k covers each figure exactly once; merge joins them into what one run writes', () => {
    const dir = withFixtures(tempDir('shard'), 'basic', 'more');
    writeJson(path.join(dir, 'configs/many.json'), manyFigures(10, 's'));
    const whole = cliJson(['render', 'configs', '--out', 'whole'], dir);
    expect(whole.code).toBe(0);
    const all = whole.json.figures.map((f: { name: string }) => f.name);
    expect(all).toHaveLength(17);

    const seen: string[] = [];
    for (const k of [1, 2, 3]) {
      // Each shard on its own "machine": its own folder, as a CI artifact would be.
      const r = cliJson(['render', 'configs', '--out', `shard-${k}`, '--shard', `${k}/3`, '--jobs', '1'], dir);
      expect(r.code, r.err).toBe(0);
      const files = fs.readdirSync(path.join(dir, `shard-${k}`));
      expect(files).toContain(`manifest.shard-${k}-of-3.json`);
      expect(files).not.toContain('manifest.json');
      expect(files).not.toContain('index.html');
      const m = readJson(path.join(dir, `shard-${k}/manifest.shard-${k}-of-3.json`));
      expect(m.shard).toBe(`${k}/3`);
      expect(m.figures.map((f: { name: string }) => f.name)).toEqual(r.json.figures.map((f: { name: string }) => f.name));
      seen.push(...m.figures.map((f: { name: string }) => f.name));
    }
    expect(seen.sort()).toEqual([...all].sort());
    expect(new Set(seen).size).toBe(seen.length);

    const merged = cli(['merge', 'shard-1/manifest.shard-1-of-3.json', 'shard-2/manifest.shard-2-of-3.json', 'shard-3/manifest.shard-3-of-3.json', '--out', 'merged'], dir);
    expect(merged.code, merged.err).toBe(0);
    expect(merged.err).toMatch(/merged 3 manifests: 17 figures in merged[/\\]manifest\.json, 17 copied/);
    expect(hashes(path.join(dir, 'merged'))).toEqual(hashes(path.join(dir, 'whole')));
    expect(cli(['check', 'configs', '--out', 'merged'], dir).code).toBe(0);
  });

  it('shards rendering into one folder, then merge in place', () => {
    const dir = withFixtures(tempDir('shard-same'), 'basic', 'more');
    for (const k of [1, 2]) expect(cli(['render', 'configs', '--out', 'out', '--shard', `${k}/2`], dir).code).toBe(0);
    // A second shard run is incremental against its own manifest.
    expect(cliJson(['render', 'configs', '--out', 'out', '--shard', '1/2'], dir).json.counts.rendered).toBe(0);
    const r = cli(['merge', 'out/manifest.shard-1-of-2.json', 'out/manifest.shard-2-of-2.json', '--out', 'out'], dir);
    expect(r.code, r.err).toBe(0);
    expect(cli(['check', 'configs', '--out', 'out'], dir).code).toBe(0);
    // And a plain run afterwards finds everything current.
    expect(cliJson(['render', 'configs', '--out', 'out'], dir).json.counts.rendered).toBe(0);
  });

  it('merge refuses conflicting or damaged inputs and then writes nothing', () => {
    const dir = withFixtures(tempDir('merge-bad'), 'basic');
    expect(cli(['render', 'configs', '--out', 'a', '--shard', '1/2'], dir).code).toBe(0);
    expect(cli(['render', 'configs', '--out', 'b', '--shard', '2/2'], dir).code).toBe(0);
    const ma = path.join(dir, 'a/manifest.shard-1-of-2.json');
    const mb = path.join(dir, 'b/manifest.shard-2-of-2.json');
    const names = readJson(ma).figures.map((f: { file: string }) => f.file);
    fs.appendFileSync(path.join(dir, 'a', names[0]), 'x');
    const r = cli(['merge', ma, mb, '--out', 'm'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/does not match the sha256/);
    expect(r.err).toMatch(/nothing written/);
    expect(fs.existsSync(path.join(dir, 'm/manifest.json'))).toBe(false);
    const other = readJson(mb);
    writeJson(mb, { ...other, actiplot: '9.9.9' });
    expect(cli(['merge', mb, ma, '--out', 'm'], dir).err).toMatch(/render every shard with the same actiplot/);
    expect(cli(['merge', 'nope.json', '--out', 'm'], dir).err).toMatch(/nope\.json: no such file/);
    expect(cli(['render', '--shard', '3/2'], dir).code).toBe(2);
  });

  it('merge refuses an incomplete set of shards, naming the missing shard numbers, and writes nothing', () => {
    const dir = withFixtures(tempDir('merge-incomplete'), 'basic', 'more');
    for (const k of [1, 2, 3]) expect(cli(['render', 'configs', '--out', `s${k}`, '--shard', `${k}/3`], dir).code).toBe(0);
    const m = (k: number) => `s${k}/manifest.shard-${k}-of-3.json`;
    const one = cli(['merge', m(1), '--out', 'merged'], dir);
    expect(one.code).toBe(1);
    expect(one.err).toContain('incomplete set of shards: shards 2, 3 of 3 missing (got 1); merge every manifest.shard-k-of-3.json');
    expect(one.err).toMatch(/nothing written/);
    expect(fs.existsSync(path.join(dir, 'merged'))).toBe(false);
    const two = cli(['merge', m(3), m(1), '--out', 'merged'], dir);
    expect(two.code).toBe(1);
    expect(two.err).toContain('incomplete set of shards: shard 2 of 3 missing (got 1, 3)');
    const all = cli(['merge', m(3), m(1), m(2), '--out', 'merged'], dir);
    expect(all.code, all.err).toBe(0);
  });

  it("merge keeps the shards' failures: the merged manifest and gallery list each error line once", async () => {
    const dir = withFixtures(tempDir('merge-failed'), 'basic');
    fs.writeFileSync(path.join(dir, 'configs/broken.json'), '{ "name": "broken", "kind": "nope" }\n');
    const faulty: Draw = (f, mode) => (f.name === 'relu-line' ? Promise.reject(new Error('injected fault while drawing relu-line')) : draw(f, mode));
    const quiet = createReporter({ mode: 'lines', line: () => {}, error: () => {}, closing: () => {} });
    for (const k of [1, 2]) {
      const r = await render({ paths: [path.join(dir, 'configs')], out: path.join(dir, `s${k}`), shard: { index: k, count: 2 }, reporter: quiet, renderer: inProcessRenderer({ draw: faulty }) });
      expect(r.failed.length).toBeGreaterThan(0);
    }
    const r = cli(['merge', 's1/manifest.shard-1-of-2.json', 's2/manifest.shard-2-of-2.json', '--out', 'merged'], dir);
    expect(r.code, r.err).toBe(0);
    const failed: string[] = readJson(path.join(dir, 'merged/manifest.json')).failed;
    expect(failed.filter((l) => l.startsWith(path.join(dir, 'configs', 'broken.json')))).toHaveLength(1);
    expect(failed).toContain(`${path.join(dir, 'configs', 'basic', 'lines.json')}: relu-line: failed to render: injected fault while drawing relu-line`);
    const html = fs.readFileSync(path.join(dir, 'merged/index.html'), 'utf8');
    expect(html).toContain('<section class="failed" id="failed">');
    expect(html).toContain('relu-line: failed to render: injected fault while drawing relu-line');
  });
});
