/**
 * The surface keys through validation: data files and rows, views, classes and sampling, with the
 * errors a person gets for each mistake (file:line:col for data files, the JSON path for configs).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { check, contour, errorsOf } from '../helpers.js';
import { inputHash } from '../../src/pipeline/hash.js';
import { figureModelFiles } from '../../src/config/figure-model-files.js';
import type { ResolvedContour, ResolvedPanels } from '../../src/model/figure.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-surfaces-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const models = path.resolve('test/fixtures/models');
fs.copyFileSync(path.join(models, 'three-class.onnx'), path.join(dir, 'three.onnx'));
fs.copyFileSync(path.join(models, 'moons.onnx'), path.join(dir, 'moons.onnx'));
const cfg = path.join(dir, 'a.json');
const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
write('pts.csv', 'x1,x2,label\n-3,-2,0\n3,-2,1\n0,3,2\n9,9,0\n');

const three = (over: Record<string, unknown> = {}) => ({ name: 't', kind: 'contour', network: { file: 'three.onnx' }, view: 'class', ...over });
const figureOf = (config: unknown) => {
  const r = check(config, cfg);
  expect(r.errors.map((e) => e.message)).toEqual([]);
  return r.figures[0].figure;
};

describe('data: files and rows', () => {
  it('reads a CSV relative to the config, records it like a model file and hashes its digest', () => {
    const fig = figureOf(three({ data: { file: 'pts.csv', class: 'label' } })) as ResolvedContour;
    expect(fig.data!.points.xs).toEqual([-3, 3, 0, 9]);
    expect(fig.data!.points.classes).toEqual([0, 1, 2, 0]);
    expect(figureModelFiles(fig)[path.join(dir, 'pts.csv')]).toMatch(/^[0-9a-f]{64}$/);
    const before = inputHash(fig, 'v');
    write('pts2.csv', 'x1,x2,label\n-3,-2,0\n3,-2,1\n0,3,2\n9,9,1\n');
    const other = figureOf(three({ data: { file: 'pts2.csv', class: 'label' } }));
    expect(inputHash(other, 'v')).not.toBe(before);
    expect(inputHash(figureOf(three({ data: { file: 'pts.csv', class: 'label' } })), 'v')).toBe(before);
  });
  it('inline rows, JSON files, and class names mapped to their index', () => {
    write('pts.json', JSON.stringify([{ a: 1, b: 2, c: 'blue' }]));
    const named = { classes: ['red', 'green', 'blue'] };
    expect((figureOf(three({ ...named, data: { file: 'pts.json', x: 'a', y: 'b', class: 'c' } })) as ResolvedContour).data!.points.classes).toEqual([2]);
    expect((figureOf(three({ ...named, data: { rows: [{ x1: 1, x2: 2, label: 'green' }], class: 'label' } })) as ResolvedContour).data!.points.classes).toEqual([1]);
  });
  it('an error in a data file names that file, the line and the column, and the figure it belongs to', () => {
    write('bad.csv', 'x1,x2,label\n1,2,0\n1,two,0\n');
    expect(errorsOf(three({ data: { file: 'bad.csv', class: 'label' } }), cfg)).toEqual([
      `${path.join(dir, 'bad.csv')}:3:3: column "x2": expected a number, got "two" (the data of ${cfg}, data)`,
    ]);
    write('bad.json', '[\n {"x1": 1, "x2": 2, "label": 7}\n]');
    expect(errorsOf(three({ data: { file: 'bad.json', class: 'label' } }), cfg)[0]).toMatch(/bad\.json:2:30: point 0: "label": class 7 does not exist: the model has 3 classes/);
  });
  it('an error in inline rows points at the row in the config', () => {
    const [msg] = errorsOf(three({ data: { rows: [{ x1: 1, x2: 2, label: 0 }, { x1: 1, x2: 'x', label: 0 }], class: 'label' } }), cfg);
    expect(msg).toMatch(/a\.json:\d+:\d+: data\.rows\[1\]\.x2: expected a number, got "x"$/);
  });
  it('refuses paths out of the folder, missing files, other formats, folders, FIFOs and files over the size limit', () => {
    const err = (file: string) => errorsOf(three({ data: { file } }), cfg)[0];
    expect(err('../x.csv')).toMatch(/data\.file: .*leaves the config file's folder/);
    expect(err('/etc/passwd')).toMatch(/an absolute path is not allowed/);
    expect(err('none.csv')).toMatch(/data\.file: .*none\.csv: no such file/);
    write('pts.txt', 'x');
    expect(err('pts.txt')).toMatch(/unknown data format "\.txt" \(expected \.csv or \.json\)/);
    fs.mkdirSync(path.join(dir, 'folder.csv'), { recursive: true });
    expect(err('folder.csv')).toMatch(/is a folder, not a regular file/);
    execFileSync('mkfifo', [path.join(dir, 'fifo.csv')]);
    expect(err('fifo.csv')).toMatch(/is a FIFO \(named pipe\), not a regular file/);
    fs.writeFileSync(path.join(dir, 'huge.csv'), '');
    fs.truncateSync(path.join(dir, 'huge.csv'), 17 * 1024 * 1024);
    expect(err('huge.csv')).toMatch(/file is 17825792 bytes; the limit is 16777216/);
  });
  it('says what is missing or contradictory', () => {
    expect(errorsOf(three({ data: { class: 'label' } }), cfg)[0]).toMatch(/data: give "file" \(a CSV or JSON file\) or "rows"/);
    expect(errorsOf(three({ data: { file: 'pts.csv', highlight: 'misclassified' } }), cfg)[0]).toMatch(/data\.highlight: "misclassified" compares each point's class/);
    expect(errorsOf(three({ data: { file: 'pts.csv', hilight: 'misclassified' } }), cfg)[0]).toMatch(/unknown key "hilight" \(did you mean "highlight"\?\)/);
  });
});

describe('view, classes and sampling', () => {
  it('a class view of a 3-output model needs no "output"; an output view still does', () => {
    expect(figureOf(three()).kind).toBe('contour');
    expect(errorsOf(three({ view: 'output' }), cfg)[0]).toMatch(/the model has 3 outputs \(a softmax over 3 classes\); choose the one to draw with "output": 0 to 2, or draw the classes with "view": "class"/);
  });
  it('classes: one name per output, no repeats, and only where something shows classes', () => {
    expect(errorsOf(three({ classes: ['a', 'b'] }), cfg)[0]).toMatch(/classes: expected 3 class names \(the model has 3 outputs\), got 2/);
    expect(errorsOf(three({ classes: ['a', 'b', 'a'] }), cfg)[0]).toMatch(/the class name "a" is given twice/);
    expect(errorsOf({ ...three({ classes: ['a', 'b', 'c'] }), view: 'output', network: { file: 'three.onnx', output: 0 } }, cfg)[0]).toMatch(/"classes" names the classes of a "view"/);
    expect(errorsOf(contour({ view: 'class', classes: ['below', 'above', 'x'] }), cfg)[0]).toMatch(/expected 2 class names \(the model has one output: 2 classes, below and above its threshold\)/);
  });
  it('a probability view of one output needs an output in [0, 1]', () => {
    expect(errorsOf(contour({ view: 'probability' }), cfg)[0]).toMatch(/view: a probability view of one output needs an output in \[0, 1\].*got relu output/);
    expect(check(contour({ view: 'probability', perceptron: { weights: [1, 2], bias: -5, activation: 'sigmoid' } }), cfg).errors).toEqual([]);
    expect(check({ name: 'm', kind: 'contour', network: { file: 'moons.onnx' }, view: 'probability' }, cfg).errors).toEqual([]);
  });
  it('a typed network of several outputs may be drawn in a class view', () => {
    const net = { layers: [{ weights: [[1, 0], [0, 1], [-1, -1]], biases: [0, 0, 0], activation: 'identity' }] };
    expect(check({ name: 'n', kind: 'contour', network: net, view: 'class' }, cfg).errors).toEqual([]);
    expect(errorsOf({ name: 'n', kind: 'contour', network: net }, cfg)[0]).toMatch(/expected 1 output neuron in the last layer for a contour \(or "view": "class" for a classifier\), got 3/);
  });
  it('class views are 0.6 opaque by default, output views opaque; the seed figures hash as before (no new keys)', () => {
    expect((figureOf(three()) as ResolvedContour).alpha).toBe(0.6);
    const plain = figureOf(contour()) as ResolvedContour;
    expect(plain.alpha).toBe(1);
    expect(Object.keys(plain)).not.toEqual(expect.arrayContaining(['view']));
    expect(['view', 'classes', 'sampling', 'data'].filter((k) => k in plain)).toEqual([]);
  });
  it('"sampling": "pixel" samples one point per CSS pixel of the cell, within the work budget', () => {
    const fig = figureOf(contour({ sampling: 'pixel', width: 400, height: 300 })) as ResolvedContour;
    expect([fig.x.samples, fig.y.samples, fig.x.step]).toEqual([400, 300, undefined]);
    const panels = figureOf({ name: 'p', kind: 'panels', width: 800, height: 300, panels: [contour({ sampling: 'pixel' }), contour()].map(({ name: _n, ...p }) => p) }) as ResolvedPanels;
    expect((panels.panels[0] as ResolvedContour).x.samples).toBe(400);
    expect((panels.panels[1] as ResolvedContour).x.step).toBe(0.1);
    // Within budget on the grid; the same figure evaluated at each of its 1200 × 1200 device pixels is not.
    const layers = [
      { weights: Array.from({ length: 64 }, () => [1, 1]), biases: Array(64).fill(0), activation: 'relu' },
      { weights: Array.from({ length: 64 }, () => Array(64).fill(0.01)), biases: Array(64).fill(0), activation: 'relu' },
      { weights: [Array(64).fill(1)], biases: [0], activation: 'sigmoid' },
    ];
    const big = { name: 'w', kind: 'contour', width: 600, height: 600, scale: 2, network: { layers } };
    expect(errorsOf(big, cfg)).toEqual([]);
    expect(errorsOf({ ...big, sampling: 'pixel' }, cfg)[0]).toMatch(/over the work budget .*needs 3\.\d+e10/);
  });
});

describe('data files are confined like model files', () => {
  it('a symlink that leads out of the config folder is refused', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.csv'), 'x1,x2\n1,2\n');
    fs.symlinkSync(path.join(outside, 'secret.csv'), path.join(dir, 'link.csv'));
    expect(errorsOf(three({ data: { file: 'link.csv' } }), cfg)[0]).toMatch(/a symlink leads out of the config file's folder .*copy the file in instead/);
    fs.rmSync(outside, { recursive: true, force: true });
  });
});
