/**
 * A field's colour at a point as an index into its palette ("key"; -1: the background): the band
 * of a value (output view), the winning class (class view), or the winner and the band of its
 * probability (probability view: class × bands + band). Shared by the grid painter of classes and
 * the per-pixel painter, so both colour a point the same way.
 */
import type { FieldItem } from '../scene/scene.js';
import { bandOf, isUniform } from './field-colors.js';

export type Mode = 'output' | 'class' | 'probability';

export interface Keyer {
  mode: Mode;
  bands: number;
  /** The key of a value (output view). */
  value(v: number): number;
  /** The key of class scores (class and probability views); `winner` is the largest. */
  scores(s: ArrayLike<number>, winner: number): number;
  /** Whether two neighbouring keys meet at a jump (a class edge, or bands more than one apart). */
  jump(a: number, b: number): boolean;
}

export function keyer(field: FieldItem): Keyer {
  const levels = Float64Array.from(field.levels);
  const n = levels.length;
  const uniform = isUniform(levels);
  const step = (levels[n - 1] - levels[0]) / (n - 1);
  const lo = levels[0];
  const hi = levels[n - 1];
  const bands = n - 1;
  const mode: Mode = field.classes?.mode ?? (field.exact && field.exact.view !== 'output' ? field.exact.view : 'output');
  const band = (v: number) => (v >= lo && v <= hi ? bandOf(v, levels, uniform, step) : -1);
  return {
    mode,
    bands,
    value: band,
    scores(s, winner) {
      if (mode === 'class') return winner;
      const b = band(s[winner]);
      return b < 0 ? -1 : winner * bands + b;
    },
    jump(a, b) {
      if (a === b) return false;
      if (a < 0 || b < 0 || mode === 'class') return true;
      if (mode === 'probability' && Math.floor(a / bands) !== Math.floor(b / bands)) return true;
      return Math.abs(a - b) > 1;
    },
  };
}
