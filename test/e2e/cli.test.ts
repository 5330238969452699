import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';

const BIN = path.resolve('bin/actiplot.js');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function write(dir: string, name: string, value: unknown) {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
}

describe('actiplot CLI, end to end in a temporary folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-e2e-'));
    write(dir, 'configs/line.json', { name: 'relu-small', kind: 'line', width: 320, height: 240, x: { range: [-2, 2], samples: 50 }, series: [{ activation: 'relu' }] });
    write(dir, 'configs/nested/contours.json', {
      figures: [
        { name: 'step-small', kind: 'contour', width: 300, height: 200, perceptron: { weights: [1, 2], bias: -5, activation: 'step' }, levels: 5, boundary: true },
        { name: 'relu-contour', kind: 'contour', width: 300, height: 220, perceptron: { weights: [3, -5], bias: 10, activation: 'relu' }, x: { range: [-5, 5], samples: 21 }, y: { range: [-5, 5], samples: 21 } },
      ],
    });
  });

  it('render writes one PNG per figure, of the configured size, and exits 0', () => {
    const r = cli(['render', 'configs', '--out', 'out'], dir);
    expect(r.err).toMatch(/3 figures written, 0 failed/);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(3);
    for (const [name, w, h] of [['relu-small', 320, 240], ['step-small', 300, 200], ['relu-contour', 300, 220]] as const) {
      const bytes = fs.readFileSync(path.join(dir, 'out', `${name}.png`));
      expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      const png = PNG.sync.read(bytes);
      expect([png.width, png.height]).toEqual([w, h]);
    }
    expect(fs.readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('renders the good figures and exits 1 when one config is bad, with one clear line and no stack trace', () => {
    write(dir, 'mixed/good.json', { name: 'good', kind: 'line', width: 200, height: 150, series: [{ activation: 'step' }] });
    write(dir, 'mixed/bad.json', '{"name": "bad", "kind": "contour", "perceptron": {"weights": [1, 2, 3], "activation": "relu"}}');
    const r = cli(['render', 'mixed', '--out', 'mixed-out'], dir);
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'mixed-out', 'good.png'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'mixed-out', 'bad.png'))).toBe(false);
    expect(r.err).toContain('mixed/bad.json:1:62: perceptron.weights: expected 2 numbers for a contour (inputs x1 and x2), got 3');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('validate checks without writing, exit 0 or 1', () => {
    const ok = cli(['validate', 'configs'], dir);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/2 files, 3 valid figures, 0 errors/);
    const bad = cli(['validate', 'mixed/bad.json'], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/perceptron\.weights/);
  });

  it('a missing path and an unknown flag are bad usage: exit 2 with a hint for the command', () => {
    const missing = cli(['render', 'nope', '--out', 'o'], dir);
    expect([missing.code, missing.err.trim().split('\n')[0]]).toEqual([2, 'actiplot: no such file or folder: nope (give config files, or folders that hold them)']);
    const u = cli(['render', '--bogus'], dir);
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/unknown option --bogus/);
    expect(u.err).toMatch(/actiplot render --help/);
    expect(cli([], dir).code).toBe(2);
  });

  it("eval prints the seed's worked example and value table", () => {
    expect(cli(['eval', '--activation', 'relu', '--weights', '2,3', '--bias', '-5', '--input', '1,2'], dir).out).toBe('3\n');
    expect(cli(['eval', '--activation', 'step', '--weights', '2,3', '--bias', '-5', '--input', '1,2'], dir).out).toBe('1\n');
    const table = cli(['eval', '--activation', 'relu', '--range', '-10,10', '--step', '1'], dir);
    expect(table.code).toBe(0);
    const rows = table.out.trim().split('\n').map((l) => l.split('\t').map(Number));
    expect(rows).toHaveLength(21);
    expect(rows).toEqual(Array.from({ length: 21 }, (_, i) => [i - 10, Math.max(i - 10, 0)]));
    const csv = cli(['eval', '-a', 'step', '--range', '-1,1', '--format', 'csv'], dir).out;
    expect(csv).toBe('x,f(x)\n-1,0\n0,0\n1,1\n');
    const json = JSON.parse(cli(['eval', '-a', 'relu', '--input', '-2', '--format', 'json'], dir).out);
    expect(json).toEqual({ input: [-2], output: 0 });
  });

  it("eval takes the seed's numbers from the configs in configs/", () => {
    const root = path.resolve('.');
    const worked = (panel: number) => cli(['eval', '--config', 'configs/worked-example.json', '--figure', 'worked-example', '--panel', String(panel), '--input', '1,2'], root).out;
    expect([worked(0), worked(1), worked(2)]).toEqual(['3\n', '1\n', '3\n']); // a = 3, step 1, ReLU 3
    const table = cli(['eval', '--config', 'configs/relu.json', '--figure', 'relu', '--range', '-10,10', '--step', '1'], root).out.trim().split('\n');
    expect(table.map((l) => l.split('\t').map(Number))).toEqual(Array.from({ length: 21 }, (_, i) => [i - 10, Math.max(i - 10, 0)]));
    const xor = (input: string) => Number(cli(['eval', '-c', 'configs/xor-network.json', '--figure', 'xor-network', '--input', input], root).out);
    expect([xor('0,0'), xor('0,1'), xor('1,0'), xor('1,1')].map(Math.round)).toEqual([0, 1, 1, 0]);
    const md = cli(['eval', '-c', 'configs/relu.json', '--figure', 'relu', '--range', '-1,1', '--format', 'markdown'], root).out;
    expect(md).toBe('| x | f(x) |\n| ---: | ---: |\n| -1 | 0 |\n| 0 | 0 |\n| 1 | 1 |\n');
    const missing = cli(['eval', '-c', 'configs/relu.json', '--figure', 'nope', '--input', '1'], root);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no figure "nope" in configs\/relu\.json \(it has relu\)/);
  });

  it('eval rejects mismatched shapes and unknown activations with exit 2', () => {
    const r = cli(['eval', '-a', 'relu', '--weights', '2,3', '--input', '1'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--input has 1 value but --weights has 2/);
    expect(cli(['eval', '-a', 'tanhh', '--input', '1'], dir).code).toBe(2);
  });

  it('schema prints a JSON Schema', () => {
    const s = JSON.parse(cli(['schema'], dir).out);
    expect(s.title).toBe('actiplot config');
    expect(s.then.properties.figures.type).toBe('array');
  });
});

