/**
 * Model files through the real CLI: the same weights give byte-identical figures whatever the
 * format, a bad model fails its figure alone (exit 1, one line), a changed model re-renders
 * exactly the figures that read it and `check` says "model changed", `eval` and `validate` read
 * models too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { cli, hashes, start, waitFor } from '../pipeline/helpers.js';
import { MOONS_LAYERS, MOONS_NPZ_LAYERS, REFERENCE, tempWithModels, writeJson } from './helpers.js';

const small = { width: 240, height: 200, x: { range: [-5, 5], samples: 41 }, y: { range: [-5, 5], samples: 41 }, colorbar: false, boundary: true };

describe('one set of weights in every format', () => {
  let dir: string;
  const sources: Record<string, object> = {
    onnx: { file: 'models/moons.onnx' },
    'onnx-f64': { file: 'models/moons-f64.onnx' },
    safetensors: { file: 'models/moons.safetensors', layers: MOONS_LAYERS },
    'safetensors-f64': { file: 'models/moons-f64.safetensors', layers: MOONS_LAYERS },
    pt: { file: 'models/moons.pt', layers: MOONS_LAYERS },
    npz: { file: 'models/moons.npz', layers: MOONS_NPZ_LAYERS },
    'npz-compressed': { file: 'models/moons-compressed.npz', layers: MOONS_NPZ_LAYERS },
  };
  beforeAll(() => {
    dir = tempWithModels(['moons.onnx', 'moons-f64.onnx', 'moons.safetensors', 'moons-f64.safetensors', 'moons.pt', 'moons.npz', 'moons-compressed.npz']);
    writeJson(dir, 'configs/moons.json', {
      figures: Object.entries(sources).flatMap(([k, network]) => [
        { name: `c-${k}`, kind: 'contour', title: 'moons', network, ...small },
        { name: `n-${k}`, kind: 'contour', title: 'moons', network, ...small, neurons: true, width: 800, height: 700 },
        { name: `s-${k}`, kind: 'contour', title: 'moons', network, ...small, format: 'svg' },
      ]),
    });
    for (const sub of ['models']) fs.renameSync(path.join(dir, sub), path.join(dir, 'configs', sub));
  });

  it('renders PNG and SVG contours and neuron panels that are byte-identical across ONNX, safetensors, .pt and .npz', () => {
    const r = cli(['render', 'configs', '--out', 'out', '--jobs', '1'], dir);
    expect(r.err).toMatch(/21 figures written, 0 failed/);
    expect(r.code).toBe(0);
    for (const prefix of ['c', 'n', 's']) {
      const ext = prefix === 's' ? 'svg' : 'png';
      const files = Object.keys(sources).map((k) => fs.readFileSync(path.join(dir, 'out', `${prefix}-${k}.${ext}`)));
      expect(files[0].length).toBeGreaterThan(1000);
      for (const f of files) expect(f.equals(files[0])).toBe(true);
    }
  });
});

describe('a bad model among good figures', () => {
  it('fails its figure with one line naming the config and the model file; the others render; exit 1', () => {
    const dir = tempWithModels(['moons.onnx', 'evil-os-system.pt']);
    fs.renameSync(path.join(dir, 'models'), path.join(dir, 'configs'));
    const half = fs.readFileSync(path.join(dir, 'configs/moons.onnx')).subarray(0, 1000);
    fs.writeFileSync(path.join(dir, 'configs/cut.onnx'), half);
    writeJson(dir, 'configs/a.json', {
      figures: [
        { name: 'good', kind: 'contour', network: { file: 'moons.onnx' }, ...small },
        { name: 'cut', kind: 'contour', network: { file: 'cut.onnx' }, ...small },
        { name: 'evil', kind: 'contour', network: { file: 'evil-os-system.pt', layers: MOONS_LAYERS }, ...small },
        { name: 'escape', kind: 'contour', network: { file: '../../../../etc/passwd' }, ...small },
      ],
    });
    const r = cli(['render', 'configs', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    const lines = r.err.split('\n').filter((l) => l.startsWith('configs/') && l.includes('network.file'));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^configs\/a\.json:\d+:\d+: figures\[1\]\.network\.file: configs\/cut\.onnx: not a valid ONNX file/);
    expect(lines[1]).toMatch(/^configs\/a\.json:\d+:\d+: figures\[2\]\.network\.file: configs\/evil-os-system\.pt: refused the pickle global "posix\.system"/);
    expect(lines[2]).toMatch(/^configs\/a\.json:\d+:\d+: figures\[3\]\.network\.file: \.\.\/\.\.\/\.\.\/etc\/passwd: the path leaves the config file's folder/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.png'))).toEqual(['good.png']);
    expect(fs.existsSync(path.join(dir, 'actiplot-pwned'))).toBe(false);
    const v = cli(['validate', 'configs'], dir);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/1 file, 1 valid figure, 3 errors/);
  });
});

describe('builds: a changed model re-renders exactly its figures', () => {
  it('render, replace one model file, check says "model changed" for its figures only, render redoes them only', () => {
    const dir = tempWithModels(['moons.safetensors', 'moons-f16.safetensors', 'three-class.onnx']);
    fs.renameSync(path.join(dir, 'models'), path.join(dir, 'configs'));
    writeJson(dir, 'configs/a.json', {
      figures: [
        { name: 'moons-1', kind: 'contour', network: { file: 'moons.safetensors', layers: MOONS_LAYERS }, ...small },
        { name: 'moons-2', kind: 'panels', panels: [{ kind: 'contour', network: { file: 'moons.safetensors', layers: MOONS_LAYERS } }], width: 300, height: 240 },
        { name: 'three', kind: 'contour', network: { file: 'three-class.onnx', output: 1 }, ...small },
        { name: 'plain', kind: 'contour', perceptron: { weights: [1, 2], bias: -5, activation: 'relu' }, ...small },
      ],
    });
    expect(cli(['render', 'configs', '--out', 'out'], dir).code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'out/manifest.json'), 'utf8'));
    expect(manifest.figures.find((f: { name: string }) => f.name === 'moons-1').models).toEqual({ 'configs/moons.safetensors': expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(manifest.figures.find((f: { name: string }) => f.name === 'plain').models).toBeUndefined();
    const second = cli(['render', 'configs', '--out', 'out'], dir);
    expect(second.err).toMatch(/0 figures written, 0 failed, 4 up to date/);

    fs.copyFileSync(path.join(dir, 'configs/moons-f16.safetensors'), path.join(dir, 'configs/moons.safetensors'));
    const c = cli(['check', 'configs', '--out', 'out'], dir);
    expect(c.code).toBe(1);
    const stale = c.out.split('\n').concat(c.err.split('\n')).filter((l) => /model changed/.test(l));
    expect(stale).toHaveLength(2);
    expect(stale.join('\n')).toMatch(/moons-1/);
    expect(stale.join('\n')).toMatch(/moons-2/);
    expect(stale.join('\n')).toMatch(/model changed: configs\/moons\.safetensors/);

    const third = cli(['render', 'configs', '--out', 'out'], dir);
    expect(third.code).toBe(0);
    expect(third.err).toMatch(/2 figures written, 0 failed, 2 up to date/);
    expect(third.out).toMatch(/rendered .*moons-1\.png/);
    expect(third.out).toMatch(/rendered .*moons-2\.png/);
    expect(third.out).not.toMatch(/rendered .*(three|plain)\.png/);
    expect(third.out).toMatch(/up to date .*three\.png/);
  });
});

describe('a sweep over a fixed input of a model, through the worker pool', () => {
  it('gives the same GIF with --jobs 1 and --jobs 2 (the frames carry the model to the workers)', () => {
    const dir = tempWithModels(['ball3.onnx']);
    fs.mkdirSync(path.join(dir, 'configs'));
    fs.renameSync(path.join(dir, 'models'), path.join(dir, 'configs/models'));
    writeJson(dir, 'configs/s.json', {
      name: 'ball', kind: 'contour', format: 'gif', width: 160, height: 120, x: { range: [-1.5, 1.5], samples: 31 }, y: { range: [-1.5, 1.5], samples: 31 },
      network: { file: 'models/ball3.onnx', inputs: ['x', 0, 'y'] }, sweep: { path: 'network.inputs.1', from: -1, to: 1, frames: 4, sheet: 0 },
    });
    const one = cli(['render', 'configs', '--out', 'one', '--jobs', '1'], dir);
    const two = cli(['render', 'configs', '--out', 'two', '--jobs', '2'], dir);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    const a = fs.readFileSync(path.join(dir, 'one/ball.gif'));
    expect(a.subarray(0, 6).toString()).toBe('GIF89a');
    expect(a.equals(fs.readFileSync(path.join(dir, 'two/ball.gif')))).toBe(true);
  });
});

describe('eval on a model', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempWithModels(['three-class.onnx', 'ball3.onnx', 'moons.onnx']);
    writeJson(dir, 'a.json', {
      figures: [
        { name: 'three', kind: 'contour', network: { file: 'models/three-class.onnx', output: 0 } },
        { name: 'ball', kind: 'contour', network: { file: 'models/ball3.onnx', inputs: ['x', 0.5, 'y'] } },
        { name: 'moons', kind: 'contour', network: { file: 'models/moons.onnx' }, neurons: true },
      ],
    });
  });

  it('prints every output of a classifier, tab-separated, matching PyTorch', () => {
    const ref = REFERENCE['three-class'];
    const [x1, x2] = ref.inputs[10];
    const r = cli(['eval', '--config', 'a.json', '--figure', 'three', '--input', `${x1},${x2}`], dir);
    expect(r.code).toBe(0);
    const got = r.out.trim().split('\t').map(Number);
    expect(got).toHaveLength(3);
    got.forEach((v, k) => expect(Math.abs(v - ref.outputs[10][k])).toBeLessThan(1e-6));
    const csv = cli(['eval', '--config', 'a.json', '--figure', 'three', '--input', `${x1},${x2}`, '--format', 'csv'], dir);
    expect(csv.out.split('\n')[0]).toBe('x1,x2,output 0,output 1,output 2');
  });

  it('on a slice, --input takes the plotted coordinates and the fixed input comes from the config', () => {
    const ref = REFERENCE.ball3;
    const i = 3;
    const [a, , c] = ref.inputs[i];
    const onSlice = cli(['eval', '--config', 'a.json', '--figure', 'ball', '--input', `${a},${c}`], dir);
    expect(onSlice.code).toBe(0);
    // The reference point has its own x2; the slice's is 0.5: evaluate the full model there for comparison.
    const full = cli(['eval', '--config', 'a.json', '--figure', 'ball', '--input', `${a},${c},0.5`], dir);
    expect(full.code).toBe(2);
    expect(full.err).toMatch(/--input has 3 values but the model takes 2/);
    expect(Number(onSlice.out)).toBeGreaterThanOrEqual(0);
    expect(Number(onSlice.out)).toBeLessThanOrEqual(1);
  });

  it('the output of a two-moons model, and a hidden neuron of its panels', () => {
    const ref = REFERENCE.moons;
    const [x1, x2] = ref.inputs[20];
    const out = cli(['eval', '--config', 'a.json', '--figure', 'moons', '--input', `${x1},${x2}`], dir);
    expect(Math.abs(Number(out.out) - ref.outputs[20][0])).toBeLessThan(1e-6);
    const hidden = cli(['eval', '--config', 'a.json', '--figure', 'moons', '--panel', '1', '--input', `${x1},${x2}`], dir);
    expect(Math.abs(Number(hidden.out))).toBeLessThanOrEqual(1);
    expect(Number(hidden.out)).not.toBe(Number(out.out));
  });
});

describe('render --watch and model files', () => {
  it('re-renders the figures of a model file that changes in a watched folder', async () => {
    const dir = tempWithModels(['moons.safetensors', 'moons-f16.safetensors']);
    fs.mkdirSync(path.join(dir, 'configs'));
    fs.renameSync(path.join(dir, 'models'), path.join(dir, 'configs/models'));
    writeJson(dir, 'configs/a.json', {
      figures: [
        { name: 'moons', kind: 'contour', network: { file: 'models/moons.safetensors', layers: MOONS_LAYERS }, ...small },
        { name: 'plain', kind: 'contour', perceptron: { weights: [1, 2], bias: -5, activation: 'relu' }, ...small },
      ],
    });
    const child = start(['render', 'configs', '--out', 'out', '--watch', '--jobs', '1'], dir);
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (err += d));
    const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      await waitFor(() => /watching for changes/.test(err), 15_000, 'the first run');
      const before = hashes(path.join(dir, 'out'));
      out = '';
      fs.copyFileSync(path.join(dir, 'configs/models/moons-f16.safetensors'), path.join(dir, 'configs/models/moons.safetensors'));
      await waitFor(() => hashes(path.join(dir, 'out'))['moons.png'] !== before['moons.png'], 15_000, 'moons.png to change');
      // A run reports the figures it skips first and a rendered one after writing it: wait for both lines.
      await waitFor(() => /up to date .*plain/.test(out) && /^rendered .*moons\.png/m.test(out), 5_000, 'the run to finish');
      expect(out.match(/^rendered .*$/gm)).toEqual([expect.stringMatching(/^rendered +out[/\\]moons\.png /)]);
      expect(hashes(path.join(dir, 'out'))['plain.png']).toBe(before['plain.png']);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await Promise.race([exit, new Promise((r) => setTimeout(() => r('timeout'), 10_000))])).toBe(0);
  });
});
