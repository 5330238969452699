/**
 * decisionBoundary(plot, grid, level, ...): the line where a sampled surface crosses the level,
 * never the grid's edge that closes a region reaching it.
 */
import { describe, expect, it } from 'vitest';
import { decisionBoundary } from '../../src/marks/contour.js';
import { DEFAULT_BOUNDARY } from '../../src/config/defaults.js';
import { linearScale } from '../../src/scale/linear.js';
import { linspace, sampleGrid } from '../../src/core/sample.js';
import type { PathItem } from '../../src/scene/scene.js';

const plot = { x: 0, y: 0, width: 100, height: 100 };
const x = linearScale([-1, 1], [0, 100]);
const y = linearScale([-1, 1], [100, 0]);
const grid = (f: (a: number, b: number) => number) => sampleGrid(linspace(-1, 1, 21), linspace(-1, 1, 21), f);
const lines = (f: (a: number, b: number) => number, level: number) => (decisionBoundary(plot, grid(f), level, x, y, DEFAULT_BOUNDARY) as PathItem).lines;

describe('decisionBoundary', () => {
  it('a surface above the level everywhere has no boundary (not the grid\'s edge)', () => {
    expect(lines(() => 0.7, 0.5)).toEqual([]);
  });
  it('a half-plane x > 0 gives one line along x = 0, from edge to edge, and nothing along the edges', () => {
    const l = lines((a) => a, 0);
    expect(l).toHaveLength(1);
    const xs = l[0].filter((_, i) => i % 2 === 0);
    const ys = l[0].filter((_, i) => i % 2 === 1);
    for (const v of xs) expect(v).toBeCloseTo(50, 6);
    expect(Math.min(...ys)).toBeLessThanOrEqual(2.5);
    expect(Math.max(...ys)).toBeGreaterThanOrEqual(97.5);
  });
  it('a closed curve inside the grid stays one closed ring', () => {
    const l = lines((a, b) => 0.25 - a * a - b * b, 0);
    expect(l).toHaveLength(1);
    const ring = l[0];
    expect(ring[0]).toBeCloseTo(ring[ring.length - 2], 9);
    expect(ring[1]).toBeCloseTo(ring[ring.length - 1], 9);
  });
});
