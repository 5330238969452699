/**
 * The decision boundary w1·x1 + w2·x2 + b = 0, computed from the weights and clipped to the plot's
 * data rectangle exactly (no reliance on canvas clipping, so SVG/PDF get the same segment).
 */
import type { Item, Rect } from '../layout/scene.js';
import type { LinearScale } from '../scale/linear.js';
import { PT } from '../layout/theme.js';

export type Segment = [[number, number], [number, number]];

/** The part of the line w1·x + w2·y + b = 0 inside [x0, x1] × [y0, y1], or null if it misses. */
export function clipBoundary(w1: number, w2: number, b: number, [x0, x1]: [number, number], [y0, y1]: [number, number]): Segment | null {
  if (w1 === 0 && w2 === 0) return null; // no line: the activation is constant over the plane
  const pts: [number, number][] = [];
  const add = (x: number, y: number) => {
    const eps = 1e-9 * Math.max(1, Math.abs(x1 - x0), Math.abs(y1 - y0));
    if (x < x0 - eps || x > x1 + eps || y < y0 - eps || y > y1 + eps) return;
    const p: [number, number] = [Math.min(x1, Math.max(x0, x)) + 0, Math.min(y1, Math.max(y0, y)) + 0]; // + 0 turns -0 into 0
    if (!pts.some((q) => Math.abs(q[0] - p[0]) <= eps && Math.abs(q[1] - p[1]) <= eps)) pts.push(p);
  };
  if (w2 !== 0) {
    add(x0, -(w1 * x0 + b) / w2);
    add(x1, -(w1 * x1 + b) / w2);
  }
  if (w1 !== 0) {
    add(-(w2 * y0 + b) / w1, y0);
    add(-(w2 * y1 + b) / w1, y1);
  }
  if (pts.length < 2) return null;
  pts.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return [pts[0], pts[pts.length - 1]];
}

export function boundaryMark(plot: Rect, seg: Segment | null, x: LinearScale, y: LinearScale, color = 'green'): Item[] {
  if (!seg) return [];
  const lw = 2 * PT;
  return [{
    type: 'path',
    lines: [[x(seg[0][0]), y(seg[0][1]), x(seg[1][0]), y(seg[1][1])]],
    stroke: color,
    lineWidth: lw,
    dash: [3.7 * lw, 1.6 * lw], // matplotlib's "dashed" pattern, scaled by the line width
    cap: 'butt',
    clip: plot,
  }];
}
