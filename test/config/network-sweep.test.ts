import { describe, expect, it } from 'vitest';
import { check, contour, errorsOf, line, renderAny } from '../helpers.js';
import { sweepFrames, sheetIndices, formatValue } from '../../src/config/sweep.js';
import { sampleFigure } from '../../src/core/sample-figure.js';
import type { ResolvedContour, ResolvedFigure, ResolvedPanels } from '../../src/model/figure.js';

const xorNet = {
  layers: [
    { weights: [[20, 20], [-20, -20]], biases: [-10, 30], activation: 'sigmoid' },
    { weights: [[20, 20]], biases: [-30], activation: 'sigmoid' },
  ],
};
const net = (over: Record<string, unknown> = {}) => ({ name: 'n', kind: 'contour', x: { range: [-0.5, 1.5], samples: 41 }, y: { range: [-0.5, 1.5], samples: 41 }, network: xorNet, ...over });

describe('network configs', () => {
  it('a network contour samples the network output', async () => {
    const fig = check(net()).figures[0].figure as ResolvedContour;
    expect(fig.threshold).toBe(0.5);
    const d = sampleFigure(fig);
    if (d.kind !== 'contour') throw new Error('expected contour data');
    const at = (x: number, y: number) => d.grid.z[Math.round((y + 0.5) * 20) * 41 + Math.round((x + 0.5) * 20)];
    expect(at(0, 1)).toBeGreaterThan(0.99);
    expect(at(1, 1)).toBeLessThan(0.01);
  });
  it('"neurons": true becomes panels: the output and one surface per hidden neuron', async () => {
    const fig = check(net({ neurons: true, title: 'XOR' })).figures[0].figure as ResolvedPanels;
    expect(fig.kind).toBe('panels');
    expect(fig.title).toBe('XOR');
    expect(fig.panels.map((p) => p.title)).toEqual(['output', 'layer 1, neuron 1', 'layer 1, neuron 2']);
    const hidden = fig.panels[1];
    expect(hidden.kind === 'contour' && hidden.network).toMatchObject({ layer: 0, neuron: 0 });
  });
  it('draws the decision boundary as a contour line at the threshold', async () => {
    const png = (await renderAny(check(net({ boundary: true, width: 300, height: 240 })).figures[0].figure));
    expect(png.bytes.length).toBeGreaterThan(1000);
    expect(check(net({ network: { layers: [{ weights: [[1, 1]], biases: [0], activation: 'relu' }] } })).figures[0].figure).toMatchObject({ threshold: 0 });
  });
  it.each([
    ['a wrong row length', net({ network: { layers: [{ weights: [[1, 2], [3]], biases: [0, 0], activation: 'relu' }, { weights: [[1, 1]], biases: [0], activation: 'relu' }] } }),
      /: network\.layers\[0\]\.weights\[1\]: expected 2 numbers \(one per input: the 2 network inputs\), got 1$/],
    ['a layer that does not fit the one before', net({ network: { layers: [xorNet.layers[0], { weights: [[1, 2, 3]], biases: [0], activation: 'relu' }] } }),
      /: network\.layers\[1\]\.weights\[0\]: expected 2 numbers \(one per input: the 2 neurons of layer 0\), got 3$/],
    ['biases that do not match the rows', net({ network: { layers: [{ weights: [[1, 2]], biases: [0, 1], activation: 'relu' }] } }),
      /: network\.layers\[0\]\.biases: expected 1 number \(one per neuron, as weights has 1 row\), got 2$/],
    ['two outputs', net({ network: { layers: [xorNet.layers[0]] } }), /: network\.layers\[0\]\.weights: expected 1 output neuron in the last layer for a contour \(or "view": "class" for a classifier\), got 2$/],
    ['both perceptron and network', net({ perceptron: { weights: [1, 2], activation: 'relu' } }), /: give "perceptron" or "network" \(exactly one of them\)$/],
    ['neither', { name: 'n', kind: 'contour' }, /give "perceptron" or "network"/],
    ['neurons with a perceptron', contour({ neurons: true }), /: neurons: "neurons" shows the hidden neurons of a "network"/],
    ['a network series with a derivative', line({ series: [{ network: { layers: [{ weights: [[1]], biases: [0], activation: 'relu' }] }, derivative: true }] }), /: series\[0\]\.derivative: the derivative of a network series is not available/],
    ['a network series with 2 inputs', line({ series: [{ network: { layers: [{ weights: [[1, 2]], biases: [0], activation: 'relu' }] } }] }), /: series\[0\]\.network\.layers\[0\]\.weights\[0\]: expected 1 number \(one per input: the 1 network input\), got 2$/],
  ])('rejects %s, naming the place', (_, config, pattern) => {
    const errors = errorsOf(config);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(pattern);
  });
  it('a network line series plots the network of one input', async () => {
    const fig = check(line({ series: [{ network: { layers: [{ weights: [[1], [-1]], biases: [0, 0], activation: 'relu' }, { weights: [[1, 1]], biases: [0], activation: 'identity' }] } }] })).figures[0].figure;
    const d = sampleFigure(fig);
    if (d.kind !== 'line') throw new Error('expected line data');
    const { xs, ys } = d.series[0].pieces[0];
    for (let i = 0; i < xs.length; i++) expect(ys[i]).toBeCloseTo(Math.abs(xs[i]), 12); // relu(x) + relu(-x) = |x|
  });
});

