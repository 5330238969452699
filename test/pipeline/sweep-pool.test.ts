/**
 * Sweep frames go through the pool (one job per frame, raw pixels back) and the animation the run
 * writes is byte-identical for any --jobs, and to an in-process render.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { cli, tempDir, writeJson } from './helpers.js';
import { renderAny } from '../helpers.js';
import { animationEncoder } from '../../src/render/encode-animation.js';
import { loadFile } from '../../src/pipeline/plan.js';
import { render } from '../../src/pipeline/run.js';
import { draw, inProcessRenderer, type Draw } from '../../src/pipeline/in-process.js';

const sweep = (name: string, format: 'gif' | 'apng') => ({
  name, kind: 'contour', format, width: 200, height: 150, x: { range: [-5, 5], samples: 21 }, y: { range: [-5, 5], samples: 21 },
  levels: [0, 4, 8, 12, 16], perceptron: { weights: [1, 2], activation: 'relu' }, sweep: { path: 'perceptron.bias', from: -5, to: 5, frames: 9, sheet: 0 },
});

describe('sweep animations through the pool', () => {
  it('are byte-identical with --jobs 1, --jobs 2 and in process, as GIF and APNG', async () => {
    const dir = tempDir('sweep-pool');
    writeJson(path.join(dir, 'configs/s.json'), { figures: [sweep('s-gif', 'gif'), sweep('s-apng', 'apng')] });
    for (const jobs of ['1', '2']) {
      const r = cli(['render', 'configs', '--out', `out${jobs}`, '--jobs', jobs], dir);
      expect(r.code, r.err).toBe(0);
    }
    for (const job of loadFile(path.join(dir, 'configs/s.json')).jobs) {
      const r = await renderAny(job.figure);
      const one = fs.readFileSync(path.join(dir, 'out1', r.fileName));
      const two = fs.readFileSync(path.join(dir, 'out2', r.fileName));
      expect(one.equals(r.bytes), `${r.fileName} --jobs 1`).toBe(true);
      expect(two.equals(r.bytes), `${r.fileName} --jobs 2`).toBe(true);
    }
  });
  it('a frame that fails fails its animation only', async () => {
    const dir = tempDir('sweep-fail');
    writeJson(path.join(dir, 'configs/s.json'), { figures: [sweep('s-gif', 'gif'), { name: 'other', kind: 'line', width: 200, height: 150, series: [{ activation: 'relu' }] }] });
    // The fifth frame of s-gif throws while it is drawn.
    let frames = 0;
    const faulty: Draw = (f, mode) => (mode === 'frame' && ++frames === 5 ? Promise.reject(new Error('injected fault while drawing s-gif')) : draw(f, mode));
    const r = await render({ paths: [path.join(dir, 'configs')], out: path.join(dir, 'out'), renderer: inProcessRenderer({ draw: faulty }) });
    expect(r.failed).toEqual([`${path.join(dir, 'configs/s.json')}: s-gif: failed to render: injected fault while drawing s-gif`]);
    expect(fs.existsSync(path.join(dir, 'out', 'other.png'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'out', 's-gif.gif'))).toBe(false);
  });
});

describe("animationEncoder('gif', fps)", () => {
  it('gives the same bytes for pixels in a view of a larger buffer (as they arrive from a worker)', async () => {
    const encodeGif = (frames: { data: Uint8ClampedArray; width: number; height: number }[], fps: number) => {
      const e = animationEncoder('gif', fps);
      for (const f of frames) e.add(f);
      return e.finish();
    };
    const w = 4;
    const h = 3;
    const pixels = new Uint8ClampedArray(w * h * 4).map((_, i) => (i * 37) % 256);
    const padded = new Uint8ClampedArray(pixels.length + 64);
    padded.set(pixels, 32);
    const view = new Uint8ClampedArray(padded.buffer, 32, pixels.length);
    expect(encodeGif([{ data: view, width: w, height: h }], 10).equals(encodeGif([{ data: pixels, width: w, height: h }], 10))).toBe(true);
  });
});
