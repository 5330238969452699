/**
 * `"sampling": "pixel"`: the field's function evaluated at every device pixel centre, no grid in
 * between, so a step perceptron's edge lies exactly on w·x + b = 0 and a classifier's class edges
 * exactly where its outputs tie. Pixels where the colour jumps (a class edge, or bands more than
 * one apart: a discontinuity, not a gradient) are sampled again at 4 × 4 points inside and take the
 * mean colour: the edge is anti-aliased by its coverage of the pixel. Smooth band edges stay crisp,
 * as on the grid.
 */
import type { FieldItem } from '../scene/scene.js';
import type { SurfaceFunction } from '../model/figure.js';
import { classScores, valueAt } from '../core/surface.js';
import { cssToBytes } from '../scale/colormap.js';
import { rgbaWord } from './field-colors.js';
import { keyer } from './field-keys.js';

/** Sub-samples per side of a pixel on an edge. */
export const EDGE_SAMPLES = 4;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function paintExact(field: FieldItem, fn: SurfaceFunction, words: Uint32Array, W: number, H: number): void {
  const [dx0, dx1] = field.xDomain;
  const [dy0, dy1] = field.yDomain;
  const keys = keyer(field);
  const palette = field.colors.map((c) => cssToBytes(c));
  const bgRgb = cssToBytes(field.background);
  const words32 = Uint32Array.from(field.colors, rgbaWord);
  const bg = rgbaWord(field.background);
  let keyAt: (x: number, y: number) => number;
  if (keys.mode === 'output') {
    const f = valueAt(fn.surface);
    keyAt = (x, y) => keys.value(f(x, y));
  } else {
    const scores = classScores(fn);
    const s = new Float64Array(fn.classes);
    keyAt = (x, y) => {
      const win = scores(x, y, s);
      return Number.isNaN(s[win]) ? -1 : keys.scores(s, win);
    };
  }
  const X = (px: number) => dx0 + (px / W) * (dx1 - dx0);
  const Y = (py: number) => dy1 - (py / H) * (dy1 - dy0);
  const key = new Int32Array(W * H);
  for (let py = 0, o = 0; py < H; py++) {
    const yv = Y(py + 0.5);
    for (let px = 0; px < W; px++, o++) key[o] = keyAt(X(px + 0.5), yv);
  }
  const n = EDGE_SAMPLES;
  for (let py = 0, o = 0; py < H; py++) {
    for (let px = 0; px < W; px++, o++) {
      const k = key[o];
      const edge =
        (px > 0 && keys.jump(k, key[o - 1])) || (px + 1 < W && keys.jump(k, key[o + 1])) ||
        (py > 0 && keys.jump(k, key[o - W])) || (py + 1 < H && keys.jump(k, key[o + W]));
      if (!edge) {
        words[o] = k < 0 ? bg : words32[k];
        continue;
      }
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < n; sy++) {
        const yv = Y(py + (sy + 0.5) / n);
        for (let sx = 0; sx < n; sx++) {
          const kk = keyAt(X(px + (sx + 0.5) / n), yv);
          const c = kk < 0 ? bgRgb : palette[kk];
          r += c[0];
          g += c[1];
          b += c[2];
        }
      }
      const m = n * n;
      const [R, G, B] = [Math.round(r / m), Math.round(g / m), Math.round(b / m)];
      words[o] = (LITTLE_ENDIAN ? (255 << 24) | (B << 16) | (G << 8) | R : (R << 24) | (G << 16) | (B << 8) | 255) >>> 0;
    }
  }
}
