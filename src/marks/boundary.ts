/**
 * The decision boundary w1·x1 + w2·x2 + b = 0, computed from the weights and clipped to the plot's
 * data rectangle exactly (no reliance on canvas clipping, so SVG/PDF get the same segment).
 */
import type { Item, Rect } from '../scene/scene.js';
import type { LinearScale } from '../scale/linear.js';
import { THEME } from '../scene/theme.js';
import { MINUS } from '../scale/format.js';
import { DASHES } from './contour.js';
import type { ResolvedBoundary } from '../model/figure.js';

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

function coefficient(v: number): string {
  return String(Number(v.toFixed(3)));
}

/**
 * The boundary's equation as a person writes it, in the seed's form: w1·x1 + w2·x2 = −b, with unit
 * coefficients dropped, zero terms left out and signs folded: "x1 + 2x2 = 5", "3x1 − 5x2 = −10".
 */
export function boundaryEquation(w1: number, w2: number, b: number, names: [string, string] = ['x1', 'x2']): string {
  let left = '';
  [[w1, names[0]], [w2, names[1]]].forEach(([w, name]) => {
    const v = w as number;
    if (v === 0) return;
    const mag = Math.abs(v) === 1 ? '' : coefficient(Math.abs(v));
    if (!left) left = `${v < 0 ? MINUS : ''}${mag}${name}`;
    else left += ` ${v < 0 ? MINUS : '+'} ${mag}${name}`;
  });
  const rhs = -b + 0;
  return `${left || '0'} = ${rhs < 0 ? MINUS + coefficient(-rhs) : coefficient(rhs)}`;
}

/**
 * Where along the segment (0..1) the label goes: the middle, unless a marked point sits there; then
 * the candidate position farthest from every point.
 */
function labelPosition(ax: number, ay: number, bx: number, by: number, avoid: readonly [number, number][]): number {
  const candidates = [0.5, 0.35, 0.65, 0.25, 0.75];
  const clearance = (t: number) => Math.min(Infinity, ...avoid.map(([px, py]) => Math.hypot(ax + (bx - ax) * t - px, ay + (by - ay) * t - py)));
  if (clearance(0.5) > 80) return 0.5;
  return candidates.reduce((best, t) => (clearance(t) > clearance(best) ? t : best), 0.5);
}

export function boundaryMark(plot: Rect, seg: Segment | null, x: LinearScale, y: LinearScale, style: ResolvedBoundary, equation: string, avoid: readonly [number, number][] = []): Item[] {
  if (!seg) return [];
  const lw = style.width;
  const [ax, ay, bx, by] = [x(seg[0][0]), y(seg[0][1]), x(seg[1][0]), y(seg[1][1])];
  const items: Item[] = [{
    type: 'path',
    lines: [[ax, ay, bx, by]],
    stroke: style.color,
    lineWidth: lw,
    dash: DASHES[style.dash].map((d) => d * lw),
    cap: 'butt',
    clip: plot,
  }];
  if (style.label && equation) {
    // Along the line (at its middle unless a marked point is there), turned to its slope but never upside down.
    const t = labelPosition(ax, ay, bx, by, avoid);
    let angle = (-Math.atan2(by - ay, bx - ax) * 180) / Math.PI;
    if (angle > 90) angle -= 180;
    if (angle <= -90) angle += 180;
    const font = { ...THEME.labelFont, weight: 'bold' as const };
    // Lifted off the line (perpendicular, towards the top of the text) so the dashes stay visible.
    const lift = lw * 2;
    const rad = (angle * Math.PI) / 180;
    const halo = style.color === 'white' || style.color === '#ffffff' ? '#000000' : '#ffffff';
    items.push({
      type: 'text', x: ax + (bx - ax) * t - Math.sin(rad) * lift, y: ay + (by - ay) * t - Math.cos(rad) * lift, text: equation, font,
      fill: style.color, align: 'center', baseline: 'bottom', angle: angle + 0, halo,
    });
  }
  return items;
}
