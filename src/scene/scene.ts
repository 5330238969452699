/**
 * The Scene: plain, serializable drawing instructions in CSS pixels, y pointing down. Layout makes
 * it; render/draw.ts paints it with node-canvas; nothing else about pixels is decided after this.
 * Tests read scenes as JSON (with a numeric tolerance), so they hold no class instances.
 */
import type { SurfaceFunction } from '../model/figure.js';

export interface Font {
  family: string;
  /** Size in CSS pixels. */
  size: number;
  weight: 'normal' | 'bold';
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RectItem extends Rect {
  type: 'rect';
  fill?: string;
  stroke?: string;
  lineWidth?: number;
}

/** Open polylines: each entry of `lines` is a flat [x0, y0, x1, y1, ...] list. */
export interface PathItem {
  type: 'path';
  lines: number[][];
  stroke: string;
  lineWidth: number;
  dash?: number[];
  cap?: 'butt' | 'round' | 'square';
  clip?: Rect;
}

/** Filled polygons (non-zero winding): each polygon is a list of flat rings, the first the outside. */
export interface AreaItem {
  type: 'area';
  polygons: number[][][];
  fill: string;
  clip?: Rect;
}

export interface TextItem {
  type: 'text';
  x: number;
  y: number;
  text: string;
  font: Font;
  fill: string;
  align: 'left' | 'center' | 'right';
  baseline: 'top' | 'middle' | 'alphabetic' | 'bottom';
  /** Rotation in degrees, counter-clockwise, about (x, y). */
  angle?: number;
  /** A outline of this colour behind the glyphs, to keep text readable over busy fills. */
  halo?: string;
}

/** A round marker (the filled and open dots at a jump of the step function). */
export interface CircleItem {
  type: 'circle';
  x: number;
  y: number;
  r: number;
  fill?: string;
  stroke?: string;
  lineWidth?: number;
}

/**
 * Filled contour bands of a sampled surface, kept as data: a raster renderer colours each device
 * pixel from the surface (cost independent of the grid size, no seams by construction); a vector
 * renderer turns it into band polygons (render/vector-field.ts `fieldAreas`).
 */
export interface FieldItem {
  type: 'field';
  /** The plot rectangle the field fills. */
  rect: Rect;
  /** Data x at the rect's left and right, data y at its bottom and top. */
  xDomain: [number, number];
  yDomain: [number, number];
  /** A uniform grid: nx × ny samples from (x0, y0) to (x1, y1), row-major with rows along y. */
  grid: { nx: number; ny: number; x0: number; x1: number; y0: number; y1: number; z: ArrayLike<number> };
  /** Increasing level values; band i covers levels[i]..levels[i+1] and is painted colors[i]. */
  levels: number[];
  colors: string[];
  /** What shows where z lies outside the levels (matplotlib leaves it unpainted). */
  background: string;
  /**
   * A classifier's surface (docs/surfaces.md): each pixel takes the colour of the class whose score,
   * interpolated from `channels` (one grid per class, like z), is largest. In `class` mode `colors`
   * has one colour per class; in `probability` mode one per class and band of the winner's
   * probability: colors[class * (levels.length - 1) + band].
   */
  classes?: { mode: 'class' | 'probability'; channels: ArrayLike<number>[] };
  /**
   * `"sampling": "pixel"`: the function itself, as plain data, for a raster renderer to evaluate at
   * every device pixel centre (with edges anti-aliased) instead of interpolating the grid; vector
   * output traces the grid, which then has a sample per CSS pixel.
   */
  exact?: SurfaceFunction;
}

export type Item = RectItem | PathItem | AreaItem | TextItem | CircleItem | FieldItem;

export interface Scene {
  width: number;
  height: number;
  background: string;
  items: Item[];
}

export interface TextSize {
  width: number;
  /** Distance from the alphabetic baseline up to the top of the tallest glyph. */
  ascent: number;
  /** Distance from the baseline down to the bottom of the lowest glyph. */
  descent: number;
}

/** How layout learns the size of text without importing canvas: the renderer passes one in. */
export type Measure = (text: string, font: Font) => TextSize;
