/**
 * A contour field coloured pixel by pixel: each device pixel's centre is mapped to data, z there is
 * interpolated bilinearly from the grid, and the pixel takes its band's colour. The cost depends on
 * the pixels, not on the grid size, and bands cannot show seams. Like matplotlib's contourf
 * (antialiased=False by default), band edges are not anti-aliased.
 */
import type { FieldItem } from '../scene/scene.js';
import { bandOf, isUniform, rgbaWord } from './field-colors.js';
import { paintExact } from './exact-field.js';
import { paintClasses } from './class-field.js';
import { gridColumns } from './grid-columns.js';

export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** What the pixel loop reads: the grid, the band tables and the per-column interpolation tables. */
interface PixelTables {
  words: Uint32Array;
  W: number;
  H: number;
  z: Float64Array;
  nx: number;
  ny: number;
  y0: number;
  y1: number;
  dy0: number;
  dy1: number;
  col: Int32Array;
  col1: Int32Array;
  fx: Float64Array;
  gx: Float64Array;
  bg: number;
  palette: Uint32Array;
  levels: Float64Array;
  uniform: boolean;
  step: number;
}

/**
 * Paints `field` into a width × height RGBA image covering its rect at `scale` device pixels per
 * CSS pixel. Returns the image and its device position. With `memory` (a buffer from an earlier
 * call's image) the image may live in it, and is then valid only until that memory is reused.
 */
export function rasterizeField(field: FieldItem, scale: number, memory?: ArrayBuffer): { image: RgbaImage; x: number; y: number } {
  const { rect, grid } = field;
  const X0 = Math.round(rect.x * scale);
  const Y0 = Math.round(rect.y * scale);
  const W = Math.max(0, Math.round((rect.x + rect.width) * scale) - X0);
  const H = Math.max(0, Math.round((rect.y + rect.height) * scale) - Y0);
  // Into `memory` when it is big enough: its old pixels are all overwritten below.
  const data = memory && memory.byteLength >= W * H * 4 ? new Uint8ClampedArray(memory, 0, W * H * 4) : new Uint8ClampedArray(W * H * 4);
  if (field.exact || field.classes) {
    const words = new Uint32Array(data.buffer, data.byteOffset, W * H);
    if (field.exact) paintExact(field, field.exact, words, W, H);
    else paintClasses(field, field.classes!, words, W, H);
    return { image: { data, width: W, height: H }, x: X0, y: Y0 };
  }
  const { nx, ny, y0, y1 } = grid;
  const levels = Float64Array.from(field.levels);
  const n = levels.length;

  const { col, col1, fx, gx } = gridColumns(field, W);
  paintPixels({
    words: new Uint32Array(data.buffer, data.byteOffset, W * H),
    W, H, nx, ny, y0, y1, col, col1, fx, gx, levels,
    z: grid.z instanceof Float64Array ? grid.z : Float64Array.from(grid.z),
    dy0: field.yDomain[0],
    dy1: field.yDomain[1],
    bg: rgbaWord(field.background),
    palette: Uint32Array.from(field.colors, rgbaWord),
    uniform: isUniform(levels),
    step: (levels[n - 1] - levels[0]) / (n - 1),
  });
  return { image: { data, width: W, height: H }, x: X0, y: Y0 };
}

/**
 * The loop that runs once per device pixel (about 290,000 for an 800 × 600 figure), written for
 * speed: per-column tables, the last pixel's band tried first, one 32-bit store per pixel. The
 * values interpolated along x on the grid rows below and above a pixel depend on its column and
 * its grid row only, so they are computed once per grid row (into `below` and `above`) and used by
 * every pixel row in it. z is interpolated with the same operations, in the same order, as the
 * plain version it replaced, and the band is unique, so every pixel keeps its colour.
 *
 * A function of its own so that V8 optimizes just the loop (compiled on the fly inside a larger
 * function, it was thrown away on reaching the never-yet-run code after it).
 */
function paintPixels(tables: PixelTables): void {
  const { words, W, H, z, nx, ny, y0, y1, dy0, dy1, col, col1, fx, gx, bg, palette, levels, uniform, step } = tables;
  const lo = levels[0];
  const hi = levels[levels.length - 1];
  const below = new Float64Array(W);
  const above = new Float64Array(W);
  let row = -1;
  let o = 0;
  let k = 0;
  for (let py = 0; py < H; py++) {
    // Device rows run down; data y runs up.
    const yv = dy1 - ((py + 0.5) / H) * (dy1 - dy0);
    const g = ny > 1 ? ((yv - y0) / (y1 - y0)) * (ny - 1) : 0;
    const j = Math.min(Math.max(Math.floor(g), 0), Math.max(ny - 2, 0));
    const fy = ny > 1 ? Math.min(Math.max(g - j, 0), 1) : 0;
    const gy = 1 - fy;
    if (j !== row) {
      row = j;
      const r0 = j * nx;
      const r1 = ny > 1 ? r0 + nx : r0;
      for (let px = 0; px < W; px++) {
        const i = col[px];
        const i1 = col1[px];
        const t = fx[px];
        const u = gx[px];
        above[px] = z[r1 + i] * u + z[r1 + i1] * t;
        below[px] = z[r0 + i] * u + z[r0 + i1] * t;
      }
    }
    for (let px = 0; px < W; px++, o++) {
      const v = below[px] * gy + above[px] * fy;
      if (!(v >= lo && v <= hi)) {
        words[o] = bg; // outside the levels, or NaN
        continue;
      }
      // Neighbouring pixels mostly share a band: keep the last one while it still holds.
      if (!(v >= levels[k] && v < levels[k + 1])) k = bandOf(v, levels, uniform, step);
      words[o] = palette[k];
    }
  }
}
