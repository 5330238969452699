import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arange, extent, finiteExtent, gridExtent, linspace, sampleGrid, samplePlane, stepRange, stepRangeLength, withBreaks } from '../../src/core/sample.js';
import { activations } from '../../src/core/activation.js';

const TOL = 1e-12;

describe('linspace(start, stop, n)', () => {
  it("gives the seed's linspace(-10, 10, 100): 100 points, both ends exact", () => {
    const x = linspace(-10, 10, 100);
    expect(x.length).toBe(100);
    expect(x[0]).toBe(-10);
    expect(x[99]).toBe(10);
    expect(x[1] - x[0]).toBeCloseTo(20 / 99, 12);
  });
  it('handles n = 0, n = 1 and reversed ranges', () => {
    expect(linspace(0, 1, 0).length).toBe(0);
    expect(Array.from(linspace(3, 7, 1))).toEqual([3]);
    expect(Array.from(linspace(1, -1, 3))).toEqual([1, 0, -1]);
  });
  it('rejects a negative or fractional count', () => {
    expect(() => linspace(0, 1, -1)).toThrow(RangeError);
    expect(() => linspace(0, 1, 2.5)).toThrow(RangeError);
  });
  it('is monotone with both ends exact for any finite range (property, seeded)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 2, max: 500 }), (a, b, n) => {
        const x = linspace(a, b, n);
        if (x[0] !== a || x[n - 1] !== b) return false;
        for (let i = 1; i < n; i++) if (a <= b ? x[i] < x[i - 1] : x[i] > x[i - 1]) return false;
        return true;
      }),
      { seed: 7 },
    );
  });
});

describe('arange(start, stop, step) (numpy semantics)', () => {
  it("gives the seed's arange(-5, 5.1, 0.1): 101 points ending at 5", () => {
    const x = arange(-5, 5.1, 0.1);
    expect(x.length).toBe(101);
    expect(x[0]).toBe(-5);
    expect(Math.abs(x[100] - 5)).toBeLessThan(TOL);
  });
  it('is half-open like numpy and empty for a reversed range', () => {
    expect(Array.from(arange(0, 3, 1))).toEqual([0, 1, 2]);
    expect(arange(3, 0, 1).length).toBe(0);
    expect(Array.from(arange(3, 0, -1))).toEqual([3, 2, 1]);
  });
  it('rejects a zero, NaN or infinite step', () => {
    expect(() => arange(0, 1, 0)).toThrow(RangeError);
    expect(() => arange(0, 1, NaN)).toThrow(RangeError);
    expect(() => arange(0, 1, Infinity)).toThrow(RangeError);
  });
});

describe('stepRange(start, stop, step) (what a config\'s "step" means)', () => {
  it('includes the end when a step lands on it within rounding: (-5, 5, 0.1) is the seed grid', () => {
    const x = stepRange(-5, 5, 0.1);
    const seed = arange(-5, 5.1, 0.1);
    expect(x.length).toBe(101);
    expect(x[100]).toBe(5);
    for (let i = 0; i < 101; i++) expect(Math.abs(x[i] - seed[i])).toBeLessThan(TOL);
  });
  it('stops before the end when the step does not land on it', () => {
    expect(Array.from(stepRange(0, 1, 0.3)).map((v) => +v.toFixed(12))).toEqual([0, 0.3, 0.6, 0.9]);
  });
  it('gives the seed table range(-10, 11): the integers -10..10', () => {
    expect(Array.from(stepRange(-10, 10, 1))).toEqual(Array.from({ length: 21 }, (_, i) => i - 10));
  });
  it('is empty for a reversed range and rejects step <= 0', () => {
    expect(stepRange(1, 0, 0.1).length).toBe(0);
    expect(() => stepRange(0, 1, 0)).toThrow(RangeError);
    expect(() => stepRange(0, 1, -1)).toThrow(RangeError);
    expect(() => stepRange(0, Infinity, 1)).toThrow(RangeError);
  });
  it('stepRangeLength agrees with stepRange without allocating (property, seeded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 2000 }), fc.constantFrom(0.1, 0.25, 0.5, 1, 0.3, 0.7), (a, span, s) => {
        return stepRange(a / 10, (a + span) / 10, s).length === stepRangeLength(a / 10, (a + span) / 10, s);
      }),
      { seed: 11 },
    );
  });
});