describe('sweeps', () => {
  const sweep = (over: Record<string, unknown> = {}) => contour({ width: 200, height: 150, x: { range: [-5, 5], samples: 21 }, y: { range: [-5, 5], samples: 21 }, levels: 5, sweep: { path: 'perceptron.bias', from: -5, to: 5, frames: 5, sheet: 3, ...over } });
  it('adds a contact sheet beside the animation', async () => {
    const r = check(sweep());
    expect(r.figures.map((f) => [f.figure.name, f.figure.format])).toEqual([['c', 'gif'], ['c-sheet', 'png']]);
  });
  it('frames vary the value from "from" to "to", captioned', async () => {
    const fig = check(sweep()).figures[0].figure as ResolvedFigure;
    const frames = sweepFrames(fig);
    expect(frames.map((f) => (f as ResolvedContour).perceptron!.bias)).toEqual([-5, -2.5, 0, 2.5, 5]);
    expect(frames[0].title).toBe('perceptron.bias = −5');
  });
  it('picks evenly spread frames for the sheet, ends included', async () => {
    expect(sheetIndices(40, 8)).toEqual([0, 6, 11, 17, 22, 28, 33, 39]);
    expect(sheetIndices(3, 8)).toEqual([0, 1, 2]);
    expect(formatValue(-0.1 + 0.2 - 0.1)).toBe('0');
  });
  it('renders a GIF with one frame per value, looping, byte-identical across runs', async () => {
    const fig = check(sweep()).figures[0].figure;
    const a = (await renderAny(fig));
    expect(a.fileName).toBe('c.gif');
    expect(a.bytes.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(a.bytes.includes(Buffer.from('NETSCAPE2.0'))).toBe(true);
    let frames = 0;
    for (let i = 0; i + 1 < a.bytes.length; i++) if (a.bytes[i] === 0x21 && a.bytes[i + 1] === 0xf9 && a.bytes[i + 2] === 4) frames++;
    expect(frames).toBe(5);
    expect((await renderAny(fig)).bytes.equals(a.bytes)).toBe(true);
  });
  it('renders an APNG when asked (acTL chunk, 5 frames)', async () => {
    const fig = check(sweep()).figures[0].figure;
    const a = (await renderAny({ ...fig, format: 'apng' }));
    expect(a.fileName).toBe('c.png');
    const i = a.bytes.indexOf(Buffer.from('acTL'));
    expect(i).toBeGreaterThan(0);
    expect(a.bytes.readUInt32BE(i + 4)).toBe(5);
  });
  it.each([
    ['a path that is not a number', sweep({ path: 'perceptron.activation' }), /: sweep\.path: "perceptron\.activation" does not name a number/],
    ['a path that does not exist', sweep({ path: 'perceptron.weights.7' }), /: sweep\.path: "perceptron\.weights\.7" does not name a number/],
    ['an end that makes the figure invalid', contour({ alpha: 0.5, sweep: { path: 'alpha', from: 0, to: 2, frames: 3 } }), /: sweep\.to: the frame at alpha = 2 is invalid: expected an opacity from 0 to 1 <= 1/],
    ['a still format', contour({ format: 'svg', sweep: { path: 'perceptron.bias', from: 0, to: 1, frames: 2 } }), /: format: a sweep renders an animation: expected "gif" or "apng", got "svg"$/],
    ['an animation format without a sweep', contour({ format: 'gif' }), /: format: "gif" is an animation format; it needs a "sweep"$/],
    ['too many frames', sweep({ frames: 5000 }), /: sweep\.frames: expected the number of frames <= 500/],
  ])('rejects %s', (_, config, pattern) => {
    const errors = errorsOf(config);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(pattern);
  });
});
