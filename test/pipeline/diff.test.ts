import { beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { cli, readJson, tempDir, withFixtures, writeJson } from './helpers.js';
import { configChanges, digestChanges } from '../../src/pipeline/config-changes.js';
import { figureModels } from '../../src/pipeline/figure-record.js';
import { classChange, classChanges } from '../../src/pipeline/class-change.js';

/**
 * Two real renders of the basic fixtures: `base`, and `new` after a pull request that changes the
 * ReLU contour's bias by 1 (a change), the step contour's bias by 0.2 (a few pixels: under the
 * threshold used below), removes step-line and adds brand-new.
 */
let dir: string;
beforeAll(() => {
  dir = withFixtures(tempDir('diff'), 'basic');
  expect(cli(['render', 'configs', '--out', 'base'], dir).code).toBe(0);
  const contours = path.join(dir, 'configs/basic/contours.json');
  const c = readJson(contours);
  c.figures[0].perceptron.bias = -4;
  c.figures[1].perceptron.bias = 9.8;
  writeJson(contours, c);
  const lines = path.join(dir, 'configs/basic/lines.json');
  const l = readJson(lines);
  l.figures.splice(1, 1);
  l.figures.push({ name: 'brand-new', kind: 'line', title: 'New', width: 200, height: 150, x: { range: [-3, 3], samples: 31 }, series: [{ activation: 'relu' }] });
  writeJson(lines, l);
  expect(cli(['render', 'configs', '--out', 'new'], dir).code).toBe(0);
});

const copy = (from: string, tag: string) => {
  const to = path.join(dir, tag);
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(path.join(dir, from), to, { recursive: true });
  return to;
};

describe('actiplot diff BASE NEW on real renders', () => {
  it('lists the changed figure with its config change and pixel share, the added and the removed one; exit 1', () => {
    const r = cli(['diff', 'base', 'new'], dir);
    expect(r.code, r.err).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('### actiplot diff: 2 changed, 1 added, 1 removed (`base` → `new`)');
    const relu = lines.find((l) => l.startsWith('- `relu-contour`'))!;
    expect(relu).toMatch(/^- `relu-contour`: `perceptron\.bias −5 → −4`; \d+\.\d %( of pixels changed)$/);
    const share = Number(/([\d.]+) % of pixels/.exec(relu)![1]);
    expect(share).toBeGreaterThan(1);
    expect(share).toBeLessThan(100);
    const step = lines.find((l) => l.startsWith('- `step-contour`'))!;
    expect(step).toMatch(/^- `step-contour`: `perceptron\.bias 10 → 9\.8`; [\d.]+ % of pixels changed; class changed on [\d.]+ % of the plane$/);
    expect(r.out).toContain('**Added**\n\n- `brand-new` (`brand-new.png`, 200×150)');
    expect(r.out).toContain('**Removed**\n\n- `step-line` (`step-line.png`)');
    expect(r.out).toContain('1 figure unchanged.');
    expect(r.out).not.toContain('`relu-line`');
  });

  it('--threshold: a figure whose pixel share is at or below it counts as unchanged, never listed as changed', () => {
    const full = cli(['diff', 'base', 'new', '--report', path.join(dir, 'report-full')], dir).out;
    const stepShare = Number(/`step-contour`.*?([\d.]+) % of pixels/.exec(full)![1]) / 100;
    const reluShare = Number(/`relu-contour`.*?([\d.]+) % of pixels/.exec(full)![1]) / 100;
    expect(stepShare).toBeLessThan(reluShare);
    const threshold = (stepShare + reluShare) / 2;
    const r = cli(['diff', 'base', 'new', '--threshold', String(threshold), '--report', path.join(dir, 'report-t')], dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^### actiplot diff: 1 changed, 1 added, 1 removed/);
    expect(r.out).not.toContain('step-contour');
    expect(r.out).toMatch(/2 figures unchanged \(1 of them differ in at most [\d.]+ % of their pixels, the threshold\)/);
  });

  it('exits 0 and lists nothing when nothing changed', () => {
    const r = cli(['diff', 'base', copy('base', 'base-copy'), '--report', path.join(dir, 'report-same')], dir);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^### actiplot diff: no figure changed \(4 figures/);
    expect(r.out).not.toMatch(/Changed|Added|Removed/);
  });

  it('writes the HTML report into NEW/diff by default: before, after and difference of each changed raster figure, all relative links to files inside it', () => {
    const r = cli(['diff', 'base', 'new'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`\`${path.join('new', 'diff', 'index.html')}\``);
    const report = path.join(dir, 'new/diff');
    const html = fs.readFileSync(path.join(report, 'index.html'), 'utf8');
    const links = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((l) => l !== 'data:,');
    expect(links.length).toBe(2 * 3 * 2);
    for (const l of links) {
      expect(l).not.toMatch(/^(\/|[a-z]+:)/);
      expect(fs.existsSync(path.join(report, decodeURIComponent(l))), l).toBe(true);
    }
    const before = PNG.sync.read(fs.readFileSync(path.join(report, 'relu-contour.png.before.png')));
    expect(fs.readFileSync(path.join(report, 'relu-contour.png.before.png')).equals(fs.readFileSync(path.join(dir, 'base/relu-contour.png')))).toBe(true);
    const diffImage = PNG.sync.read(fs.readFileSync(path.join(report, 'relu-contour.png.diff.png')));
    expect([diffImage.width, diffImage.height]).toEqual([before.width, before.height]);
    let red = 0;
    for (let i = 0; i < diffImage.data.length; i += 4) if (diffImage.data[i] === 255 && diffImage.data[i + 1] === 0 && diffImage.data[i + 2] === 0) red++;
    expect(red).toBeGreaterThan(0);
    expect(html).toContain('perceptron.bias −5 → −4');
    // A later report into the same folder drops the images of figures no longer changed.
    expect(cli(['diff', 'base', 'new', '--threshold', '0.5'], dir).code).toBe(1);
    expect(fs.readdirSync(report).sort()).toEqual(['index.html']);
  });

  it('a changed model file (manifest level: no figure reads files on this branch) is reported as "model file ... changed", a data file as "data file ... changed"', () => {
    const next = copy('base', 'model-changed');
    const m = readJson(path.join(next, 'manifest.json'));
    const base = copy('base', 'model-base');
    const mb = readJson(path.join(base, 'manifest.json'));
    // The figure's file changes too (a new model draws another curve): paint a block into it.
    const e = m.figures.find((f: { name: string }) => f.name === 'relu-line');
    const png = PNG.sync.read(fs.readFileSync(path.join(next, e.file)));
    for (let y = 10; y < 20; y++) for (let x = 10; x < 30; x++) png.data.set([0, 0, 0, 255], (y * png.width + x) * 4);
    const bytes = PNG.sync.write(png);
    fs.writeFileSync(path.join(next, e.file), bytes);
    e.sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    e.bytes = bytes.length;
    e.models = { 'models/relu.onnx': 'b'.repeat(64), 'data/points.csv': 'd'.repeat(64) };
    mb.figures.find((f: { name: string }) => f.name === 'relu-line').models = { 'models/relu.onnx': 'a'.repeat(64), 'data/points.csv': 'c'.repeat(64) };
    writeJson(path.join(next, 'manifest.json'), m);
    writeJson(path.join(base, 'manifest.json'), mb);
    const r = cli(['diff', base, next], dir);
    expect(r.code, r.err).toBe(1);
    expect(r.out).toMatch(/- `relu-line`: `data file data\/points\.csv changed`; `model file models\/relu\.onnx changed`; [\d.]+ % of pixels changed/);
  });

  it("reads a BASE of the older manifest format (no figure records): changed figures say their config was not recorded", () => {
    const old = copy('base', 'format-1');
    const m = readJson(path.join(old, 'manifest.json'));
    writeJson(path.join(old, 'manifest.json'), { ...m, manifest: 1, figures: m.figures.map(({ figure: _f, fonts: _o, ...e }: Record<string, unknown>) => e) });
    const r = cli(['diff', old, 'new', '--report', path.join(dir, 'report-old')], dir);
    expect(r.code, r.err).toBe(1);
    expect(r.out).toMatch(/- `relu-contour`: `config not recorded \(a manifest of an older actiplot\)`; `font DejaVuSans-Bold\.ttf added`; `font DejaVuSans\.ttf added`; [\d.]+ % of pixels changed/);
    expect(r.out).toContain('1 figure unchanged.');
  });

  it('exits 2 on trouble: no folder, no manifest, a bad manifest, a file that does not match its manifest, a bad --threshold', () => {
    const empty = tempDir('diff-empty');
    expect(cli(['diff', 'base', 'nope'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('nope: not a folder') });
    expect(cli(['diff', 'base', empty], dir)).toMatchObject({ code: 2, err: expect.stringContaining('no manifest') });
    const bad = copy('base', 'bad-manifest');
    fs.writeFileSync(path.join(bad, 'manifest.json'), '{"manifest": 2, "figures": 3');
    expect(cli(['diff', 'base', bad], dir)).toMatchObject({ code: 2, err: expect.stringContaining('not an actiplot manifest (not JSON)') });
    const tampered = copy('base', 'tampered');
    fs.appendFileSync(path.join(tampered, 'relu-line.png'), 'x');
    expect(cli(['diff', 'base', tampered], dir)).toMatchObject({ code: 2, err: expect.stringContaining('relu-line.png: does not match the sha256') });
    const r = cli(['diff', 'base', 'new', '--threshold', '2'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--threshold: expected a share from 0 to 1');
    expect(r.err.split('\n').filter(Boolean).every((l) => l.startsWith('actiplot diff: '))).toBe(true);
  });
});

describe('actiplot diff of an animation', () => {
  it('compares only the first frame, so a sweep whose later frames changed is changed whatever the threshold; no class share for a sweep', () => {
    const work = tempDir('diff-sweep');
    const sweep = (to: number) => ({
      name: 'tiny-sweep', kind: 'contour', width: 160, height: 120, format: 'gif',
      x: { range: [-5, 5], samples: 11 }, y: { range: [-5, 5], samples: 11 }, boundary: true,
      perceptron: { weights: [1, 2], bias: 0, activation: 'step' }, levels: 3,
      sweep: { path: 'perceptron.bias', from: -5, to, frames: 4, fps: 4, sheet: 0 },
    });
    writeJson(path.join(work, 'a/configs/s.json'), sweep(5));
    writeJson(path.join(work, 'b/configs/s.json'), sweep(4));
    expect(cli(['render', 'configs', '--out', '../base'], path.join(work, 'a')).code).toBe(0);
    expect(cli(['render', 'configs', '--out', '../new'], path.join(work, 'b')).code).toBe(0);
    const r = cli(['diff', 'base', 'new', '--threshold', '0.5'], work);
    expect(r.code, r.err).toBe(1);
    expect(r.out).toMatch(/^- `tiny-sweep`: `sweep\.values \[−5, −1\.66+\d*, 1\.66+\d*, 5\] → \[−5, −2, 1, 4\]`; 0\.0 % of pixels changed in the first frame$/m);
  });
});

describe('diff helpers', () => {
  it('configChanges(before, after) names each changed leaf by its path, with real minus signs', () => {
    expect(configChanges({ perceptron: { bias: -5, weights: [1, 2] }, title: 'a' }, { perceptron: { bias: -4, weights: [1, 3] }, title: 'a' })).toEqual([
      'perceptron.bias −5 → −4',
      'perceptron.weights [1, 2] → [1, 3]',
    ]);
    expect(configChanges({ panels: [{ x: 1 }, { x: 2 }] }, { panels: [{ x: 1 }, { x: 3 }], grid: true })).toEqual(['grid (none) → true', 'panels[1].x 2 → 3']);
    expect(configChanges({ a: 1 }, { a: 1 })).toEqual([]);
    const long = Array.from({ length: 20 }, (_, i) => i);
    expect(configChanges({ v: long }, { v: long.map((x) => (x === 4 ? -4 : x)) })).toEqual(['v[4] 4 → −4']);
    expect(configChanges({ v: long }, { v: long.map((x) => x * 2) })).toEqual(['v 19 of 20 numbers changed (0 … 19 → 0 … 38)']);
    const many = configChanges(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i])), {}, 5);
    expect(many).toHaveLength(6);
    expect(many[5]).toBe('and 25 more');
  });
  it('digestChanges(before, after) says which files were added, dropped or changed', () => {
    expect(digestChanges({ a: '1', b: '2' }, { b: '3', c: '4' }, 'font')).toEqual(['font a no longer used', 'font b changed', 'font c added']);
  });
  it('figureModels(figure) finds the { file, sha256 } records the model stage leaves in a resolved figure', () => {
    expect(figureModels({ panels: [{ network: { spec: { model: { file: 'models/xor.onnx', sha256: 'abc' }, layers: [] } } }, { series: [{ network: { model: { file: 'b.npz', sha256: 'def' } } }] }] })).toEqual({ 'models/xor.onnx': 'abc', 'b.npz': 'def' });
    expect(figureModels({ title: 'file', file: 3 })).toEqual({});
  });
  it('classChange(before, after): the share of the plane that changed side of a perceptron boundary; undefined for other figures', () => {
    const fig = (bias: number) => ({ kind: 'contour', boundary: { color: 'g' }, perceptron: { weights: [1, 0], bias }, x: { range: [-5, 5] }, y: { range: [-5, 5] } });
    // x1 + b >= 0: moving b from 0 to -2.5 moves the border from x1 = 0 to 2.5, a quarter of the width.
    expect(classChange(fig(0), fig(-2.5))).toBeCloseTo(0.25, 2);
    expect(classChange(fig(1), fig(1))).toBe(0);
    expect(classChange({ ...fig(0), boundary: null }, fig(1))).toBeUndefined();
    expect(classChange({ kind: 'line' }, { kind: 'line' })).toBeUndefined();
    expect(classChange(fig(0), { ...fig(1), x: { range: [1, 'a'] } })).toBeUndefined();
  });
  it("classChange(before, after) for a network contour: the drawn neuron's output against the threshold; malformed networks are not classifiers", () => {
    const net = (bias: number, activation: unknown = 'identity', weights: unknown = [[1, 0]]) => ({
      kind: 'contour', boundary: { color: 'k' }, perceptron: null, threshold: 0,
      network: { layer: 0, neuron: 0, spec: { layers: [{ weights, biases: [bias], activation }] } },
      x: { range: [-5, 5] }, y: { range: [-5, 5] },
    });
    expect(classChange(net(0), net(-2.5))).toBeCloseTo(0.25, 2);
    // sigmoid(x1) >= 0.8 where x1 >= ln 4: moving the threshold from 0.5 moves the border from 0 to 1.386.
    const sig = (threshold: number) => ({ ...net(0, 'sigmoid'), threshold });
    expect(classChange(sig(0.5), sig(0.8))).toBeCloseTo(Math.log(4) / 10, 2);
    expect(classChange(sig(0.5), net(0))).toBe(0);
    expect(classChange(net(0), net(0, 'no-such-activation'))).toBeUndefined();
    expect(classChange(net(0), net(0, 'identity', [[1, 0, 0]]))).toBeUndefined();
    expect(classChange(net(0), { ...net(0), network: { ...net(0).network, layer: 3 } })).toBeUndefined();
  });
  it('classChanges(before, after) reports each classifier panel of a panels figure by its number', () => {
    const contour = (bias: number) => ({ kind: 'contour', boundary: { color: 'g' }, perceptron: { weights: [1, 0], bias }, x: { range: [-5, 5] }, y: { range: [-5, 5] } });
    const panels = (bias: number) => ({ kind: 'panels', panels: [{ kind: 'line' }, contour(bias)] });
    expect(classChanges(panels(0), panels(-2.5)).map((c) => [c.panel, Number(c.share.toFixed(2))])).toEqual([[2, 0.25]]);
    expect(classChanges(contour(0), contour(0))).toEqual([{ share: 0 }]);
    expect(classChanges({ kind: 'line' }, { kind: 'line' })).toEqual([]);
  });
});
