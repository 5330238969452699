/**
 * The renderer of this process (drawing overlapped with encoding, a bounded number in flight), the
 * choice of renderers for a run, and animations encoded from frames in order whatever order the
 * frames finish in.
 */
import { describe, expect, it } from 'vitest';
import { autoJobs, makeRenderer } from '../../src/pipeline/renderers.js';
import { inProcessRenderer, type Draw } from '../../src/pipeline/in-process.js';
import { renderOutput } from '../../src/pipeline/output.js';
import type { RenderOutcome, Renderer } from '../../src/pipeline/protocol.js';
import type { ResolvedFigure } from '../../src/model/figure.js';
import { encodePng, encodePngAsync, createRaster } from '../../src/render/canvas.js';
import { animationEncoder } from '../../src/render/encode-animation.js';
import { check, contour } from '../helpers.js';

const fig = (name: string) => ({ name }) as unknown as ResolvedFigure;

describe('autoJobs(count, cores)', () => {
  it('renders in this process alone on two cores, whatever the work', () => {
    for (const count of [1, 10, 100, 10_000]) expect(autoJobs(count, 2)).toBe(1);
  });
  it('adds a process per two cores, only with enough figures for each', () => {
    expect(autoJobs(1000, 8)).toBe(4);
    expect(autoJobs(80, 8)).toBe(2);
    expect(autoJobs(39, 8)).toBe(1);
    expect(autoJobs(1000, 1)).toBe(1);
  });
  it('makeRenderer(jobs, count) never makes more renderers than figures', async () => {
    const r = makeRenderer(8, 1);
    expect(r.size).toBe(1);
    await r.close();
  });
});

describe('inProcessRenderer({ encodes })', () => {
  it('has at most `encodes` figures in flight and answers each with its own result', async () => {
    let active = 0;
    let most = 0;
    const draw: Draw = async (f) => {
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      return { bytes: Buffer.from(f.name), format: 'png', width: 1, height: 1 };
    };
    const r = inProcessRenderer({ encodes: 3, draw });
    const names = Array.from({ length: 12 }, (_, i) => `f${i}`);
    const out = await Promise.all(names.map((n) => r.render(fig(n))));
    expect(most).toBe(3);
    expect(out.map((o) => o.ok && o.bytes.toString())).toEqual(names);
  });
  it('turns an exception while drawing into a failed outcome', async () => {
    const r = inProcessRenderer({ draw: () => Promise.reject(new Error('broken')) });
    expect(await r.render(fig('x'))).toMatchObject({ ok: false, message: 'broken' });
  });
});

describe('encodePngAsync(surface)', () => {
  it('gives the bytes encodePng gives', async () => {
    const { surface, ctx } = createRaster(120, 80);
    ctx.fillStyle = '#3b4cc0';
    ctx.fillRect(10, 10, 60, 40);
    ctx.fillText('ReLU', 20, 70);
    expect((await encodePngAsync(surface)).equals(encodePng(surface))).toBe(true);
  });
});

describe('renderOutput(animation, renderer)', () => {
  it('encodes the frames in order even when later frames are drawn first', async () => {
    const config = contour({ name: 's', format: 'gif', width: 160, height: 120, x: { range: [-5, 5], samples: 11 }, y: { range: [-5, 5], samples: 11 }, levels: [0, 4, 8, 12], sweep: { path: 'perceptron.bias', from: -5, to: 5, frames: 6, sheet: 0 } });
    const animation = check(config).figures[0].figure;
    const here = inProcessRenderer();
    const frames: RenderOutcome[] = [];
    // A renderer that answers each frame after a delay that shrinks frame by frame.
    let n = 0;
    const backwards: Renderer = {
      size: 6,
      async render(f, mode) {
        const o = await here.render(f, mode);
        frames.push(o);
        await new Promise((r) => setTimeout(r, 40 - 6 * n++));
        return o;
      },
      async close() {},
    };
    const out = await renderOutput(animation, backwards);
    expect(out.ok).toBe(true);
    const enc = animationEncoder('gif', animation.sweep!.fps);
    for (const o of frames) if (o.ok) enc.add({ data: new Uint8ClampedArray(o.bytes.buffer, o.bytes.byteOffset, o.bytes.byteLength), width: o.width, height: o.height });
    expect(out.ok && out.bytes.equals(enc.finish())).toBe(true);
  });
});