describe('sampleGrid(xs, ys, fn)', () => {
  it('is row-major with rows following y (numpy meshgrid xy indexing)', () => {
    const g = sampleGrid(Float64Array.from([0, 1, 2]), Float64Array.from([10, 20]), (x, y) => x + y);
    expect(Array.from(g.z)).toEqual([10, 11, 12, 20, 21, 22]);
  });
  it('is empty for an empty axis', () => {
    expect(sampleGrid(new Float64Array(0), Float64Array.from([1]), () => 1).z.length).toBe(0);
  });
});

describe('samplePlane(xs, ys, w1, w2, b, f)', () => {
  const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));
  it('gives the very values of sampleGrid with f(w1 * x + w2 * y + b), for every activation', () => {
    // Values with many significant bits, where the order of additions shows in the last bit.
    const messy = fc.integer({ min: -1e9, max: 1e9 }).map((i) => i / 1021.7);
    const w = fc.oneof(messy, fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }));
    fc.assert(
      fc.property(w, w, w, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(...Object.keys(activations)), (w1, w2, b, nx, ny, name) => {
        const f = activations[name].f;
        const xs = linspace(-5, 5, nx);
        const ys = linspace(-3, 7, ny);
        const want = sampleGrid(xs, ys, (x, y) => f(w1 * x + w2 * y + b));
        const got = samplePlane(xs, ys, w1, w2, b, f);
        return sameBits(got.z, want.z);
      }),
      { seed: 6, numRuns: 300 },
    );
  });
});

describe('extent(values)', () => {
  it('ignores NaN and reports [NaN, NaN] when nothing is left', () => {
    expect(extent([3, NaN, -1, 2])).toEqual([-1, 3]);
    expect(extent([NaN])).toEqual([NaN, NaN]);
    expect(extent([])).toEqual([NaN, NaN]);
  });
});

describe('gridExtent(z)', () => {
  it('is extent(z) of an all-finite grid (the two passes it replaces), or the index of its first value that is not finite', () => {
    const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(NaN, Infinity, -Infinity, 0, -0));
    fc.assert(fc.property(fc.array(value, { maxLength: 50 }), (values) => {
      const first = values.findIndex((v) => !Number.isFinite(v));
      const want = first >= 0 ? first : extent(values);
      expect(gridExtent(Float64Array.from(values))).toEqual(want);
    }), { seed: 12, numRuns: 500 });
    expect(gridExtent(new Float64Array([2, -0, 0, 1]))).toEqual([-0, 2]); // the first of equal minima, as extent keeps it
    expect(gridExtent(new Float64Array([1, 5, -3]))).toEqual([-3, 5]);
    expect(gridExtent(new Float64Array([1, Infinity, NaN]))).toBe(1);
  });
});

describe('finiteExtent(values)', () => {
  it('is extent over the finite values only', () => {
    expect(finiteExtent([3, NaN, -Infinity, -1, Infinity, 2])).toEqual([-1, 3]);
    expect(finiteExtent([NaN, Infinity])).toEqual([NaN, NaN]);
    expect(finiteExtent(new Float64Array(0))).toEqual([NaN, NaN]);
  });
});

describe('withBreaks(xs, breaks)', () => {
  it('gives what sorting all the points gives (it merges the breaks into the sorted samples)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 50 }), fc.array(fc.double({ min: -12, max: 12 }), { maxLength: 5 }), (n, breaks) => {
        const xs = linspace(-10, 10, n);
        const extra = breaks.filter((b) => b > xs[0] && b < xs[n - 1] && !xs.includes(b));
        const want = Float64Array.from([...xs, ...extra]).sort();
        const got = withBreaks(xs, breaks);
        return got.length === want.length && got.every((v, i) => Object.is(v, want[i]));
      }),
      { seed: 6, numRuns: 300 },
    );
  });
  it('adds the kink at 0 that linspace(-10, 10, 100) misses, sorted and without duplicates', () => {
    const x = withBreaks(linspace(-10, 10, 100), [0]);
    expect(x.length).toBe(101);
    expect(x.includes(0)).toBe(true);
    for (let i = 1; i < x.length; i++) expect(x[i]).toBeGreaterThan(x[i - 1]);
    expect(withBreaks(linspace(-1, 1, 3), [0]).length).toBe(3);
    expect(withBreaks(linspace(1, 2, 3), [0]).length).toBe(3);
  });
});
