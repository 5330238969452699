/**
 * A small drawing of an activation's curve inside a neuron: f over a ∈ [−3, 3], scaled to fit the
 * circle, with a faint cross of axes so a step reads as a step and a ReLU as its kink.
 */
import type { Item } from '../scene/scene.js';
import { resolveActivation, type ActivationSpec } from '../core/activation.js';
import { PT } from '../scene/theme.js';

const SAMPLES = 41;

export function activationGlyph(spec: ActivationSpec, cx: number, cy: number, r: number): Item[] {
  const f = resolveActivation(spec).f;
  const half = r * 0.55;
  const as = Array.from({ length: SAMPLES }, (_, i) => -3 + (6 * i) / (SAMPLES - 1));
  const ys = as.map(f);
  let lo = Math.min(...ys);
  let hi = Math.max(...ys);
  if (!(hi > lo)) {
    lo -= 1;
    hi += 1;
  }
  const px = (a: number) => cx + (a / 3) * half;
  const py = (v: number) => cy + half - ((v - lo) / (hi - lo)) * 2 * half;
  const line: number[] = [];
  as.forEach((a, i) => line.push(px(a), py(ys[i])));
  const width = Math.max(0.8, Math.min(1.5 * PT, r / 8));
  const zeroY = lo <= 0 && hi >= 0 ? py(0) : cy + half;
  return [
    { type: 'path', lines: [[cx - half, zeroY, cx + half, zeroY], [cx, cy - half, cx, cy + half]], stroke: '#bbbbbb', lineWidth: width * 0.6 },
    { type: 'path', lines: [line], stroke: '#222222', lineWidth: width, cap: 'round' },
  ];
}
