/**
 * Numbers as a diagram writes them: at most 3 significant digits (4 for numbers of 1000 and up),
 * a real minus sign, no "-0".
 */
import { MINUS } from '../scale/format.js';

export function formatWeight(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const digits = Math.abs(v) >= 1000 ? 4 : 3;
  const r = Number(v.toPrecision(digits)) + 0;
  const text = Math.abs(r) >= 1e6 || (r !== 0 && Math.abs(r) < 1e-4) ? r.toExponential(2) : String(r);
  return text.replace('-', MINUS);
}

/** `2·1 + 3·2 − 5`: the terms of w·x + b as the seed writes its worked example. */
export function weightedSum(weights: readonly number[], inputs: readonly number[], bias: number): string {
  const x = (v: number) => (v < 0 ? `(${formatWeight(v)})` : formatWeight(v));
  let text = '';
  weights.forEach((w, j) => {
    const term = `${formatWeight(Math.abs(w))}·${x(inputs[j])}`;
    text += j === 0 ? (w < 0 ? `${MINUS}${term}` : term) : ` ${w < 0 ? MINUS : '+'} ${term}`;
  });
  if (bias !== 0) text += ` ${bias < 0 ? MINUS : '+'} ${formatWeight(Math.abs(bias))}`;
  return text;
}
