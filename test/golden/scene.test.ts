/**
 * Scene goldens: the layout of small versions of the seed figures as JSON, compared with a numeric
 * tolerance (so they hold across platforms). Filled areas and fields are summarized (no point
 * lists, no z values): their geometry is d3-contour's, and the PNG goldens cover how they look.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { check, contour, line } from '../helpers.js';
import { sceneFor } from '../../src/render/figure.js';
import type { ResolvedFigure } from '../../src/model/figure.js';
import type { Scene } from '../../src/scene/scene.js';

const DIR = path.resolve('test/golden/scenes');
const TOLERANCE = 0.5; // pixels

function summarize(scene: Scene): unknown {
  const round = (v: unknown): unknown =>
    typeof v === 'number' ? Math.round(v * 100) / 100 : Array.isArray(v) ? v.map(round) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round(x)])) : v;
  return round({
    ...scene,
    items: scene.items.map((i) =>
      i.type === 'area' ? { type: 'area', fill: i.fill, polygons: i.polygons.length, points: i.polygons.flat(2).length / 2, clip: i.clip }
      : i.type === 'field' ? { ...i, grid: { ...i.grid, z: `${i.grid.z.length} values` }, ...(i.classes ? { classes: { mode: i.classes.mode, channels: `${i.classes.channels.length} grids` } } : {}) }
      : i),
  });
}

/** Differences between two JSON values, numbers within TOLERANCE. */
function differences(want: unknown, got: unknown, at = ''): string[] {
  if (typeof want === 'number' && typeof got === 'number') return Math.abs(want - got) <= TOLERANCE ? [] : [`${at}: ${got} (golden ${want})`];
  if (Array.isArray(want) && Array.isArray(got)) {
    if (want.length !== got.length) return [`${at}: length ${got.length} (golden ${want.length})`];
    return want.flatMap((w, i) => differences(w, got[i], `${at}[${i}]`));
  }
  if (want && got && typeof want === 'object' && typeof got === 'object') {
    const keys = new Set([...Object.keys(want), ...Object.keys(got)]);
    return [...keys].flatMap((k) => differences((want as Record<string, unknown>)[k], (got as Record<string, unknown>)[k], `${at}.${k}`));
  }
  return want === got ? [] : [`${at}: ${JSON.stringify(got)} (golden ${JSON.stringify(want)})`];
}

const fig = (config: unknown) => check(config).figures[0].figure as ResolvedFigure;
const cases: [string, ResolvedFigure][] = [
  ['relu-line', fig(line({ width: 400, height: 300, title: 'ReLU function', x: { label: 'x', range: [-10, 10], samples: 100, ticks: 2 }, y: { label: 'f(x)' }, grid: true }))],
  ['step-line', fig(line({ width: 400, height: 300, title: 'Step Function', x: { label: 'a', range: [-5, 5], samples: 500 }, legend: true, series: [{ activation: 'step', label: 'Step Function' }] }))],
  ['relu-contour', fig(contour({ width: 400, height: 300, title: 'Perceptron Outputs (ReLU)', levels: 11, alpha: 0.8, colorbar: { ticks: 5 } }))],
  ['step-panels', fig({ name: 'p', kind: 'panels', width: 600, height: 260, title: 'ReLU vs step', sharedColorbar: true, panels: [
    { kind: 'contour', perceptron: { weights: [1, 2], bias: -5, activation: 'relu' }, levels: 6 },
    { kind: 'contour', perceptron: { weights: [1, 2], bias: -5, activation: 'step' }, levels: 6, boundary: { label: true } },
  ] })],
  // The seed's worked perceptron as a diagram: node positions, edge widths from the weights, the values.
  ['perceptron-diagram', fig({ name: 'd', kind: 'diagram', width: 500, height: 320, title: 'w = (2, 3), b = −5', perceptron: { weights: [2, 3], bias: -5, activation: 'relu' }, input: [1, 2] })],
  ['network-diagram', fig({ name: 'n', kind: 'diagram', width: 500, height: 320, network: { layers: [
    { weights: [[20, 20], [-20, -20]], biases: [-10, 30], activation: 'sigmoid' },
    { weights: [[20, 20]], biases: [-30], activation: 'sigmoid' },
  ] }, input: [1, 0] })],
  ['diagram-panels', fig({ name: 'p', kind: 'panels', width: 700, height: 280, panels: [
    { kind: 'diagram', perceptron: { weights: [1, 2], bias: -5, activation: 'step' }, activations: 'glyph' },
    { kind: 'contour', perceptron: { weights: [1, 2], bias: -5, activation: 'step' }, levels: 6, boundary: true },
  ] })],
  ['class-view', fig({ name: 'cv', kind: 'contour', width: 400, height: 300, title: 'Three classes', network: { file: 'models/three-class.onnx' }, view: 'class', classes: ['A', 'B', 'C'],
    data: { rows: [{ x1: -3, x2: -2, label: 0 }, { x1: 3, x2: -2, label: 'B' }, { x1: 0, x2: 3, label: 2 }, { x1: 0, x2: 3.5, label: 0 }, { x1: 9, x2: 0, label: 1 }], class: 'label', highlight: 'misclassified' } })],
  ['probability-view', fig({ name: 'pv', kind: 'contour', width: 400, height: 300, network: { file: 'models/moons.onnx' }, view: 'probability', levels: 6, boundary: true,
    data: { rows: [{ x1: -3, x2: 1, label: 0 }, { x1: 2, x2: -2, label: 1 }], class: 'label' } })],
  ['pixel-step', fig(contour({ width: 400, height: 300, perceptron: { weights: [1, 2], bias: -5, activation: 'step' }, sampling: 'pixel', levels: 6, boundary: true }))],
];

describe('scene goldens (JSON, numbers within 0.5 px)', () => {
  it.each(cases)('%s', (name, figure) => {
    const got = summarize(sceneFor(figure));
    const file = path.join(DIR, `${name}.json`);
    if (process.env.UPDATE_GOLDENS === '1' || (!fs.existsSync(file) && process.env.CI !== 'true')) {
      fs.mkdirSync(DIR, { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify(got, null, 1)}\n`);
    }
    expect(fs.existsSync(file), `missing scene golden ${file}; run UPDATE_GOLDENS=1 npm test`).toBe(true);
    const diffs = differences(JSON.parse(fs.readFileSync(file, 'utf8')), got);
    expect(diffs.slice(0, 10)).toEqual([]);
  });
  it('the comparison can fail: a moved item is reported', () => {
    const want = summarize(sceneFor(cases[0][1])) as { items: { x?: number }[] };
    const got = structuredClone(want);
    const text = got.items.find((i) => typeof i.x === 'number')!;
    text.x! += 2;
    expect(differences(want, got).length).toBe(1);
  });
});
