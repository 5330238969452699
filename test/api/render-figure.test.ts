import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { ConfigError, renderFigure, validate, render, type FigureConfig } from '../../src/index.js';
import { ROOT, tempDir } from '../pipeline/helpers.js';
import { describeFigure } from '../../src/alt/index.js';

const relu = JSON.parse(fs.readFileSync(path.join(ROOT, 'configs/relu.json'), 'utf8'));
const small: FigureConfig = { name: 'small', kind: 'line', width: 320, height: 240, x: { range: [-2, 2], samples: 21 }, series: [{ activation: 'relu' }] };

async function rejection(p: Promise<unknown>): Promise<ConfigError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ConfigError);
  return err as ConfigError;
}

describe('renderFigure(config)', () => {
  it('renders a plain config object to the bytes `actiplot render` writes for it', async () => {
    const out = await renderFigure(relu);
    expect(out.format).toBe('png');
    expect([out.width, out.height]).toEqual([800, 600]);
    expect(out.bytes.equals(fs.readFileSync(path.join(ROOT, 'output/relu.png')))).toBe(true);
    // The alt text generated from the maths (src/alt/), or the config's own.
    expect(out.alt).toBe(describeFigure(validate(relu).figures[0]));
    expect(out.alt).toMatch(/^ReLU function\. Line graph of ReLU\(x\) for x from −10 to 10/);
    expect((await renderFigure({ ...small, alt: 'My own words' })).alt).toBe('My own words');
  });

  it('gives the size of the file: width × scale in pixels for a PNG, as the decoded image has it', async () => {
    const out = await renderFigure({ ...small, scale: 2 });
    const png = PNG.sync.read(out.bytes);
    expect([png.width, png.height]).toEqual([640, 480]);
    expect([out.width, out.height]).toEqual([640, 480]);
  });

  it('renders SVG and PDF as the config asks', async () => {
    const svg = await renderFigure({ ...small, format: 'svg' });
    expect(svg.format).toBe('svg');
    expect(svg.bytes.toString('utf8')).toMatch(/^<svg [^>]*width="320" height="240"/);
    const pdf = await renderFigure({ ...small, format: 'pdf' });
    expect(pdf.format).toBe('pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('renders a sweep as its animation, and its contact sheet when named', async () => {
    const sweep = { ...small, series: [{ activation: 'relu', bias: 0 }], sweep: { path: 'series.0.bias', from: 0, to: 1, frames: 3, sheet: 3 } };
    const gif = await renderFigure(sweep);
    expect(gif.format).toBe('gif');
    expect(gif.bytes.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    const sheet = await renderFigure(sweep, { figure: 'small-sheet' });
    expect(sheet.format).toBe('png');
  });

  it('takes JSON text, and its errors carry the line and column', async () => {
    const text = '{\n  "name": "t",\n  "kind": "line",\n  "series": [{ "activation": "rleu" }]\n}\n';
    const err = await rejection(renderFigure(text, { file: 'figure.json' }));
    expect(err.path).toBe('series[0].activation');
    expect(err.loc).toEqual({ line: 4, column: 30 });
    expect(err.message).toMatch(/^figure\.json:4:30: series\[0\]\.activation: expected an activation .*did you mean "relu"/);
  });

  it('rejects a wrong config with a ConfigError naming its JSON path, as a file would be', async () => {
    const err = await rejection(renderFigure({ name: 'c', kind: 'contour', perceptron: { weights: [1, 2, 3], activation: 'relu' } }));
    expect(err.path).toBe('perceptron.weights');
    expect(err.message).toBe('config: perceptron.weights: expected 2 numbers for a contour (inputs x1 and x2), got 3');
  });

  it('rejects what no JSON file could hold, saying where it is', async () => {
    expect((await rejection(renderFigure({ ...small, width: Number.NaN }))).message).toBe('config: width: expected a finite number, got NaN');
    expect((await rejection(renderFigure({ ...small, series: [{ activation: () => 1 }] } as never))).path).toBe('series[0].activation');
    const cyclic: Record<string, unknown> = { ...small };
    cyclic.x = { range: [-1, 1], again: cyclic };
    expect((await rejection(renderFigure(cyclic as never))).message).toMatch(/^config: x\.again: a value that contains itself/);
    expect((await rejection(renderFigure({ ...small, title: new Date(0) } as never))).message).toBe('config: title: expected a plain object, got Date');
  });

  it('asks which figure to render when the config holds several', async () => {
    const list = { figures: [small, { ...small, name: 'other' }] };
    expect((await rejection(renderFigure(list))).message).toBe('config: the config has 2 figures (small, other): name the one to render');
    expect((await rejection(renderFigure(list, { figure: 'nope' }))).message).toBe('config: no figure named "nope" (it has small, other)');
    expect((await renderFigure(list, { figure: 'other' })).format).toBe('png');
  });

  it('reads model files relative to the folder of `file`', async () => {
    const config = { name: 'npz', kind: 'contour', network: { file: 'models/perceptron.npz' } };
    expect((await rejection(renderFigure(config, { file: path.join(ROOT, 'README.md') }))).message).toMatch(/models\/perceptron\.npz/);
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'configs/perceptron-npz.json'), 'utf8'));
    const out = await renderFigure(committed, { file: path.join(ROOT, 'configs/perceptron-npz.json') });
    expect(out.bytes.equals(fs.readFileSync(path.join(ROOT, 'output/perceptron-npz.png')))).toBe(true);
  });
});

describe('validate(config)', () => {
  it('returns the resolved figures of a valid config', () => {
    const r = validate(small);
    expect(r.ok).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.figures.map((f) => [f.name, f.format, f.scale])).toEqual([['small', 'png', 1]]);
  });

  it('returns every error, in the order they stand, each with its JSON path', () => {
    const r = validate({ name: 'bad', kind: 'line', width: 0, series: [{ activation: 'rleu' }], grid: 'yes' });
    expect(r.ok).toBe(false);
    expect(r.figures).toEqual([]);
    expect(r.errors.map((e) => e.path).sort()).toEqual(['grid', 'series[0].activation', 'width']);
    for (const e of r.errors) expect(e).toBeInstanceOf(ConfigError);
  });

  it('says what is wrong with a value that is not a figure object', () => {
    expect(validate(42).errors.map((e) => e.message)).toEqual(['config: expected a figure object or { "figures": [ ... ] }, got 42']);
    expect(validate('{ "name": ').errors[0].message).toMatch(/^config:1:\d+: invalid JSON/);
  });
});

describe('render({ configs, out })', () => {
  it('renders config files into the output folder as the CLI does, and then has nothing to do', async () => {
    const dir = tempDir('api-render');
    fs.writeFileSync(path.join(dir, 'small.json'), JSON.stringify(small));
    const lines: string[] = [];
    const first = await render({ configs: path.join(dir, 'small.json'), out: path.join(dir, 'out'), jobs: 1, log: (l) => lines.push(l) });
    expect(first.failed).toEqual([]);
    expect(first.written.map((w) => path.basename(w.file))).toEqual(['small.png']);
    expect(fs.existsSync(path.join(dir, 'out/small.png'))).toBe(true);
    expect(lines.length).toBeGreaterThan(0);
    const second = await render({ configs: [dir], out: path.join(dir, 'out'), jobs: 1 });
    expect(second.written).toEqual([]);
    expect(second.figures.map((f) => f.status)).toEqual(['skipped']);
  });
});
