/**
 * Tick values. Automatic ticks come from d3-array (nice 1-2-5 steps, computed as integer multiples
 * of the step so 0.98..1.14 ends at exactly 1.14); a spacing or an explicit list comes from the config.
 */
import { ticks as d3ticks, tickStep } from 'd3-array';
import type { Ticks } from '../model/figure.js';
import { decimalsFor } from './format.js';

export interface TickSet {
  values: number[];
  /** The spacing the labels must resolve (for choosing decimals). */
  step: number;
}

/**
 * Multiples of `spacing` inside [lo, hi]. Like d3, each is computed from integers, k × (spacing·10^d)
 * / 10^d with d the decimals of the spacing, so 0.1 steps give 0.3, not 0.30000000000000004.
 */
export function ticksBySpacing(lo: number, hi: number, spacing: number): number[] {
  if (!(spacing > 0) || !(hi >= lo)) return [];
  const slack = 1e-9;
  const k0 = Math.ceil(lo / spacing - slack);
  const k1 = Math.floor(hi / spacing + slack);
  const scale = 10 ** decimalsFor(spacing);
  const units = Math.round(spacing * scale);
  const out: number[] = [];
  for (let k = k0; k <= k1 && out.length <= 10_000; k++) out.push(units > 0 ? (k * units) / scale : k * spacing);
  return out.map((v) => (v === 0 ? 0 : v));
}

/**
 * Ticks for a domain: the config's explicit list (kept inside the domain) or spacing, otherwise
 * about `count` nice ticks.
 */
export function axisTicks(lo: number, hi: number, spec: Ticks, count: number): TickSet {
  const inside = (v: number) => v >= lo - 1e-9 * Math.abs(hi - lo) && v <= hi + 1e-9 * Math.abs(hi - lo);
  if (Array.isArray(spec)) {
    const values = spec.filter(inside);
    return { values, step: smallestGap(values) };
  }
  if (typeof spec === 'number') return { values: ticksBySpacing(lo, hi, spec), step: spec };
  if (!(hi > lo)) return { values: [lo], step: 1 };
  const n = Math.max(2, Math.round(count));
  return { values: d3ticks(lo, hi, n).map((v) => (v === 0 ? 0 : v)), step: Math.abs(tickStep(lo, hi, n)) };
}

function smallestGap(values: readonly number[]): number {
  let gap = Infinity;
  for (let i = 1; i < values.length; i++) gap = Math.min(gap, Math.abs(values[i] - values[i - 1]));
  if (Number.isFinite(gap) && gap > 0) return gap;
  // One tick: resolve its own digits.
  const v = Math.abs(values[0] ?? 1);
  return v === 0 ? 1 : 10 ** Math.floor(Math.log10(v));
}
