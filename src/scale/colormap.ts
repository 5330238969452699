/**
 * matplotlib colormaps with matplotlib's exact colours.
 *
 * The source data (colormap-data.ts) is copied from matplotlib; this module
 * rebuilds the 256-entry lookup tables (LUTs) exactly the way matplotlib does
 * (lib/matplotlib/colors.py, lib/matplotlib/cm.py), so a colour sampled here
 * equals the one matplotlib draws, to the last bit where IEEE arithmetic
 * allows (the LUT arithmetic below repeats numpy's operations in the same
 * order).
 */
import {
  cividisData,
  coolwarmSegments,
  infernoData,
  magmaData,
  plasmaData,
  rdbuColors,
  viridisData,
  type RgbRow,
  type Segment,
  type SegmentData,
} from './colormap-data.js';

/** An RGB colour, each channel in 0..1. */
export type RGB = readonly [number, number, number];

/** matplotlib's `rcParams['image.lut']`: every built-in colormap has N = 256. */
const N = 256;

type Spec =
  | { readonly kind: 'listed'; readonly colors: readonly RgbRow[] }
  | { readonly kind: 'segmented'; readonly data: SegmentData };

/**
 * `numpy.linspace(0, 1, n)[i]`, bit for bit: numpy computes `i * (1 / (n - 1))`
 * (not `i / (n - 1)`, which can differ in the last bit) and then overwrites
 * the last element with exactly 1.
 */
function linspace01(n: number, i: number): number {
  return i === n - 1 ? 1 : i * (1 / (n - 1));
}

/**
 * `LinearSegmentedColormap.from_list(name, colors)` for a plain colour list:
 * colour k sits at x = linspace(0, 1, len)[k], with y0 = y1 (continuous).
 */
function fromList(colors: readonly RgbRow[]): SegmentData {
  const channel = (c: 0 | 1 | 2): Segment[] =>
    colors.map((rgb, k) => [linspace01(colors.length, k), rgb[c], rgb[c]] as const);
  return { red: channel(0), green: channel(1), blue: channel(2) };
}

/**
 * `LinearSegmentedColormap.reversed()`: `[(1.0 - x, y1, y0) for x, y0, y1 in
 * reversed(data)]`. We build the `_r` LUT from this reversed data, as
 * matplotlib does, instead of flipping the forward LUT: the two agree only up
 * to rounding (1 - x and the x grid are not exactly symmetric in floating
 * point), and we want matplotlib's bits.
 */
function reverseSegments(data: SegmentData): SegmentData {
  const rev = (ch: readonly Segment[]): Segment[] =>
    [...ch].reverse().map(([x, y0, y1]) => [1.0 - x, y1, y0] as const);
  return { red: rev(data.red), green: rev(data.green), blue: rev(data.blue) };
}

/** The base colormaps, keyed by matplotlib's registered names. */
const baseSpecs = new Map<string, Spec>([
  ['viridis', { kind: 'listed', colors: viridisData }],
  ['plasma', { kind: 'listed', colors: plasmaData }],
  ['inferno', { kind: 'listed', colors: infernoData }],
  ['magma', { kind: 'listed', colors: magmaData }],
  ['cividis', { kind: 'listed', colors: cividisData }],
  ['coolwarm', { kind: 'segmented', data: coolwarmSegments }],
  // cm.py registers non-dict specs via LinearSegmentedColormap.from_list.
  ['RdBu', { kind: 'segmented', data: fromList(rdbuColors) }],
]);

/** Every base name, then each `<name>_r` (matplotlib registers both). */
export const colormapNames: readonly string[] = Object.freeze([
  ...baseSpecs.keys(),
  ...[...baseSpecs.keys()].map((name) => `${name}_r`),
]);

const knownNames: ReadonlySet<string> = new Set(colormapNames);

export function isColormapName(name: string): boolean {
  return knownNames.has(name);
}

const clip01 = (v: number): number => Math.min(Math.max(v, 0), 1);

/**
 * matplotlib's `_create_lookup_table(N, data, gamma=1.0)` for one channel,
 * written into `lut[3 * i + channel]`:
 *
 *   x = x * (N - 1)
 *   xind = (N - 1) * np.linspace(0, 1, N) ** gamma
 *   ind = np.searchsorted(x, xind)[1:-1]            # side='left'
 *   distance = (xind[1:-1] - x[ind - 1]) / (x[ind] - x[ind - 1])
 *   lut = [y1[0], distance * (y0[ind] - y1[ind - 1]) + y1[ind - 1], y0[-1]]
 *   return np.clip(lut, 0.0, 1.0)
 *
 * At a discontinuity (x[k] listed with y0 != y1) the segment to the left of
 * x[k] ends at y0[k] and the one to the right starts at y1[k]; y0 of the first
 * row and y1 of the last row only matter as the LUT's two ends (y1[0], y0[-1]).
 * searchsorted 'left' means a grid point landing exactly on x[k] takes the left
 * segment (distance 1, value y0[k]).
 */
