/**
 * Sweeps over a list of values: numbers and strings, per-frame captions, every value validated
 * before the first frame, checkpoints of a real training run (configs/models/moons-epochs, written
 * by scripts/make-model-fixtures.py) as frames, and one colour scale across frames.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import UPNG from 'upng-js';
import { check, contour, errorsOf, line, renderAny } from '../helpers.js';
import { animationFrames, contactSheet, sweepFrames } from '../../src/config/sweep.js';
import { figureCost } from '../../src/config/budget.js';
import { figureModelFiles } from '../../src/config/figure-model-files.js';
import { parseConfigText } from '../../src/config/load.js';
import { validateConfig } from '../../src/config/validate.js';
import { sha256 } from '../../src/pipeline/hash.js';
import { forward } from '../../src/core/network.js';
import { buildNetwork } from '../../src/core/sample-figure.js';
import type { ResolvedContour, ResolvedDiagram, ResolvedFigure, ResolvedLine } from '../../src/model/figure.js';
import { sceneFor } from '../../src/render/figure.js';
import type { Item, TextItem } from '../../src/scene/scene.js';

const texts = (items: Item[]) => items.filter((i): i is TextItem => i.type === 'text').map((t) => t.text);

const one = (config: unknown) => {
  const r = check(config);
  if (r.errors.length) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.figures[0].figure as ResolvedFigure;
};
const swept = (sweep: Record<string, unknown>, over: Record<string, unknown> = {}) => contour({ x: { range: [-5, 5], samples: 21 }, y: { range: [-5, 5], samples: 21 }, levels: 11, sweep, ...over });

describe('sweep values', () => {
  it('numbers: one frame per value, captioned by labels', () => {
    const f = one(swept({ path: 'perceptron.bias', values: [-5, 0, 2.5], labels: ['low', 'zero', 'high'] }));
    const frames = sweepFrames(f) as ResolvedContour[];
    expect(frames.map((x) => x.perceptron!.bias)).toEqual([-5, 0, 2.5]);
    expect(frames.map((x) => x.title)).toEqual(['low', 'zero', 'high']);
  });
  it('strings: any string key of the figure, captioned through {value}', () => {
    const f = one(swept({ path: 'perceptron.activation', values: ['relu', 'step', 'tanh'], label: 'f = {value}' }));
    const frames = sweepFrames(f) as ResolvedContour[];
    expect(frames.map((x) => x.perceptron!.activation)).toEqual(['relu', 'step', 'tanh']);
    expect(frames.map((x) => x.title)).toEqual(['f = relu', 'f = step', 'f = tanh']);
    expect(sweepFrames(one(swept({ path: 'colormap', values: ['viridis', 'magma'] }))).map((x) => (x as ResolvedContour).colormap)).toEqual(['viridis', 'magma']);
  });
  it.each([
    ['a misspelt string, at its index', { path: 'perceptron.activation', values: ['relu', 'rellu'] },
      /: sweep\.values\[1\]: the frame 2 of 2 at perceptron\.activation = "rellu" is invalid: expected an activation .*did you mean "relu"/],
    ['a string where a number belongs', { path: 'perceptron.bias', values: [1, 'two'] }, /: sweep\.values\[1\]: expected a number for perceptron\.bias, got the string "two"$/],
    ['a number the key does not take', { path: 'alpha', values: [0.5, 2] }, /: sweep\.values\[1\]: the frame 2 of 2 at alpha = 2 is invalid: expected an opacity/],
    ['values and a range', { path: 'perceptron.bias', values: [1, 2], from: 0 }, /: sweep\.from: give "values" or "from", "to" and "frames", not both$/],
    ['a range without frames', { path: 'perceptron.bias', from: 0, to: 1 }, /: sweep: missing required key "frames"/],
    ['labels of the wrong length', { path: 'perceptron.bias', values: [1, 2, 3], labels: ['a', 'b'] }, /: sweep\.labels: expected 3 labels \(one per value\), got 2$/],
    ['labels with a range', { path: 'perceptron.bias', from: 0, to: 1, frames: 2, labels: ['a', 'b'] }, /: sweep\.labels: "labels" name the frames of "values"/],
    ['label and labels', { path: 'perceptron.bias', values: [1, 2], labels: ['a', 'b'], label: 'b = {value}' }, /: sweep\.label: give "label" or "labels", not both$/],
    ['network.file over a range', { path: 'network.file', from: 0, to: 1, frames: 2 }, /does not name a number/],
  ])('%s', (_, sweep, want) => {
    const errors = errorsOf(swept(sweep));
    expect(errors[0]).toMatch(want);
  });
});

const TRAINING = 'configs/moons-training.json';
const training = () => validateConfig(parseConfigText(TRAINING, fs.readFileSync(TRAINING)));
const CKPTS = [1, 2, 3, 4, 5].map((i) => `configs/models/moons-epochs/epoch-0${i}.safetensors`);

describe('a training animation from checkpoints (network.file values)', () => {
  it('each frame reads its own checkpoint', () => {
    const r = training();
    expect(r.errors).toEqual([]);
    const gif = r.figures.find((f) => f.figure.name === 'moons-training')!.figure;
    const frames = sweepFrames(gif) as ResolvedContour[];
    expect(frames.map((f) => f.network!.spec.model!.file)).toEqual(CKPTS);
    expect(frames.map((f) => f.network!.spec.model!.sha256)).toEqual(CKPTS.map((c) => sha256(fs.readFileSync(c))));
    expect(new Set(frames.map((f) => JSON.stringify(f.network!.spec.layers[0].biases))).size).toBe(5);
    expect(frames.map((f) => f.title)).toEqual(['epoch 1', 'epoch 10', 'epoch 30', 'epoch 100', 'epoch 300'].map((e) => `Two moons, 2-16-16-1, while it trains (${e})`));
    // The manifest records every checkpoint, so a changed one re-renders the animation.
    expect(Object.keys(figureModelFiles(gif))).toEqual(expect.arrayContaining(CKPTS));
  });
  it('the data overlay rings, in each frame, the points that frame\'s checkpoint misclassifies', () => {
    const gif = training().figures.find((f) => f.figure.name === 'moons-training-data')!.figure;
    const rows = fs.readFileSync('configs/models/moons.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    const frames = animationFrames(gif) as ResolvedContour[];
    const counts = frames.map((f) => {
      const net = buildNetwork(f.network!.spec);
      // Independently: the model's class (p > 0.5) against the label, for the points inside the plot.
      return rows.filter(([x1, x2, c]) => Math.abs(x1) <= 5 && Math.abs(x2) <= 5 && (forward(net, [x1, x2])[0] > 0.5 ? 1 : 0) !== c).length;
    });
    expect(new Set(counts).size).toBeGreaterThan(2);
    frames.forEach((f, i) => expect(texts(sceneFor(f).items)).toContain(`misclassified (${counts[i]})`));
  });
  it('a missing checkpoint is an error at its value, before any frame is drawn', () => {
    const config = JSON.parse(fs.readFileSync(TRAINING, 'utf8')).figures[0];
    config.sweep.values[3] = 'models/moons-epochs/epoch-99.safetensors';
    const errors = errorsOf(config, TRAINING);
    expect(errors[0]).toMatch(/moons-training\.json:\d+:\d+: sweep\.values\[3\]: the frame 4 of 5 at network\.file = "models\/moons-epochs\/epoch-99\.safetensors" is invalid: .*epoch-99\.safetensors/);
  });
  it('frames share one colour scale: levels over the extent of every frame\'s surface', () => {
    const gif = training().figures.find((f) => f.figure.name === 'moons-training')!.figure;
    const frames = animationFrames(gif) as ResolvedContour[];
    const levels = frames.map((f) => f.levels as number[]);
    for (const l of levels) expect(l).toEqual(levels[0]);
    // The extent of all frames, computed here by evaluating each checkpoint at every grid point.
    let lo = Infinity;
    let hi = -Infinity;
    for (const f of frames) {
      const net = buildNetwork(f.network!.spec);
      for (let i = 0; i <= 100; i++) for (let j = 0; j <= 100; j++) {
        const z = forward(net, [-5 + i * 0.1, -5 + j * 0.1])[0];
        lo = Math.min(lo, z);
        hi = Math.max(hi, z);
      }
    }
    expect(levels[0]).toHaveLength(101);
    expect(levels[0][0]).toBeCloseTo(lo, 9);
    expect(levels[0][100]).toBeCloseTo(hi, 9);
    // "frame" fits each frame on its own: the first epoch's surface spans much less.
    const own = animationFrames({ ...gif, sweep: { ...gif.sweep!, colorScale: 'frame' } }) as ResolvedContour[];
    expect(own[0].levels).toBe(101);
    expect(contactSheet(gif).sharedColorbar).toBe(true);
    expect(contactSheet({ ...gif, sweep: { ...gif.sweep!, colorScale: 'frame' } }).sharedColorbar).toBe(false);
  });
  it('line frames without a y range share the range that fits every frame', () => {
    const f = one(line({ format: 'gif', series: [{ activation: 'relu' }], sweep: { path: 'series.0.bias', values: [-2, 0, 3] } }));
    const frames = animationFrames(f) as ResolvedLine[];
    // relu(x + b) on x in [-5, 5]: from 0 up to 5 + 3 = 8 over the three frames, with 5% margins.
    for (const fr of frames) expect(fr.y.range).toEqual([-0.4, 8.4]);
    const own = animationFrames({ ...f, sweep: { ...f.sweep!, colorScale: 'frame' } }) as ResolvedLine[];
    expect(own.map((x) => x.y.range)).toEqual([undefined, undefined, undefined]);
    const sheet = contactSheet({ ...f, format: 'png' });
    expect(sheet.columns).toBe(3);
  });
  it('the fixed scale\'s extra pass over the frames is counted in the work budget', () => {
    const f = one(swept({ path: 'perceptron.bias', values: [-5, 0, 5] }, { format: 'gif' }));
    const fixed = figureCost(f).work;
    const own = figureCost({ ...f, sweep: { ...f.sweep!, colorScale: 'frame' } }).work;
    expect(fixed).toBe(2 * own);
  });
  it('a diagram of the checkpoints keeps one width scale: the largest |weight| of all frames', async () => {
    const apng = training().figures.find((f) => f.figure.name === 'moons-training-diagram')!.figure;
    const frames = animationFrames(apng) as ResolvedDiagram[];
    const largest = Math.max(...(sweepFrames(apng) as ResolvedDiagram[]).flatMap((f) => f.network.layers.flatMap((l) => l.weights.flat().map(Math.abs))));
    expect(frames.map((f) => f.weightScale)).toEqual(frames.map(() => largest));
    const r = await renderAny(apng);
    const decoded = UPNG.decode(r.bytes.buffer.slice(r.bytes.byteOffset, r.bytes.byteOffset + r.bytes.byteLength) as ArrayBuffer);
    expect(decoded.frames.length).toBe(5);
    expect([decoded.width, decoded.height]).toEqual([640, 480]);
  });
});
