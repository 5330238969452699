import { renderAny } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { plan } from '../../src/pipeline/plan.js';
import { rasterizeImage } from '../../src/render/canvas.js';
import { compareGolden } from './golden.js';

// Every figure in configs/: what a reader of the README sees, through each format path.
const jobs = plan(['configs']).jobs;

/** The figure as pixels, whatever its format: SVG through librsvg, PDF through pdftoppm. */
async function pixels(bytes: Buffer, format: string): Promise<Buffer> {
  if (format === 'png' || format === 'apng') return bytes;
  if (format === 'svg' || format === 'gif') return rasterizeImage(bytes); // a GIF: its first frame
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-golden-'));
  fs.writeFileSync(path.join(dir, 'f.pdf'), bytes);
  execFileSync('pdftoppm', ['-png', '-r', '72', '-singlefile', path.join(dir, 'f.pdf'), path.join(dir, 'f')]);
  return fs.readFileSync(path.join(dir, 'f.png'));
}

describe('PNG goldens of every config in configs/ (pixelmatch, tolerance in golden.ts)', () => {
  it('covers every figure kind and format', async () => {
    const kinds = new Set(jobs.map((j) => j.figure.kind));
    const formats = new Set(jobs.map((j) => j.figure.format));
    expect([...kinds].sort()).toEqual(['contour', 'diagram', 'line', 'panels']);
    expect([...formats].sort()).toEqual(['apng', 'gif', 'pdf', 'png', 'svg']);
  });
  it.each(jobs.map((j) => [`${j.figure.name}.${j.figure.format}`, j] as const))('%s matches its golden', async (_, job) => {
    const r = (await renderAny(job.figure));
    const result = compareGolden(`${job.figure.name}.${job.figure.format}`, await pixels(r.bytes, r.format));
    expect(result.ok, result.message).toBe(true);
  });
  it("the comparison can fail: a changed figure does not match the golden", async () => {
    const relu = jobs.find((j) => j.figure.name === 'relu')!;
    const other = (await renderAny({ ...relu.figure, grid: false })).bytes;
    const r = compareGolden('relu.png', other, { update: false });
    fs.rmSync('test/golden/png/relu-changed.png', { force: true });
    expect(r.ok).toBe(false);
  });
  it('renders bands without seams: no background pixel shows inside the ReLU contour plot area', async () => {
    const job = jobs.find((j) => j.figure.name === 'perceptron-relu-1')!;
    const png = PNG.sync.read((await renderAny(job.figure)).bytes);
    let white = 0;
    for (let y = Math.round(png.height * 0.2); y < Math.round(png.height * 0.8); y += 7) {
      for (let x = Math.round(png.width * 0.15); x < Math.round(png.width * 0.75); x++) {
        const i = (y * png.width + x) * 4;
        if (png.data[i] > 250 && png.data[i + 1] > 250 && png.data[i + 2] > 250) white++;
      }
    }
    expect(white).toBe(0);
  });
});
