import { describe, expect, it } from 'vitest';
import { check, contour, renderAny } from '../helpers.js';
import type { ResolvedFigure } from '../../src/model/figure.js';
import { sceneFor } from '../../src/render/figure.js';
import { keptGridBytes } from '../../src/core/grid-buffers.js';

const fig = (config: unknown) => check(config).figures[0].figure as ResolvedFigure;
// Grids big enough to be kept (257² values), small images to keep the test quick.
const axes = { x: { range: [-5, 5], samples: 257 }, y: { range: [-5, 5], samples: 257 } };
const relu = fig(contour({ name: 'relu', width: 320, height: 240, ...axes }));
const step = fig(contour({ name: 'step', width: 320, height: 240, ...axes, perceptron: { weights: [-1, 0.5], bias: 1, activation: 'step' }, boundary: true }));

describe('grids reused between figures', () => {
  it('a figure drawn into a reused grid has the same bytes as before', async () => {
    const first = (await renderAny(relu)).bytes;
    expect(keptGridBytes()).toBe(257 * 257 * 8); // its grid was handed back
    const other = (await renderAny(step)).bytes; // samples into that grid
    const again = (await renderAny(relu)).bytes; // and into it again, over the step surface
    expect(again.equals(first)).toBe(true);
    expect(other.equals(first)).toBe(false);
  });

  it('a scene given to a caller keeps its grid: only the renderer hands grids back', async () => {
    const scene = sceneFor(relu);
    const field = scene.items.find((i) => i.type === 'field');
    if (field?.type !== 'field') throw new Error('no field in the contour scene');
    const before = Float64Array.from(field.grid.z);
    (await renderAny(step));
    (await renderAny(step));
    let changed = 0;
    for (let i = 0; i < before.length; i++) if (!Object.is(field.grid.z[i], before[i])) changed++;
    expect(changed).toBe(0);
  });
});
