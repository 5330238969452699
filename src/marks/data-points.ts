/**
 * Data points over a surface, as scikit-learn's examples draw them: a marker per point in its
 * class's colour with a thin black outline (readable on any band), a marker shape per class (as
 * mlxtend does), and a ring around each point whose class differs from the model's. Points outside
 * the plot are not drawn; they are counted for the legend's note.
 */
import type { Item, Rect } from '../scene/scene.js';
import type { LinearScale } from '../scale/linear.js';
import { PT } from '../scene/theme.js';
import type { DataPoints } from '../model/figure.js';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'pentagon' | 'hexagon' | 'triangle-left' | 'triangle-right' | 'star';

/** One shape per class, in order (the class's colour tells them apart first). */
export const MARKERS: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'triangle-down', 'pentagon', 'hexagon', 'triangle-left', 'triangle-right', 'star'];

/** matplotlib's scatter default: 36 pt² (a 6 pt wide marker). */
export const MARKER_RADIUS = 3 * PT;
const EDGE = 0.6 * PT;
const RING = 1.2 * PT;
const RING_GAP = 2.2 * PT;

/** A marker's outline as a flat ring around (cx, cy), of about the same area for every shape. */
export function markerRing(shape: MarkerShape, cx: number, cy: number, r: number): number[] {
  const poly = (n: number, turn: number, radius = r) =>
    Array.from({ length: n }, (_, i) => {
      const a = turn + (2 * Math.PI * i) / n;
      return [cx + radius * Math.cos(a), cy - radius * Math.sin(a)];
    }).flat();
  switch (shape) {
    case 'circle': return poly(24, 0);
    case 'square': return poly(4, Math.PI / 4, r * 1.2);
    case 'diamond': return poly(4, Math.PI / 2, r * 1.25);
    case 'triangle': return poly(3, Math.PI / 2, r * 1.35);
    case 'triangle-down': return poly(3, -Math.PI / 2, r * 1.35);
    case 'triangle-left': return poly(3, Math.PI, r * 1.35);
    case 'triangle-right': return poly(3, 0, r * 1.35);
    case 'pentagon': return poly(5, Math.PI / 2, r * 1.1);
    case 'hexagon': return poly(6, Math.PI / 2, r * 1.08);
    case 'star': {
      const out: number[] = [];
      for (let i = 0; i < 10; i++) {
        const a = Math.PI / 2 + (Math.PI * i) / 5;
        const rr = i % 2 === 0 ? r * 1.45 : r * 0.6;
        out.push(cx + rr * Math.cos(a), cy - rr * Math.sin(a));
      }
      return out;
    }
  }
}

export interface DataMarks {
  items: Item[];
  /** Pixel positions of the drawn points (for placing the legend where it hides fewest). */
  positions: number[][];
  outside: number;
  misclassified: number;
}

/**
 * `colors[k]` and MARKERS[k] for class k; a point without a class is drawn in `colors[0]` as a
 * circle. `predicted`: the model's class at each point, for `highlight`.
 */
export function dataMarks(plot: Rect, points: DataPoints, x: LinearScale, y: LinearScale, colors: readonly string[], predicted: Int32Array | undefined, highlight: boolean): DataMarks {
  const fills: Item[] = [];
  const edges: number[][] = [];
  const rings: [number, number][] = [];
  const positions: number[][] = [[]];
  let outside = 0;
  let misclassified = 0;
  const [x0, x1] = x.domain;
  const [ya, yb] = y.domain;
  const ylo = Math.min(ya, yb);
  const yhi = Math.max(ya, yb);
  for (let i = 0; i < points.xs.length; i++) {
    const vx = points.xs[i];
    const vy = points.ys[i];
    if (!(vx >= Math.min(x0, x1) && vx <= Math.max(x0, x1) && vy >= ylo && vy <= yhi)) {
      outside++;
      continue;
    }
    const c = points.classes[i];
    const px = x(vx);
    const py = y(vy);
    const ring = markerRing(MARKERS[Math.max(0, c) % MARKERS.length], px, py, MARKER_RADIUS);
    fills.push({ type: 'area', polygons: [[ring]], fill: colors[Math.max(0, c) % colors.length], clip: plot });
    edges.push([...ring, ring[0], ring[1]]);
    positions[0].push(px, py);
    if (predicted && c >= 0 && predicted[i] !== c) {
      misclassified++;
      if (highlight) rings.push([px, py]);
    }
  }
  const items: Item[] = [...fills];
  if (edges.length) items.push({ type: 'path', lines: edges, stroke: '#000000', lineWidth: EDGE, clip: plot });
  for (const [px, py] of rings) items.push(...missRing(px, py));
  return { items, positions, outside, misclassified };
}

/** The ring around a misclassified point: black on a white halo, so it shows on any colour. */
export function missRing(px: number, py: number): Item[] {
  const r = MARKER_RADIUS + RING_GAP;
  return [
    { type: 'circle', x: px, y: py, r, stroke: '#ffffff', lineWidth: RING + 1.5 * PT },
    { type: 'circle', x: px, y: py, r, stroke: '#000000', lineWidth: RING },
  ];
}
