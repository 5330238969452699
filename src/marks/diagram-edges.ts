/**
 * The edges of a network diagram: one line per weight, coloured by its sign and as wide as its
 * |weight| on a scale shared by every edge of the figure (and, in a sweep, by every frame), with
 * the weight written on it when the diagram is small enough to read them.
 */
import type { Item, PathItem } from '../scene/scene.js';
import { PT, THEME } from '../scene/theme.js';
import { formatWeight } from './diagram-format.js';

/** coolwarm's ends, as the seed's contours colour high and low: red positive, blue negative. */
export const POSITIVE = '#b40426';
export const NEGATIVE = '#3b4cc0';
export const ZERO = '#aaaaaa';

export function edgeColor(w: number): string {
  return w > 0 ? POSITIVE : w < 0 ? NEGATIVE : ZERO;
}

export interface WidthScale {
  /** The |weight| drawn at `max` pixels (wider ones are drawn at `max` too). */
  weight: number;
  min: number;
  max: number;
}

/** An edge's width in pixels: `min` for a zero weight up to `max` at the scale's |weight|. */
export function edgeWidth(w: number, s: WidthScale): number {
  const t = s.weight > 0 ? Math.min(1, Math.abs(w) / s.weight) : 0;
  return s.min + (s.max - s.min) * t;
}

export interface Edge {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  weight: number;
  /** The text written on it (none: ''). */
  label: string;
  /** Where along the edge the label sits, from 0 (its source) to 1. */
  at: number;
}

/** Edges with many of them drawn translucent, so a dense layer reads as a weave, not a solid block. */
export function edgeMarks(edges: readonly Edge[], scale: WidthScale): Item[] {
  const alpha = edges.length > 64 ? 0.55 : 1;
  const items: Item[] = edges.map((e): PathItem => ({
    type: 'path',
    lines: [[e.x0, e.y0, e.x1, e.y1]],
    stroke: alpha < 1 ? withAlpha(edgeColor(e.weight), alpha) : edgeColor(e.weight),
    lineWidth: edgeWidth(e.weight, scale),
    cap: 'round',
  }));
  return items;
}

/**
 * The weights written beside their edges, over every edge (labels go on top of all lines): beside
 * the line rather than on it, on the outer side (above an edge that runs down to its neuron, below
 * one that runs up), so converging edges keep their labels apart.
 */
export function edgeLabels(edges: readonly Edge[], scale: WidthScale, background: string = THEME.background): Item[] {
  const font = { ...THEME.tickFont, size: 9 * PT };
  return edges.filter((e) => e.label).map((e) => {
    const dx = e.x1 - e.x0;
    const dy = e.y1 - e.y0;
    const len = Math.hypot(dx, dy) || 1;
    // The unit normal pointing up (negative y), or down for an edge that runs up.
    let nx = dy / len;
    let ny = -dx / len;
    if (ny > 0) [nx, ny] = [-nx, -ny];
    const side = e.y0 <= e.y1 ? 1 : -1;
    const d = edgeWidth(e.weight, scale) / 2 + font.size * 0.7;
    return {
      type: 'text' as const,
      x: e.x0 + dx * e.at + nx * d * side,
      y: e.y0 + dy * e.at + ny * d * side,
      text: e.label,
      font,
      fill: edgeColor(e.weight),
      align: 'center' as const,
      baseline: 'middle' as const,
      angle: (-Math.atan2(dy, dx) * 180) / Math.PI,
      halo: background,
    };
  });
}

export { formatWeight };

function withAlpha(hex: string, alpha: number): string {
  const v = parseInt(hex.slice(1), 16);
  return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${alpha})`;
}
