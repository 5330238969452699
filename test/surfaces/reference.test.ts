/**
 * Decision surfaces against references computed without actiplot: the class of each pixel against
 * torch's outputs of the fixture model (test/fixtures/models/reference.json), data markers against
 * the axis scales computed here from the plot rectangle, misclassified points and points outside
 * the plot against NumPy (test/fixtures/surfaces/reference.json, scripts/compare-surfaces.py), and a
 * pixel-sampled step perceptron's edge against the exact line and its coverage of each pixel.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { PNG } from 'pngjs';
import { check, renderAny } from '../helpers.js';
import { sceneFor } from '../../src/render/figure.js';
import { rasterizeImage } from '../../src/render/canvas.js';
import { classScores, surfaceOf } from '../../src/core/surface.js';
import { main } from '../../src/cli/main.js';
import type { ResolvedContour, ResolvedFigure } from '../../src/model/figure.js';
import type { FieldItem, Item, Scene } from '../../src/scene/scene.js';

const torch = JSON.parse(fs.readFileSync('test/fixtures/models/reference.json', 'utf8'))['three-class'] as { inputs: number[][]; outputs: number[][] };
const numpy = JSON.parse(fs.readFileSync('test/fixtures/surfaces/reference.json', 'utf8'));
const TAB10 = [[0x1f, 0x77, 0xb4], [0xff, 0x7f, 0x0e], [0x2c, 0xa0, 0x2c]];

/** The first figure of a config file, changed by `over` (a figure of its "figures" by name). */
function figure(file: string, over: Record<string, unknown> = {}, name?: string): ResolvedFigure {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const base = json.figures ? json.figures.find((f: { name: string }) => f.name === name) : json;
  const r = check({ ...base, ...over }, file);
  expect(r.errors.map((e) => e.message)).toEqual([]);
  return r.figures[0].figure;
}

const fieldOf = (scene: Scene) => scene.items.find((i): i is FieldItem => i.type === 'field')!;
const argmax = (v: number[]) => v.indexOf(Math.max(...v));
/** The pixel under data point (x, y), from the plot rectangle alone: x across [x0, x1], y up [y0, y1]. */
const pixelOf = (f: FieldItem, x: number, y: number) => [f.rect.x + ((x - f.xDomain[0]) / (f.xDomain[1] - f.xDomain[0])) * f.rect.width, f.rect.y + ((f.yDomain[1] - y) / (f.yDomain[1] - f.yDomain[0])) * f.rect.height];
const legendBox = (scene: Scene) => scene.items.find((i) => i.type === 'rect' && i.fill === 'rgba(255,255,255,0.8)') as { x: number; y: number; width: number; height: number } | undefined;

function rgbAt(png: PNG, x: number, y: number): number[] {
  const o = (Math.floor(y) * png.width + Math.floor(x)) * 4;
  return [png.data[o], png.data[o + 1], png.data[o + 2]];
}

/** Every reference input the pixels can be checked at: inside the plot, clear of the legend and of any boundary. */
function clearInputs(scene: Scene): { px: number; py: number; cls: number }[] {
  const f = fieldOf(scene);
  const box = legendBox(scene);
  return torch.inputs.flatMap((input, i) => {
    const p = [...torch.outputs[i]].sort((a, b) => b - a);
    if (p[0] - p[1] < 0.2) return [];
    const [px, py] = pixelOf(f, input[0], input[1]);
    if (box && px > box.x - 3 && px < box.x + box.width + 3 && py > box.y - 3 && py < box.y + box.height + 3) return [];
    return [{ px, py, cls: argmax(torch.outputs[i]) }];
  });
}

const expected = (cls: number, alpha: number) => TAB10[cls].map((c) => Math.round(alpha * c + (1 - alpha) * 255));

describe('class view: each pixel is the class torch gives the most probability', () => {
  it.each([['grid', {}], ['pixel', { sampling: 'pixel' }]] as const)('PNG, sampling %s', async (_, over) => {
    const fig = figure('configs/three-class-classes.json', { data: undefined, ...over });
    const inputs = clearInputs(sceneFor(fig));
    expect(inputs.length).toBeGreaterThan(30);
    expect(new Set(inputs.map((i) => i.cls)).size).toBe(3);
    const png = PNG.sync.read((await renderAny(fig)).bytes);
    for (const { px, py, cls } of inputs) expect(rgbAt(png, px, py), `at ${px}, ${py}`).toEqual(expected(cls, 0.6));
  });
  it('SVG (band polygons, drawn by librsvg), within 2 levels of each channel', async () => {
    const fig = figure('configs/three-class-classes.json', { data: undefined, format: 'svg' });
    const png = PNG.sync.read(await rasterizeImage((await renderAny(fig)).bytes));
    for (const { px, py, cls } of clearInputs(sceneFor(fig))) {
      const got = rgbAt(png, px, py);
      expect(got.map((v, k) => Math.abs(v - expected(cls, 0.6)[k])).every((d) => d <= 2), `at ${px}, ${py}: ${got}`).toBe(true);
    }
  });
  it("the scores are torch's probabilities (within 1e-6)", () => {
    const scores = classScores(surfaceOf(figure('configs/three-class-classes.json') as ResolvedContour));
    const out = new Float64Array(3);
    torch.inputs.forEach((x, i) => {
      const win = scores(x[0], x[1], out);
      expect(Array.from(out).map((v, k) => Math.abs(v - torch.outputs[i][k])).every((d) => d < 1e-6)).toBe(true);
      expect(win).toBe(argmax(torch.outputs[i]));
    });
  });
  it('eval prints the class name torch picks', async () => {
    for (const i of [0, 6, 24, 42, 48]) {
      const out: string[] = [];
      const code = await main(['eval', '--config', 'configs/three-class-classes.json', '--figure', 'three-class-classes', '--input', torch.inputs[i].join(',')], { out: (l) => out.push(l), err: () => {} });
      expect(code).toBe(0);
      expect(out).toEqual([['blob A', 'blob B', 'blob C'][argmax(torch.outputs[i])]]);
    }
  });
});

