/**
 * A contour field coloured pixel by pixel: each device pixel's centre is mapped to data, z there is
 * interpolated bilinearly from the grid, and the pixel takes its band's colour. The cost depends on
 * the pixels, not on the grid size, and bands cannot show seams. Like matplotlib's contourf
 * (antialiased=False by default), band edges are not anti-aliased.
 */
import type { FieldItem } from '../layout/scene.js';

export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

function parseHex(css: string): [number, number, number] {
  const v = parseInt(css.slice(1, 7), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Band index of z, or -1 outside the levels (the top level belongs to the top band). */
function bandFinder(levels: readonly number[]): (z: number) => number {
  const n = levels.length;
  const lo = levels[0];
  const hi = levels[n - 1];
  const step = (hi - lo) / (n - 1);
  const uniform = levels.every((l, i) => Math.abs(l - (lo + i * step)) <= 1e-9 * Math.max(1, Math.abs(hi), Math.abs(lo)));
  return (z: number) => {
    if (!(z >= lo && z <= hi)) return -1;
    let i: number;
    if (uniform) {
      i = Math.min(n - 2, Math.floor((z - lo) / step));
      // Correct the float division at exact level values: band i covers levels[i] <= z < levels[i+1].
      while (i > 0 && z < levels[i]) i--;
      while (i < n - 2 && z >= levels[i + 1]) i++;
    } else {
      let a = 0;
      let b = n - 2;
      while (a < b) {
        const m = (a + b + 1) >> 1;
        if (levels[m] <= z) a = m;
        else b = m - 1;
      }
      i = a;
    }
    return i;
  };
}

/**
 * Paints `field` into a width × height RGBA image covering its rect at `scale` device pixels per
 * CSS pixel. Returns the image and its device position.
 */
export function rasterizeField(field: FieldItem, scale: number): { image: RgbaImage; x: number; y: number } {
  const { rect, grid } = field;
  const X0 = Math.round(rect.x * scale);
  const Y0 = Math.round(rect.y * scale);
  const W = Math.max(0, Math.round((rect.x + rect.width) * scale) - X0);
  const H = Math.max(0, Math.round((rect.y + rect.height) * scale) - Y0);
  const data = new Uint8ClampedArray(W * H * 4);
  const { nx, ny, x0, x1, y0, y1, z } = grid;
  const bg = parseHex(field.background);
  const colors = field.colors.map(parseHex);
  const band = bandFinder(field.levels);

  // Per column: the grid cell and the weight of its right sample; per row the same along y.
  const [dx0, dx1] = field.xDomain;
  const [dy0, dy1] = field.yDomain;
  const col = new Int32Array(W);
  const fx = new Float64Array(W);
  for (let px = 0; px < W; px++) {
    const xv = dx0 + ((px + 0.5) / W) * (dx1 - dx0);
    const g = nx > 1 ? ((xv - x0) / (x1 - x0)) * (nx - 1) : 0;
    const i = Math.min(Math.max(Math.floor(g), 0), Math.max(nx - 2, 0));
    col[px] = i;
    fx[px] = nx > 1 ? Math.min(Math.max(g - i, 0), 1) : 0;
  }
  for (let py = 0; py < H; py++) {
    // Device rows run down; data y runs up.
    const yv = dy1 - ((py + 0.5) / H) * (dy1 - dy0);
    const g = ny > 1 ? ((yv - y0) / (y1 - y0)) * (ny - 1) : 0;
    const j = Math.min(Math.max(Math.floor(g), 0), Math.max(ny - 2, 0));
    const fy = ny > 1 ? Math.min(Math.max(g - j, 0), 1) : 0;
    const r0 = j * nx;
    const r1 = ny > 1 ? r0 + nx : r0;
    let o = py * W * 4;
    for (let px = 0; px < W; px++, o += 4) {
      const i = col[px];
      const i1 = nx > 1 ? i + 1 : i;
      const t = fx[px];
      const top = z[r1 + i] * (1 - t) + z[r1 + i1] * t;
      const bottom = z[r0 + i] * (1 - t) + z[r0 + i1] * t;
      const k = band(bottom * (1 - fy) + top * fy);
      const c = k < 0 ? bg : colors[k];
      data[o] = c[0];
      data[o + 1] = c[1];
      data[o + 2] = c[2];
      data[o + 3] = 255;
    }
  }
  return { image: { data, width: W, height: H }, x: X0, y: Y0 };
}
