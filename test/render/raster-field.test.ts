import { describe, expect, it } from 'vitest';
import { rasterizeField } from '../../src/render/raster-field.js';
import type { FieldItem } from '../../src/scene/scene.js';

/** A field over [0, 1]² whose z is x (a 2 × 2 grid), drawn into a 10 × 1 pixel rect. */
function field(over: Partial<FieldItem> = {}): FieldItem {
  return {
    type: 'field',
    rect: { x: 0, y: 0, width: 10, height: 1 },
    xDomain: [0, 1],
    yDomain: [0, 1],
    grid: { nx: 2, ny: 2, x0: 0, x1: 1, y0: 0, y1: 1, z: [0, 1, 0, 1] },
    levels: [0, 0.5, 1],
    colors: ['#000000', '#ffffff'],
    background: '#ff0000',
    ...over,
  };
}

const reds = (f: FieldItem, scale = 1) => {
  const { image } = rasterizeField(f, scale);
  return Array.from({ length: image.width }, (_, i) => image.data[i * 4]);
};

describe('rasterizeField(field, scale)', () => {
  it('colours each pixel by the band of z interpolated at its centre', () => {
    // Pixel centres at x = 0.05, 0.15, ..., 0.95: below 0.5 band 0 (black), above band 1 (white).
    expect(reds(field())).toEqual([0, 0, 0, 0, 0, 255, 255, 255, 255, 255]);
  });
  it('leaves z outside the levels as background, and puts z = top level in the top band', () => {
    const f = field({ levels: [0.2, 0.6, 0.95] });
    // z = 0.05, 0.15 below 0.2 -> background red (255); 0.95 is the top level itself -> top band (white).
    expect(reds(f)).toEqual([255, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
    const g = rasterizeField(field({ levels: [0.2, 0.6, 0.9] }), 1).image;
    expect([g.data[9 * 4], g.data[9 * 4 + 1]]).toEqual([255, 0]); // 0.95 > 0.9: background red
  });
  it('uses the same bands for uneven level lists (binary search) as for even ones', () => {
    expect(reds(field({ levels: [0, 0.5, 1] }))).toEqual(reds(field({ levels: [0, 0.5000000001, 1] })));
    expect(reds(field({ levels: [0, 0.3, 1], colors: ['#000000', '#ffffff'] }))).toEqual([0, 0, 0, 255, 255, 255, 255, 255, 255, 255]);
  });
  it('paints NaN as background', () => {
    expect(reds(field({ grid: { nx: 2, ny: 2, x0: 0, x1: 1, y0: 0, y1: 1, z: [NaN, NaN, NaN, NaN] } }))).toEqual(Array(10).fill(255));
  });
  it('covers the rect in device pixels at any scale', () => {
    const { image, x, y } = rasterizeField(field({ rect: { x: 3, y: 2, width: 10, height: 1 } }), 2);
    expect([image.width, image.height, x, y]).toEqual([20, 2, 6, 4]);
  });
});
