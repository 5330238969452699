/** Neighbouring doubles: how one-sided limits and strict inequalities are asked of exact code. */
const buf = new Float64Array(1);
const bits = new BigInt64Array(buf.buffer);

/** The smallest double greater than v (v itself for NaN and +Infinity). */
export function nextUp(v: number): number {
  if (Number.isNaN(v) || v === Infinity) return v;
  if (v === 0) return Number.MIN_VALUE;
  buf[0] = v;
  bits[0] += v > 0 ? 1n : -1n;
  return buf[0];
}

/** The largest double less than v. */
export function nextDown(v: number): number {
  return -nextUp(-v);
}
