/**
 * What every way of painting a field shares: colours as 32-bit RGBA words and the band of a value.
 */
import { cssToBytes } from '../scale/colormap.js';

/** Whether this machine stores the low byte of a Uint32 first (then RGBA is r | g << 8 | ...). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** `#rrggbb` as the one 32-bit word whose bytes in memory are r, g, b, 255. */
export function rgbaWord(css: string): number {
  const [r, g, b] = cssToBytes(css);
  return (LITTLE_ENDIAN ? (255 << 24) | (b << 16) | (g << 8) | r : (r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
}

/** Whether levels are evenly spaced (within rounding), so a division finds the band. */
export function isUniform(levels: ArrayLike<number>): boolean {
  const n = levels.length;
  const lo = levels[0];
  const hi = levels[n - 1];
  const step = (hi - lo) / (n - 1);
  for (let i = 0; i < n; i++) if (!(Math.abs(levels[i] - (lo + i * step)) <= 1e-9 * Math.max(1, Math.abs(hi), Math.abs(lo)))) return false;
  return true;
}

/**
 * The band k with levels[k] <= v < levels[k + 1] (the top level belongs to the top band), for v
 * within [levels[0], levels[n - 1]]. The answer is unique, so how it is found does not matter:
 * a division when the levels are even (then corrected at exact level values), else a binary search.
 */
export function bandOf(v: number, levels: Float64Array, uniform: boolean, step: number): number {
  const top = levels.length - 2;
  if (uniform) {
    let k = Math.min(top, Math.floor((v - levels[0]) / step));
    while (k > 0 && v < levels[k]) k--;
    while (k < top && v >= levels[k + 1]) k++;
    return k;
  }
  let a = 0;
  let b = top;
  while (a < b) {
    const m = (a + b + 1) >> 1;
    if (levels[m] <= v) a = m;
    else b = m - 1;
  }
  return a;
}
