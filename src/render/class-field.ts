/**
 * A classifier's field painted from its grid: each class's score is interpolated bilinearly at
 * the device pixel's centre (as raster-field.ts interpolates z), and the largest wins. Class edges
 * are not anti-aliased, as band edges are not (matplotlib's contourf, antialiased=False).
 */
import type { FieldItem } from '../scene/scene.js';
import { rgbaWord } from './field-colors.js';
import { keyer } from './field-keys.js';
import { gridColumns } from './grid-columns.js';

export function paintClasses(field: FieldItem, classes: NonNullable<FieldItem['classes']>, words: Uint32Array, W: number, H: number): void {
  const { nx, ny, y0, y1 } = field.grid;
  const [dy0, dy1] = field.yDomain;
  const channels = classes.channels.map((c) => (c instanceof Float64Array ? c : Float64Array.from(c)));
  const k = channels.length;
  const keys = keyer(field);
  const palette = Uint32Array.from(field.colors, rgbaWord);
  const bg = rgbaWord(field.background);
  const { col, col1, fx } = gridColumns(field, W);
  const s = new Float64Array(k);
  let o = 0;
  for (let py = 0; py < H; py++) {
    const yv = dy1 - ((py + 0.5) / H) * (dy1 - dy0);
    const g = ny > 1 ? ((yv - y0) / (y1 - y0)) * (ny - 1) : 0;
    const j = Math.min(Math.max(Math.floor(g), 0), Math.max(ny - 2, 0));
    const fy = ny > 1 ? Math.min(Math.max(g - j, 0), 1) : 0;
    const r0 = j * nx;
    const r1 = ny > 1 ? r0 + nx : r0;
    for (let px = 0; px < W; px++, o++) {
      const i = col[px];
      const i1 = col1[px];
      const t = fx[px];
      let win = 0;
      for (let c = 0; c < k; c++) {
        const z = channels[c];
        const below = z[r0 + i] * (1 - t) + z[r0 + i1] * t;
        const above = z[r1 + i] * (1 - t) + z[r1 + i1] * t;
        s[c] = below * (1 - fy) + above * fy;
        if (s[c] > s[win]) win = c;
      }
      const key = keys.scores(s, win);
      words[o] = key < 0 || Number.isNaN(s[win]) ? bg : palette[key];
    }
  }
}