describe('data markers: where the scales put each point, in its class colour, rings where NumPy disagrees', () => {
  it('every drawn marker is centred on its data point (within 0.5 px); the points outside the plot are counted', () => {
    const fig = figure('configs/three-class-classes.json');
    const scene = sceneFor(fig);
    const f = fieldOf(scene);
    const rows = fs.readFileSync('configs/models/three-class.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    const inside = rows.filter(([x, y]) => Math.abs(x) <= 5 && Math.abs(y) <= 5);
    expect(rows.length - inside.length).toBe(numpy['three-class-csv'].outside);
    const markers = scene.items.filter((i): i is Extract<Item, { type: 'area' }> => i.type === 'area' && i.polygons.length === 1 && i.clip !== undefined);
    expect(markers.length).toBe(inside.length);
    markers.forEach((m, k) => {
      const ring = m.polygons[0][0];
      const cx = ring.filter((_, j) => j % 2 === 0).reduce((a, b) => a + b, 0) / (ring.length / 2);
      const cy = ring.filter((_, j) => j % 2 === 1).reduce((a, b) => a + b, 0) / (ring.length / 2);
      const [px, py] = pixelOf(f, inside[k][0], inside[k][1]);
      expect(Math.hypot(cx - px, cy - py)).toBeLessThan(0.5);
      expect(m.fill).toBe(`#${TAB10[inside[k][2]].map((c) => c.toString(16).padStart(2, '0')).join('')}`);
    });
  });
  it.each([['moons-probability', 'moons'], ['moons-probability-epoch-30', 'moons-epoch-30']])('%s: a ring around each point NumPy misclassifies, and a note of the points outside', (name, ref) => {
    const scene = sceneFor(figure('configs/moons-probability.json', {}, name));
    const f = fieldOf(scene);
    const rows = fs.readFileSync('configs/models/moons.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    const rings = scene.items.filter((i) => i.type === 'circle' && i.stroke === '#000000' && i.fill === undefined) as { x: number; y: number }[];
    const want = (numpy[ref].misclassified as number[]).filter((i) => Math.abs(rows[i][0]) <= 5 && Math.abs(rows[i][1]) <= 5);
    // One ring is the legend's.
    expect(rings.length - 1).toBe(want.length);
    for (const i of want) {
      const [px, py] = pixelOf(f, rows[i][0], rows[i][1]);
      expect(rings.some((r) => Math.hypot(r.x - px, r.y - py) < 0.5), `point ${i}`).toBe(true);
    }
    const texts = scene.items.filter((i) => i.type === 'text').map((i) => (i as { text: string }).text);
    expect(texts).toContain(`misclassified (${want.length})`);
    expect(texts).toContain(`${numpy['moons-csv'].outside} points outside the plot, not drawn`);
  });
});

describe('"sampling": "pixel": the step perceptron\'s edge lies on w·x + b = 0, anti-aliased by coverage', () => {
  const step = (sampling: Record<string, unknown>) => ({
    name: 's', kind: 'contour', width: 500, height: 400, x: { range: [-5, 5] }, y: { range: [-5, 5] },
    perceptron: { weights: [3, -5], bias: 10, activation: 'step' }, colorbar: false, ...sampling,
  });
  /** The fraction of the pixel at (px, py) where w·x + b > 0, by 64 × 64 samples. */
  function coverage(f: FieldItem, px: number, py: number): number {
    let n = 0;
    for (let i = 0; i < 64; i++) for (let j = 0; j < 64; j++) {
      const x = f.xDomain[0] + ((px + (i + 0.5) / 64 - f.rect.x) / f.rect.width) * (f.xDomain[1] - f.xDomain[0]);
      const y = f.yDomain[1] - ((py + (j + 0.5) / 64 - f.rect.y) / f.rect.height) * (f.yDomain[1] - f.yDomain[0]);
      if (3 * x - 5 * y + 10 > 0) n++;
    }
    return n / 4096;
  }
  async function pixels(over: Record<string, unknown>) {
    const r = check(step(over));
    const fig = r.figures[0].figure;
    const f = fieldOf(sceneFor(fig));
    const png = PNG.sync.read((await renderAny(fig)).bytes);
    const [lo, hi] = [f.colors[0], f.colors[f.colors.length - 1]].map((c) => [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16)));
    const out: { cover: number; mixed: number; pure: boolean }[] = [];
    for (let py = Math.ceil(f.rect.y) + 1; py < f.rect.y + f.rect.height - 1; py += 3) {
      for (let px = Math.ceil(f.rect.x) + 1; px < f.rect.x + f.rect.width - 1; px++) {
        const c = rgbAt(png, px, py);
        const pure = c.every((v, k) => v === lo[k]) || c.every((v, k) => v === hi[k]);
        // How far from the low colour to the high one, on the channel where they differ most.
        const k = [0, 1, 2].reduce((a, b) => (Math.abs(hi[b] - lo[b]) > Math.abs(hi[a] - lo[a]) ? b : a));
        out.push({ cover: coverage(f, px, py), mixed: (c[k] - lo[k]) / (hi[k] - lo[k]), pure });
      }
    }
    return out;
  }
  it('pixel: a pixel wholly on one side has that side\'s colour; an edge pixel the mix its coverage gives (within 0.1)', async () => {
    const got = await pixels({ sampling: 'pixel' });
    const edge = got.filter((p) => p.cover > 0 && p.cover < 1);
    expect(edge.length).toBeGreaterThan(50);
    for (const p of got) {
      if (p.cover === 0 || p.cover === 1) expect(p.pure && Math.abs(p.mixed - p.cover) < 1e-9).toBe(true);
      else expect(Math.abs(p.mixed - p.cover), `coverage ${p.cover}, colour ${p.mixed}`).toBeLessThan(0.1);
    }
  });
  it('grid (the seed\'s way): pixels wholly on one side show band colours of the interpolated fringe', async () => {
    const got = await pixels({ x: { range: [-5, 5], step: 0.1 }, y: { range: [-5, 5], step: 0.1 } });
    expect(got.filter((p) => (p.cover === 0 || p.cover === 1) && !p.pure).length).toBeGreaterThan(50);
  });
});

describe('"neurons": true: every hidden neuron has its own colour scale and colorbar, every plot the same width', () => {
  it('moons-onnx', () => {
    const fig = figure('configs/moons-onnx.json');
    const scene = sceneFor(fig);
    const fields = scene.items.filter((i): i is FieldItem => i.type === 'field');
    expect(fields.length).toBe(33);
    expect(new Set(fields.map((f) => Math.round(f.rect.width * 100))).size).toBe(1);
    // A colorbar is a framed column right of its plot: one per panel.
    const bars = scene.items.filter((i) => i.type === 'rect' && i.stroke === '#000000' && !i.fill && i.width < 40);
    expect(bars.length).toBe(33);
    // Own scales: a tanh neuron's levels span about -1..1, a ReLU neuron's start at 0.
    const spans = fields.map((f) => [f.levels[0], f.levels[f.levels.length - 1]]);
    expect(spans.slice(1, 17).every(([lo, hi]) => lo >= -1 && hi <= 1 && lo < 0)).toBe(true);
    expect(spans.slice(17).every(([lo]) => lo === 0)).toBe(true);
    expect(new Set(spans.slice(17).map(([, hi]) => hi)).size).toBeGreaterThan(10);
  });
});

describe('panels sharing a colour scale beside class views', () => {
  it('only output views share it; a probability view keeps its own bar, and the shared bar stands right of it', () => {
    const r = check({ name: 'mix', kind: 'panels', width: 1500, height: 450, sharedColorbar: true, panels: [
      { kind: 'contour', network: { file: 'models/three-class.onnx', output: 0 }, colormap: 'viridis' },
      { kind: 'contour', network: { file: 'models/three-class.onnx' }, view: 'class' },
      { kind: 'contour', network: { file: 'models/three-class.onnx' }, view: 'probability' },
    ] });
    expect(r.errors).toEqual([]);
    const scene = sceneFor(r.figures[0].figure);
    const fields = scene.items.filter((i): i is FieldItem => i.type === 'field');
    expect(fields[2].levels[0]).toBeCloseTo(1 / 3, 12);
    expect(fields[0].levels[0]).not.toBeCloseTo(1 / 3, 3);
    const bars = scene.items.filter((i) => i.type === 'rect' && i.stroke === '#000000' && !i.fill && i.width < 60) as { x: number; width: number }[];
    expect(bars.length).toBe(2);
    const [own, sharedBar] = [...bars].sort((a, b) => a.x - b.x);
    expect(own.x).toBeGreaterThan(fields[2].rect.x + fields[2].rect.width);
    expect(sharedBar.x).toBeGreaterThan(own.x + own.width + 20);
    expect(sharedBar.x + sharedBar.width).toBeLessThan(1500);
  });
});