function fillChannel(data: readonly Segment[], lut: Float64Array, channel: number): void {
  const x = data.map(([xk]) => xk * (N - 1));
  lut[channel] = clip01(data[0][2]);
  let ind = 1;
  for (let i = 1; i < N - 1; i++) {
    // gamma is 1 for every built-in map, and x ** 1 === x, so it is dropped.
    const xi = (N - 1) * linspace01(N, i);
    // xind is increasing, so searchsorted's index only ever moves right.
    while (x[ind] < xi) ind++;
    const distance = (xi - x[ind - 1]) / (x[ind] - x[ind - 1]);
    const y1Left = data[ind - 1][2];
    lut[3 * i + channel] = clip01(distance * (data[ind][1] - y1Left) + y1Left);
  }
  lut[3 * (N - 1) + channel] = clip01(data[data.length - 1][1]);
}

function buildLut(name: string): Float64Array {
  const reversed = name.endsWith('_r');
  const spec = baseSpecs.get(reversed ? name.slice(0, -2) : name);
  if (spec === undefined) throw new Error(`unknown colormap: ${name}`);
  const lut = new Float64Array(N * 3);
  if (spec.kind === 'listed') {
    // ListedColormap with 256 colours: the LUT is the list itself;
    // ListedColormap.reversed() reverses the list.
    spec.colors.forEach((rgb, k) => lut.set(rgb, 3 * (reversed ? N - 1 - k : k)));
  } else {
    const data = reversed ? reverseSegments(spec.data) : spec.data;
    fillChannel(data.red, lut, 0);
    fillChannel(data.green, lut, 1);
    fillChannel(data.blue, lut, 2);
  }
  return lut;
}

const lutCache = new Map<string, Float64Array>();

/**
 * matplotlib's N = 256 lookup table for `name`, as 256 consecutive r, g, b
 * floats. Built once per name and cached: the returned array is shared, so
 * callers must not modify it.
 */
export function colormapLut(name: string): Float64Array {
  let lut = lutCache.get(name);
  if (lut === undefined) {
    lut = buildLut(name);
    lutCache.set(name, lut);
  }
  return lut;
}

/**
 * matplotlib's `Colormap.__call__` for one float t: `xa = t * N`, `xa == N`
 * becomes N - 1, `xa < 0` takes the "under" colour and `xa >= N` the "over"
 * colour (for the built-in maps these are LUT entries 0 and N - 1), and the
 * rest truncate to `int(xa)`. So t < 0 -> index 0, t >= 1 -> index 255,
 * otherwise floor(t * 256), clipped to 255.
 *
 * NaN: matplotlib returns the "bad" colour, fully transparent (0, 0, 0, 0).
 * This API has no alpha, so we deliberately return index 0 instead.
 */
export function colormapColor(name: string, t: number): RGB {
  const lut = colormapLut(name);
  const xa = t * N;
  // `!(xa > 0)` catches negatives, -0 and NaN alike.
  const i = !(xa > 0) ? 0 : xa >= N ? N - 1 : Math.floor(xa);
  return [lut[3 * i], lut[3 * i + 1], lut[3 * i + 2]];
}

/**
 * Python's `round()` (used by matplotlib's to_hex) rounds halves to even;
 * Math.round rounds them up. `r - v` is exact here (Sterbenz), so a tie is
 * detected exactly.
 */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function channelHex(v: number): string {
  // matplotlib's to_rgba rejects values outside 0..1 ("RGBA values should be
  // within 0-1 range"); we do too rather than emit a malformed colour.
  if (!(v >= 0 && v <= 1)) throw new RangeError(`colour channel outside 0..1: ${v}`);
  return roundHalfEven(v * 255).toString(16).padStart(2, '0');
}

/** '#rrggbb' to its channels as bytes 0..255 (the inverse of rgbToCss, up to rounding). */
export function cssToBytes(css: string): [number, number, number] {
  const v = parseInt(css.slice(1, 7), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** '#rrggbb', rounding each channel as matplotlib's to_hex: round(c * 255). */
export function rgbToCss(c: RGB): string {
  return `#${channelHex(c[0])}${channelHex(c[1])}${channelHex(c[2])}`;
}
