/** A linear map from a data domain to a pixel range (which may run backwards, as y does). */
export interface LinearScale {
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  (v: number): number;
  invert(px: number): number;
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  // A zero-width domain maps everything to the middle of the range instead of dividing by zero.
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const mid = (r0 + r1) / 2;
  const scale = ((v: number) => (k === 0 ? mid : r0 + (v - d0) * k)) as LinearScale;
  scale.invert = (px: number) => (k === 0 ? d0 : d0 + (px - r0) / k);
  Object.assign(scale, { domain: [d0, d1] as const, range: [r0, r1] as const });
  return scale;
}
