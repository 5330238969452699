import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { PNG } from 'pngjs';
import { plan } from '../../src/pipeline/plan.js';
import { renderFigure } from '../../src/render-figure.js';
import { compareGolden } from './golden.js';

// The seed's figures, straight from configs/: what a reader of the README sees.
const jobs = plan(['configs']).jobs.filter((j) => ['relu', 'step', 'perceptron-relu-1', 'perceptron-step-2'].includes(j.figure.name));

describe('PNG goldens of the seed figures (pixelmatch, tolerance in golden.ts)', () => {
  it('finds the four seed figures in configs/', () => {
    expect(jobs.map((j) => j.figure.name).sort()).toEqual(['perceptron-relu-1', 'perceptron-step-2', 'relu', 'step']);
  });
  it.each(jobs.map((j) => [j.figure.name, j] as const))('%s matches its golden', (_, job) => {
    const r = compareGolden(job.figure.name, renderFigure(job.figure).bytes);
    expect(r.ok, r.message).toBe(true);
  });
  it('the comparison can fail: a figure does not match another figure\'s golden', () => {
    const relu = jobs.find((j) => j.figure.name === 'relu')!;
    const other = renderFigure({ ...relu.figure, name: 'relu', grid: false }).bytes;
    const r = compareGolden('relu', other);
    fs.rmSync('test/golden/png/relu-changed.png', { force: true });
    expect(r.ok).toBe(false);
  });
  it('renders bands without seams: every pixel of the ReLU contour plot area is a band colour, not background', () => {
    const job = jobs.find((j) => j.figure.name === 'perceptron-relu-1')!;
    const png = PNG.sync.read(renderFigure(job.figure).bytes);
    // Probe a row through the middle of the plot area: no white pixel may show between bands.
    const y = Math.round(png.height / 2);
    let white = 0;
    for (let x = Math.round(png.width * 0.2); x < Math.round(png.width * 0.7); x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i] > 250 && png.data[i + 1] > 250 && png.data[i + 2] > 250) white++;
    }
    expect(white).toBe(0);
  });
});
