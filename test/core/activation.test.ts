import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyActivation, getActivation, relu, step } from '../../src/core/activation.js';

describe('relu(a)', () => {
  it('matches the seed: f(0)=0, f(1)=1, f(5)=5, f(-1)=0, f(-5)=0', () => {
    expect([0, 1, 5, -1, -5].map(relu.f)).toEqual([0, 1, 5, 0, 0]);
  });
  it('maps -0 to +0, NaN to NaN and keeps infinities sensible', () => {
    expect(Object.is(relu.f(-0), 0)).toBe(true);
    expect(relu.f(NaN)).toBeNaN();
    expect(relu.f(Infinity)).toBe(Infinity);
    expect(relu.f(-Infinity)).toBe(0);
  });
  it("relu'(a) is 1 for a > 0, 0 for a < 0 and undefined (NaN) at 0, as the seed says", () => {
    expect(relu.df(2)).toBe(1);
    expect(relu.df(-2)).toBe(0);
    expect(relu.df(0)).toBeNaN();
    expect(relu.df(-0)).toBeNaN();
    expect(relu.df(NaN)).toBeNaN();
  });
  it('equals max(a, 0) for every finite a (property, seeded)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (a) => relu.f(a) === Math.max(a, 0)), { seed: 42 });
  });
});

describe('step(a)', () => {
  it('is 1 for a > 0 and 0 for a <= 0 (the seed: np.where(x > 0, 1, 0))', () => {
    expect([-5, -0.001, 0, -0, 0.001, 5].map(step.f)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(step.f(Infinity)).toBe(1);
    expect(step.f(-Infinity)).toBe(0);
    expect(step.f(NaN)).toBeNaN();
  });
  it("step'(a) is 0 away from 0 and undefined at the jump", () => {
    expect(step.df(3)).toBe(0);
    expect(step.df(-3)).toBe(0);
    expect(step.df(0)).toBeNaN();
  });
  it('declares its jump at 0 and relu declares a kink but no jump', () => {
    expect(step.jumps).toEqual([0]);
    expect(relu.breaks).toEqual([0]);
    expect(relu.jumps).toEqual([]);
  });
});

describe('applyActivation(act, input, out, derivative)', () => {
  it('works in place on a Float64Array', () => {
    const v = Float64Array.from([-2, -0, 0, 3]);
    const out = applyActivation(relu, v, v);
    expect(out).toBe(v);
    expect(Array.from(v)).toEqual([0, 0, 0, 3]);
  });
  it('computes the derivative when asked', () => {
    const out = applyActivation(relu, Float64Array.from([-1, 0, 1]), undefined, true);
    expect(Array.from(out)).toEqual([0, NaN, 1]);
  });
  it('rejects an output of the wrong length', () => {
    expect(() => applyActivation(step, new Float64Array(3), new Float64Array(2))).toThrow(RangeError);
  });
});

describe('getActivation(name)', () => {
  it('finds relu and step and rejects anything else, including inherited names', () => {
    expect(getActivation('relu')).toBe(relu);
    expect(() => getActivation('sigmoidd')).toThrow(/unknown activation/);
    expect(() => getActivation('toString')).toThrow(/unknown activation/);
  });
});
