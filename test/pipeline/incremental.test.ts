import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { cli, cliJson, hashes, readJson, tempDir, withFixtures, writeJson } from './helpers.js';

const statusOf = (json: any) => Object.fromEntries(json.figures.map((f: any) => [f.name, f.status]));
const names = (json: any, status: string) => json.figures.filter((f: any) => f.status === status).map((f: any) => f.name);

describe('render: incremental runs', () => {
  // The first run, done once; each test gets a fresh copy of its result.
  let template: string;
  beforeAll(() => {
    template = withFixtures(tempDir('incr-template'), 'basic');
    const first = cliJson(['render', 'configs', '--out', 'out', '--jobs', '2'], template);
    expect(first.code, first.err).toBe(0);
    expect(names(first.json, 'rendered')).toEqual(['relu-contour', 'relu-line', 'step-contour', 'step-line']);
  });
  let dir: string;
  beforeEach(() => {
    dir = tempDir('incr');
    fs.cpSync(template, dir, { recursive: true, preserveTimestamps: true });
  });

  it('a second run renders nothing and changes no file', () => {
    const before = hashes(path.join(dir, 'out'));
    const r = cliJson(['render', 'configs', '--out', 'out'], dir);
    expect(r.code).toBe(0);
    expect(r.json.counts).toMatchObject({ rendered: 0, skipped: 4, failed: 0 });
    expect(hashes(path.join(dir, 'out'))).toEqual(before);
    expect(r.err).toMatch(/0 figures written, 0 failed, 4 up to date/);
  });

  it('a changed config re-renders only its changed figure; --force renders all', () => {
    const file = path.join(dir, 'configs/basic/contours.json');
    const cfg = readJson(file);
    cfg.figures[1].perceptron.bias = 7;
    writeJson(file, cfg);
    const r = cliJson(['render', 'configs', '--out', 'out'], dir);
    expect(statusOf(r.json)).toEqual({ 'relu-contour': 'skipped', 'relu-line': 'skipped', 'step-contour': 'rendered', 'step-line': 'skipped' });
    const forced = cliJson(['render', 'configs', '--out', 'out', '--force'], dir);
    expect(forced.json.counts.rendered).toBe(4);
  });

  it('a new title in one file re-renders that figure only; whitespace and key order in the file change nothing', () => {
    const file = path.join(dir, 'configs/basic/lines.json');
    const cfg = readJson(file);
    // Same figures, keys reordered and reformatted: the normalized config is the same.
    const reordered = { figures: cfg.figures.map((f: Record<string, unknown>) => Object.fromEntries(Object.entries(f).reverse())) };
    fs.writeFileSync(file, JSON.stringify(reordered));
    expect(cliJson(['render', 'configs', '--out', 'out'], dir).json.counts.rendered).toBe(0);
    reordered.figures[0].title = 'ReLU, renamed';
    fs.writeFileSync(file, JSON.stringify(reordered));
    expect(names(cliJson(['render', 'configs', '--out', 'out'], dir).json, 'rendered')).toEqual(['relu-line']);
  });

  it('an output changed or deleted by hand is rendered again', () => {
    fs.writeFileSync(path.join(dir, 'out/relu-line.png'), 'not a png');
    fs.rmSync(path.join(dir, 'out/step-line.png'));
    const r = cliJson(['render', 'configs', '--out', 'out'], dir);
    expect(names(r.json, 'rendered')).toEqual(['relu-line', 'step-line']);
    expect(fs.readFileSync(path.join(dir, 'out/relu-line.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('a file actiplot did not make is never overwritten without --force (unless it already holds the same bytes)', () => {
    const other = withFixtures(tempDir('incr-foreign'), 'basic');
    fs.mkdirSync(path.join(other, 'out'));
    fs.writeFileSync(path.join(other, 'out/relu-line.png'), 'mine');
    fs.copyFileSync(path.join(dir, 'out/step-line.png'), path.join(other, 'out/step-line.png'));
    const r = cliJson(['render', 'configs', '--out', 'out'], other);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path.join('out', 'relu-line.png')} exists and was not made by actiplot; delete it or pass --force`);
    expect(fs.readFileSync(path.join(other, 'out/relu-line.png'), 'utf8')).toBe('mine');
    expect(statusOf(r.json)).toEqual({ 'relu-contour': 'rendered', 'relu-line': 'failed', 'step-contour': 'rendered', 'step-line': 'rendered' });
    expect(readJson(path.join(other, 'out/manifest.json')).figures.map((f: any) => f.name)).toEqual(['relu-contour', 'step-contour', 'step-line']);
    const forced = cli(['render', 'configs', '--out', 'out', '--force'], other);
    expect(forced.code).toBe(0);
    expect(hashes(path.join(other, 'out'))).toEqual(hashes(path.join(dir, 'out')));
  });

  it('--prune deletes outputs of removed figures and nothing else; without it they are kept and reported', () => {
    fs.writeFileSync(path.join(dir, 'out/notes.txt'), 'keep me');
    fs.writeFileSync(path.join(dir, 'out/unrelated.png'), 'keep me too');
    const file = path.join(dir, 'configs/basic/contours.json');
    const cfg = readJson(file);
    cfg.figures.pop();
    writeJson(file, cfg);
    const kept = cli(['render', 'configs', '--out', 'out'], dir);
    expect(kept.code).toBe(0);
    expect(kept.out).toMatch(/kept .*step-contour\.png: figure "step-contour" is no longer in .*contours\.json; --prune deletes it/);
    expect(fs.existsSync(path.join(dir, 'out/step-contour.png'))).toBe(true);
    const pruned = cliJson(['render', 'configs', '--out', 'out', '--prune'], dir);
    expect(pruned.json.pruned).toEqual([path.join('out', 'step-contour.png')]);
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['index.html', 'manifest.json', 'notes.txt', 'relu-contour.png', 'relu-line.png', 'step-line.png', 'unrelated.png']);
    // A deleted config file: its figures are gone too.
    fs.rmSync(path.join(dir, 'configs/basic/lines.json'));
    cli(['render', 'configs', '--out', 'out', '--prune'], dir);
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['index.html', 'manifest.json', 'notes.txt', 'relu-contour.png', 'unrelated.png']);
  });

  it('--prune keeps the outputs of a config with errors and of configs outside the given paths', () => {
    fs.writeFileSync(path.join(dir, 'configs/basic/contours.json'), '{ "figures": [ oops');
    const r = cli(['render', 'configs', '--out', 'out', '--prune'], dir);
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'out/relu-contour.png'))).toBe(true);
    // Rendering one file leaves the figures of the others alone, in the folder and the manifest.
    const one = cli(['render', 'configs/basic/lines.json', '--out', 'out', '--prune'], dir);
    expect(one.code).toBe(0);
    expect(readJson(path.join(dir, 'out/manifest.json')).figures.map((f: any) => f.name)).toEqual(['relu-contour', 'relu-line', 'step-contour', 'step-line']);
    // A mistyped folder proves nothing either.
    expect(cli(['render', 'config', '--out', 'out', '--prune'], dir).code).toBe(2);
    expect(fs.readdirSync(path.join(dir, 'out')).filter((n) => n.endsWith('.png'))).toHaveLength(4);
  });

  it('never deletes outside the output folder, whatever a tampered manifest says', () => {
    fs.writeFileSync(path.join(dir, 'victim.png'), 'precious');
    const m = readJson(path.join(dir, 'out/manifest.json'));
    m.figures.push({ ...m.figures[0], name: 'zz-gone', file: '../victim.png', config: 'configs/basic/lines.json' });
    writeJson(path.join(dir, 'out/manifest.json'), m);
    const r = cli(['render', 'configs', '--out', 'out', '--prune'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/manifest\.json is not an actiplot manifest \(figures\[4\]\.file: not a plain file name/);
    expect(fs.readFileSync(path.join(dir, 'victim.png'), 'utf8')).toBe('precious');
  });

  it('an output folder inside the config folder is not read as configs; an output path that is a file is a clean error', () => {
    const r = cli(['render', 'configs', '--out', 'configs/out'], dir);
    expect(r.code, r.err).toBe(0);
    const again = cliJson(['render', 'configs', '--out', 'configs/out'], dir);
    expect([again.code, again.json.counts.rendered, again.json.errors]).toEqual([0, 0, []]);
    expect(cli(['check', 'configs', '--out', 'configs/out'], dir).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'a-file'), '');
    const bad = cli(['render', 'configs', '--out', 'a-file'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^actiplot: --out a-file is a file, not a folder; give a folder for the figures$/m);
    expect(bad.err).not.toMatch(/internal error|\n\s+at /);
  });
});
