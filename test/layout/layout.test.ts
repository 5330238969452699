import { describe, expect, it } from 'vitest';
import { check, contour, line } from '../helpers.js';
import { sceneFor } from '../../src/render/figure.js';
import { measureText } from '../../src/render/canvas.js';
import { bandColors, autoRange } from '../../src/layout/layout-figure.js';
import { clipBoundary } from '../../src/marks/boundary.js';
import { sampleContour, sampleLine, contourLevels } from '../../src/core/sample-figure.js';
import type { ResolvedContour, ResolvedLine } from '../../src/model/figure.js';
import type { Item, Scene, TextItem } from '../../src/scene/scene.js';

const fig = <T>(config: unknown) => check(config).figures[0].figure as T;
const texts = (s: Scene) => s.items.filter((i): i is TextItem => i.type === 'text');

/** The box a text item covers, from its alignment and the real font metrics. */
function box(t: TextItem) {
  const m = measureText(t.text, t.font);
  const w = m.width;
  const h = m.ascent + m.descent;
  let x = t.align === 'left' ? t.x : t.align === 'right' ? t.x - w : t.x - w / 2;
  let y = t.baseline === 'top' ? t.y : t.baseline === 'middle' ? t.y - h / 2 : t.baseline === 'bottom' ? t.y - h : t.y - m.ascent;
  if (t.angle) [x, y] = [t.x - (t.baseline === 'bottom' ? h : 0), t.y - w / 2];
  return t.angle ? { x, y, w: h, h: w } : { x, y, w, h };
}