describe('duplicate names across files', () => {
  it('name both places with line and column', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-dup-'));
    write(dir, 'a.json', '{"name": "relu", "kind": "line", "series": [{"activation": "relu"}]}');
    write(dir, 'b.json', '{\n  "kind": "line",\n  "name": "relu", "series": [{"activation": "relu"}]}');
    const r = cli(['validate', '.'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('b.json:3:11: name: duplicate figure name "relu" (also in a.json:1:10)');
  });
});

describe('render --scale and --format', () => {
  it('render every figure at the given density and still format; check takes the same flags', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-over-'));
    write(dir, 'c/a.json', { figures: [
      { name: 'l', kind: 'line', width: 200, height: 150, series: [{ activation: 'relu' }] },
      { name: 's', kind: 'contour', width: 200, height: 150, x: { range: [-5, 5], samples: 11 }, y: { range: [-5, 5], samples: 11 }, levels: [0, 5, 10],
        perceptron: { weights: [1, 1], activation: 'relu' }, sweep: { path: 'perceptron.bias', from: 0, to: 1, frames: 2, sheet: 0 } },
    ] });
    const r = cli(['render', 'c', '--out', 'o', '--scale', '2', '--format', 'svg'], dir);
    expect(r.code, r.err).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'o')).filter((f) => !f.endsWith('.json') && !f.endsWith('.html')).sort()).toEqual(['l.svg', 's.gif']);
    expect(fs.readFileSync(path.join(dir, 'o', 'l.svg'), 'utf8')).toMatch(/^<svg [^>]*width="400" height="300" viewBox="0 0 200 150"/);
    const gif = fs.readFileSync(path.join(dir, 'o', 's.gif'));
    expect([gif.readUInt16LE(6), gif.readUInt16LE(8)]).toEqual([400, 300]);
    expect(cli(['check', 'c', '--out', 'o', '--scale', '2', '--format', 'svg'], dir).code).toBe(0);
    expect(cli(['check', 'c', '--out', 'o'], dir).code).toBe(1);
    expect(cli(['render', 'c', '--out', 'o', '--scale', '0'], dir).code).toBe(2);
  });
});
