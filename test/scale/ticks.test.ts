import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { axisTicks, ticksBySpacing } from '../../src/scale/ticks.js';
import { decimalsFor, formatTick, formatTicks, MINUS } from '../../src/scale/format.js';
import { linearScale } from '../../src/scale/linear.js';

describe('ticksBySpacing(lo, hi, spacing)', () => {
  it("gives the seed's xticks(np.arange(-10, 12, 2)) for -10..10 by 2", () => {
    expect(ticksBySpacing(-10, 10, 2)).toEqual([-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]);
  });
  it('computes integer multiples, so 0.1 steps carry no float noise', () => {
    expect(ticksBySpacing(0, 0.5, 0.1)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(ticksBySpacing(0.98, 1.14, 0.02)).toEqual([0.98, 1, 1.02, 1.04, 1.06, 1.08, 1.1, 1.12, 1.14]);
  });
  it('is empty for a reversed domain or a spacing <= 0', () => {
    expect(ticksBySpacing(1, 0, 0.1)).toEqual([]);
    expect(ticksBySpacing(0, 1, 0)).toEqual([]);
    expect(ticksBySpacing(0, 1, NaN)).toEqual([]);
  });
});

describe('axisTicks(lo, hi, spec, count)', () => {
  it('keeps automatic ticks inside the domain, increasing (property, seeded)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.integer({ min: 2, max: 15 }), (lo, span, n) => {
        const hi = lo + span;
        if (!(hi > lo)) return true;
        const t = axisTicks(lo, hi, undefined, n).values;
        const eps = 1e-9 * span;
        return t.length >= 1 && t.every((v, i) => v >= lo - eps && v <= hi + eps && (i === 0 || v > t[i - 1]));
      }),
      { seed: 3 },
    );
  });
  it('uses nice steps: -5..5 with about 6 ticks is -4, -2, 0, 2, 4', () => {
    expect(axisTicks(-5, 5, undefined, 6).values).toEqual([-4, -2, 0, 2, 4]);
  });
  it('honours an explicit list, dropping values outside the domain', () => {
    expect(axisTicks(0, 10, [-1, 0, 5, 10, 11], 5).values).toEqual([0, 5, 10]);
  });
  it('gives one tick for a zero-width domain', () => {
    expect(axisTicks(3, 3, undefined, 5).values).toEqual([3]);
  });
});

describe('formatTick and formatTicks', () => {
  it('writes negatives with U+2212 and never prints -0', () => {
    expect(formatTick(-2, 0)).toBe(`${MINUS}2`);
    expect(formatTick(-0, 1)).toBe('0.0');
    expect(formatTick(-0.00001, 1)).toBe('0.0');
  });
  it('gives every label of an axis the same decimals', () => {
    expect(formatTicks([0, 0.2, 0.4, 1], 0.2)).toEqual(['0.0', '0.2', '0.4', '1.0']);
    expect(formatTicks([0, 2.5, 5], 2.5)).toEqual(['0.0', '2.5', '5.0']);
    expect(formatTicks([-10, 0, 10], 2)).toEqual([`${MINUS}10`, '0', '10']);
  });
  it('decimalsFor(step) resolves the step exactly', () => {
    expect([1, 2, 0.5, 0.25, 0.1, 0.02, 1e-4].map(decimalsFor)).toEqual([0, 0, 1, 2, 1, 2, 4]);
  });
});

describe('linearScale(domain, range)', () => {
  it('maps and inverts, with y running backwards', () => {
    const y = linearScale([0, 10], [500, 100]);
    expect(y(0)).toBe(500);
    expect(y(10)).toBe(100);
    expect(y(2.5)).toBe(400);
    expect(y.invert(300)).toBeCloseTo(5, 12);
  });
  it('maps a zero-width domain to the middle of the range instead of NaN', () => {
    const s = linearScale([2, 2], [0, 100]);
    expect(s(2)).toBe(50);
    expect(s.invert(70)).toBe(2);
  });
});