describe('layout of the seed figures', () => {
  const scenes: [string, Scene][] = [
    ['relu line', sceneFor(fig(line({ title: 'ReLU function', x: { label: 'x', range: [-10, 10], samples: 100, ticks: 2 }, y: { label: 'f(x)' }, grid: true })))],
    ['step line', sceneFor(fig(line({ title: 'Step Function', legend: true, series: [{ activation: 'step', label: 'Step Function' }] })))],
    ['relu contour', sceneFor(fig(contour({ title: 'Perceptron Outputs (ReLU)', alpha: 0.8, boundary: true })))],
    ['small contour', sceneFor(fig(contour({ width: 200, height: 150, title: 'A long title for a small figure' })))],
  ];
  it.each(scenes)('%s: every text lies inside the image', (_, scene) => {
    for (const t of texts(scene)) {
      const b = box(t);
      expect(b.x, t.text).toBeGreaterThanOrEqual(-0.5);
      expect(b.y, t.text).toBeGreaterThanOrEqual(-0.5);
      expect(b.x + b.w, t.text).toBeLessThanOrEqual(scene.width + 0.5);
      expect(b.y + b.h, t.text).toBeLessThanOrEqual(scene.height + 0.5);
    }
  });
  it.each(scenes.slice(0, 3))('%s: no two texts overlap', (_, scene) => {
    const boxes = texts(scene).map(box);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${texts(scene)[i].text} / ${texts(scene)[j].text}`).toBe(false);
      }
    }
  });
  it('puts larger y values higher on the image (y axis points up)', () => {
    const scene = scenes[0][1];
    const yLabels = texts(scene).filter((t) => t.align === 'right');
    const zero = yLabels.find((t) => t.text === '0');
    const ten = yLabels.find((t) => t.text === '10');
    expect(zero && ten && ten.y < zero.y).toBe(true);
  });
  it("draws the seed's x ticks every 2 from -10 to 10 with real minus signs", () => {
    const xLabels = texts(scenes[0][1]).filter((t) => t.baseline === 'top' && t.align === 'center' && t.text !== 'x');
    expect(xLabels.map((t) => t.text)).toEqual(['−10', '−8', '−6', '−4', '−2', '0', '2', '4', '6', '8', '10']);
  });
  it('draws grid lines before (under) the data', () => {
    const items = scenes[0][1].items;
    const grid = items.findIndex((i) => i.type === 'path' && i.stroke === '#b0b0b0');
    const data = items.findIndex((i) => i.type === 'path' && i.stroke === '#1f77b4');
    expect(grid).toBeGreaterThanOrEqual(0);
    expect(grid).toBeLessThan(data);
  });
});

describe('line sampling', () => {
  it('passes exactly through the ReLU kink even though linspace(-10, 10, 100) skips 0', () => {
    const d = sampleLine(fig<ResolvedLine>(line({ x: { range: [-10, 10], samples: 100 } })));
    const p = d.series[0].pieces[0];
    const i = p.xs.indexOf(0);
    expect(i).toBeGreaterThan(0);
    expect(p.ys[i]).toBe(0);
  });
  it('splits the step function at its jump: no vertical segment, limits 0 then 1', () => {
    const d = sampleLine(fig<ResolvedLine>(line({ series: [{ activation: 'step' }] })));
    const s = d.series[0];
    expect(s.jumps).toEqual([{ x: 0, value: 0, left: 0, right: 1 }]);
    expect(s.pieces).toHaveLength(2);
    expect(s.pieces[0].xs.at(-1)).toBe(0);
    expect(s.pieces[0].ys.at(-1)).toBe(0);
    expect(s.pieces[1].xs[0]).toBe(0);
    expect(s.pieces[1].ys[0]).toBe(1);
  });
  it('finds the jump of a weighted series in x: step(-2x + 1) jumps at x = 0.5 from 1 to 0', () => {
    const d = sampleLine(fig<ResolvedLine>(line({ series: [{ activation: 'step', weights: [-2], bias: 1 }] })));
    expect(d.series[0].jumps).toEqual([{ x: 0.5, value: 0, left: 1, right: 0 }]);
  });
  it('autoRange adds matplotlib\'s 5% margins', () => {
    expect(autoRange([0, 10])).toEqual([-0.5, 10.5]);
    expect(autoRange([1, 1])[0]).toBeLessThan(1);
  });
});

describe('contour sampling and colours', () => {
  it("samples the seed grid: 101 × 101, z.max 50 at (5, -5) for w = (3, -5), b = 10", () => {
    const d = sampleContour(fig<ResolvedContour>(contour({ perceptron: { weights: [3, -5], bias: 10, activation: 'relu' } })));
    expect(d.grid.xs.length).toBe(101);
    expect(d.grid.ys.length).toBe(101);
    expect(d.zExtent[1]).toBeCloseTo(50, 9);
    const at = d.grid.z.indexOf(d.zExtent[1]);
    expect(d.grid.xs[at % 101]).toBeCloseTo(5, 12);
    expect(d.grid.ys[Math.floor(at / 101)]).toBeCloseTo(-5, 12);
    expect(d.levels).toHaveLength(101);
    expect(d.levels[0]).toBe(0);
    expect(d.levels[100]).toBe(d.zExtent[1]);
  });
  it('gives a constant surface one band around its value instead of failing', () => {
    expect(contourLevels(101, [0, 0])).toEqual([-0.5, 0.5]);
    expect(contourLevels(5, [NaN, NaN])).toEqual([-0.5, 0.5]);
  });
  it("picks each band's colour at its midpoint, like matplotlib's contourf", () => {
    const c = bandColors([0, 1], 'coolwarm', 1);
    expect(c).toEqual(['#dddcdc']); // coolwarm(0.5): matplotlib's LUT entry 128
    const two = bandColors([0, 1, 2], 'coolwarm', 1);
    expect(two).toHaveLength(2);
    expect(two[0]).not.toBe(two[1]);
  });
  it('composites alpha onto the white background once', () => {
    expect(bandColors([0, 1], 'coolwarm', 0)).toEqual(['#ffffff']);
  });
});

describe('clipBoundary(w1, w2, b, xRange, yRange)', () => {
  const sq: [number, number] = [-5, 5];
  it("gives the seed's boundary x1 + 2·x2 = 5 from (-5, 5) to (5, 0)", () => {
    const s = clipBoundary(1, 2, -5, sq, sq)!;
    expect(s[0][0]).toBeCloseTo(-5, 12);
    expect(s[0][1]).toBeCloseTo(5, 12);
    expect(s[1][0]).toBeCloseTo(5, 12);
    expect(s[1][1]).toBeCloseTo(0, 12);
  });
  it('handles vertical and horizontal lines, misses and w = 0', () => {
    expect(clipBoundary(1, 0, -2, sq, sq)).toEqual([[2, -5], [2, 5]]);
    expect(clipBoundary(0, 1, 0, sq, sq)).toEqual([[-5, 0], [5, 0]]);
    expect(clipBoundary(1, 1, -100, sq, sq)).toBeNull();
    expect(clipBoundary(0, 0, 1, sq, sq)).toBeNull();
  });
  it('draws the boundary only when asked', () => {
    const dashed = (items: Item[]) => items.filter((i) => i.type === 'path' && i.dash && i.dash.length > 0).length;
    expect(dashed(sceneFor(fig(contour({ boundary: true }))).items)).toBe(1);
    expect(dashed(sceneFor(fig(contour())).items)).toBe(0);
  });
});

describe('points', () => {
  it('marks a point with a dot and its label, and moves the boundary label away from it', () => {
    const scene = sceneFor(fig(contour({ boundary: { label: true }, perceptron: { weights: [2, 3], bias: -5, activation: 'relu' }, points: [{ at: [0, 5 / 3], label: 'here' }] })));
    const dots = scene.items.filter((i) => i.type === 'circle');
    expect(dots).toHaveLength(1);
    const label = texts(scene).find((t) => t.text === 'here');
    expect(label).toBeDefined();
    const equation = texts(scene).find((t) => t.text === '2x1 + 3x2 = 5')!;
    const dot = dots[0] as { x: number; y: number };
    expect(Math.hypot(equation.x - dot.x, equation.y - dot.y)).toBeGreaterThan(60);
  });
  it('skips points outside the plot and rejects a malformed one', () => {
    expect(sceneFor(fig(contour({ points: [{ at: [50, 50] }] }))).items.filter((i) => i.type === 'circle')).toHaveLength(0);
    expect(check(contour({ points: [{ at: [1] }] })).errors[0].message).toMatch(/points\[0\]\.at: expected an \[x, y\] pair of numbers with at least 2 items, got an array of 1/);
  });
});
