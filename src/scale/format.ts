/**
 * Tick label text: every label of an axis gets the same number of decimals (enough to tell ticks
 * `step` apart), negative numbers get a real minus sign (U+2212, as matplotlib and typesetting use),
 * and -0 prints as 0.
 */
export const MINUS = '\u2212';

/** Decimals needed to write `step` exactly (0.25 -> 2, 2.5 -> 1, 10 -> 0), at most 10. */
export function decimalsFor(step: number): number {
  const s = Math.abs(step);
  if (!Number.isFinite(s) || s === 0) return 0;
  for (let d = 0; d <= 10; d++) {
    const scaled = s * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return d;
  }
  return 10;
}

export function formatTick(value: number, decimals: number): string {
  let text = value.toFixed(decimals);
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  return text.startsWith('-') ? MINUS + text.slice(1) : text;
}

/** Labels for a set of ticks with a shared number of decimals. */
export function formatTicks(values: readonly number[], step: number): string[] {
  const d = decimalsFor(step);
  return values.map((v) => formatTick(v, d));
}
