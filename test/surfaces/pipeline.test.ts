import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli } from '../pipeline/helpers.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-surfaces-run-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a data file is an input like a model file', () => {
  it('render, up to date, the CSV edited: check names it, render draws the figure again; a bad row stops only its figure', () => {
    fs.mkdirSync(path.join(dir, 'configs'));
    fs.copyFileSync('test/fixtures/models/three-class.onnx', path.join(dir, 'configs/three.onnx'));
    fs.writeFileSync(path.join(dir, 'configs/pts.csv'), 'x1,x2,label\n-3,-2,0\n3,-2,1\n0,3,2\n');
    const fig = { kind: 'contour', network: { file: 'three.onnx' }, view: 'class', width: 300, height: 200, data: { file: 'pts.csv', class: 'label' } };
    fs.writeFileSync(path.join(dir, 'configs/a.json'), JSON.stringify({ figures: [{ name: 'with-data', ...fig }, { name: 'without', ...fig, data: undefined }] }));
    expect(cli(['render', 'configs', '--out', 'out'], dir).code).toBe(0);
    const again = cli(['render', 'configs', '--out', 'out'], dir);
    expect(again.out + again.err).toMatch(/0 figures written, 0 failed, 2 up to date/);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'out/manifest.json'), 'utf8'));
    expect(JSON.stringify(manifest)).toMatch(/pts\.csv/);
    fs.writeFileSync(path.join(dir, 'configs/pts.csv'), 'x1,x2,label\n-3,-2,0\n3,-2,1\n0,3,1\n');
    const check = cli(['check', 'configs', '--out', 'out'], dir);
    expect(check.code).toBe(1);
    expect(check.out + check.err).toMatch(/with-data.*data changed: configs[/\\]pts\.csv is not the file it was rendered from/);
    const edited = cli(['render', 'configs', '--out', 'out'], dir);
    expect(edited.out + edited.err).toMatch(/rendered +out\/with-data\.png[^]*1 figure written, 0 failed, 1 up to date/);
    fs.writeFileSync(path.join(dir, 'configs/pts.csv'), 'x1,x2,label\n-3,-2,0\n3,oops,1\n');
    const bad = cli(['render', 'configs', '--out', 'out'], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/configs[/\\]pts\.csv:3:3: column "x2": expected a number, got "oops" \(the data of configs[/\\]a\.json, figures\[0\]\.data\)/);
    expect(bad.err).not.toMatch(/\n\s+at /);
  });
});

describe('a JSON data file among the configs', () => {
  it('plan(paths) does not read a JSON file that a figure draws as data as a config; an unread JSON list still is an error', () => {
    const root = path.join(dir, 'json-data');
    fs.mkdirSync(path.join(root, 'configs/data'), { recursive: true });
    fs.writeFileSync(path.join(root, 'configs/data/pts.json'), JSON.stringify([{ x1: 1, x2: 2, c: 1 }, { x1: -3, x2: 0, c: 0 }]));
    fs.writeFileSync(path.join(root, 'configs/stray.json'), JSON.stringify([{ x1: 0, x2: 0, c: 0 }]));
    const fig = { name: 'json-data', kind: 'contour', width: 200, height: 150, perceptron: { weights: [1, 2], bias: -5, activation: 'step' }, view: 'class', data: { file: 'data/pts.json', x: 'x1', y: 'x2', class: 'c' } };
    fs.writeFileSync(path.join(root, 'configs/a.json'), JSON.stringify(fig));
    const r = cli(['validate', 'configs'], root);
    expect(r.out).toMatch(/^2 files, 1 valid figure, 1 error$/m);
    expect(r.err).toMatch(/stray\.json:1:1: expected a figure object/);
    expect(r.err).not.toMatch(/pts\.json/);
    fs.rmSync(path.join(root, 'configs/stray.json'));
    const ok = cli(['render', 'configs', '--out', 'out'], root);
    expect(ok.code).toBe(0);
    expect(ok.out + ok.err).toMatch(/1 figure written, 0 failed/);
  });
});
