/**
 * Every f' against a central finite difference of f, away from the break points.
 *
 * Stencil: the five-point central difference (−f(a+2h) + 8f(a+h) − 8f(a−h) + f(a−2h)) / 12h, whose
 * truncation error is h⁴·f⁽⁵⁾/30, with h = 1e-3·max(1, |a|). Rounding adds about 1.5·ε·|f|/h.
 * Tolerance: |difference − f'(a)| <= 1e-9·(1 + |f'(a)|). Points closer than 3h to a break are skipped
 * (there the stencil straddles a kink or jump). Inputs: fast-check, seeded, a in [-20, 20].
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activationNames, getActivation, resolveActivation, type Activation } from '../../src/core/activation.js';

const TOL = 1e-9;

function fivePoint(f: (a: number) => number, a: number, h: number): number {
  return (-f(a + 2 * h) + 8 * f(a + h) - 8 * f(a - h) + f(a - 2 * h)) / (12 * h);
}

function agrees(act: Activation, a: number): boolean {
  const h = 1e-3 * Math.max(1, Math.abs(a));
  if (act.breaks.some((b) => Math.abs(a - b) < 3 * h)) return true;
  const fd = fivePoint(act.f, a, h);
  const df = act.df(a);
  if (!(Math.abs(fd - df) <= TOL * (1 + Math.abs(df)))) {
    expect.fail(`${act.name}'(${a}) = ${df}, but the finite difference with h = ${h} is ${fd}`);
  }
  return true;
}

describe.each(activationNames)("%s' against finite differences", (name) => {
  const act = getActivation(name);
  it('agrees at 500 seeded points of [-20, 20]', () => {
    fc.assert(fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (a) => agrees(act, a)), { seed: 1234, numRuns: 500 });
  });
  it('agrees on a grid through the interesting region, just beside the break points too', () => {
    for (let a = -6; a <= 6; a += 0.0625) agrees(act, a);
    for (const b of act.breaks) for (const d of [-0.05, -0.01, 0.01, 0.05]) agrees(act, b + d);
  });
});

describe('parametrised derivatives against finite differences', () => {
  it('leaky_relu for slopes in [-2, 2] and elu for alphas in [0, 5] (seeded)', () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (a, slope, alpha) =>
        agrees(resolveActivation({ name: 'leaky_relu', slope }), a) && agrees(resolveActivation({ name: 'elu', alpha }), a),
      ),
      { seed: 99, numRuns: 300 },
    );
  });
});

describe('one-sided derivatives at the break points', () => {
  it('the one-sided difference quotients at a kink are the limits of f′ from each side', () => {
    for (const name of ['relu', 'leaky_relu', 'elu', 'hard_sigmoid']) {
      const act = getActivation(name);
      for (const b of act.breaks) {
        const h = 1e-7;
        const right = (act.f(b + h) - act.f(b)) / h;
        const left = (act.f(b) - act.f(b - h)) / h;
        expect(right).toBeCloseTo(act.df(b + 1e-12), 5);
        expect(left).toBeCloseTo(act.df(b - 1e-12), 5);
      }
    }
  });
  it('elu with alpha = 1 is differentiable at 0: both quotients are 1', () => {
    const e = getActivation('elu');
    expect((e.f(1e-7) - e.f(0)) / 1e-7).toBeCloseTo(1, 6);
    expect((e.f(0) - e.f(-1e-7)) / 1e-7).toBeCloseTo(1, 6);
    expect(e.df(0)).toBe(1);
  });
});
