/** matplotlib's automatic y limits: the data extent with a 5% margin on each side. */
export function autoRange([lo, hi]: [number, number]): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-0.055, 0.055];
  if (hi === lo) {
    const pad = lo === 0 ? 0.055 : Math.abs(lo) * 0.055;
    return [lo - pad, hi + pad];
  }
  const m = (hi - lo) * 0.05;
  return [lo - m, hi + m];
}
