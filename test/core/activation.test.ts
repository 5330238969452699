import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  activationNames, applyActivation, elu, gelu, geluTanh, getActivation, hardSigmoid, isActivationName, leakyRelu, relu,
  resolveActivation, sigmoid, sign, silu, softplus, step, swish, tanh,
} from '../../src/core/activation.js';

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

// ---------------------------------------------------------------------------------------------
// Every activation: names, break points, conventions at breaks, NaN, ±Infinity, -0, overflow.

const ALL = [
  'identity', 'relu', 'leaky_relu', 'elu', 'gelu', 'gelu_tanh', 'sigmoid', 'tanh',
  'softplus', 'silu', 'swish', 'step', 'sign', 'hard_sigmoid',
];

describe('the registry', () => {
  it('activationNames lists every activation, the alias swish included', () => {
    expect([...activationNames].sort()).toEqual([...ALL].sort());
    for (const n of ALL) expect(isActivationName(n)).toBe(true);
    expect(isActivationName('hasOwnProperty')).toBe(false);
  });
  it('each activation carries its own name; swish is silu under its own name', () => {
    for (const n of ALL) expect(getActivation(n).name).toBe(n);
    for (const a of [-3, -0.5, 0, 0.7, 4]) {
      expect(swish.f(a)).toBe(silu.f(a));
      expect(swish.df(a)).toBe(silu.df(a));
    }
  });
  it('breaks and jumps: kinks of relu, leaky_relu, elu, hard_sigmoid; jumps of step and sign; none elsewhere', () => {
    const expected: Record<string, [number[], number[]]> = {
      identity: [[], []], relu: [[0], []], leaky_relu: [[0], []], elu: [[0], []], gelu: [[], []], gelu_tanh: [[], []],
      sigmoid: [[], []], tanh: [[], []], softplus: [[], []], silu: [[], []], swish: [[], []],
      step: [[0], [0]], sign: [[0], [0]], hard_sigmoid: [[-3, 3], []],
    };
    for (const n of ALL) {
      const a = getActivation(n);
      expect([[...a.breaks], [...a.jumps]], n).toEqual(expected[n]);
      for (const j of a.jumps) expect(a.breaks).toContain(j);
    }
  });
});

describe('conventions at break points', () => {
  it("f' is NaN (undefined) at every kink and jump", () => {
    for (const n of ALL) {
      const a = getActivation(n);
      for (const b of a.breaks) if (n !== 'elu') expect(a.df(b), `${n}'(${b})`).toBeNaN();
    }
    expect(hardSigmoid.df(-3)).toBeNaN();
    expect(hardSigmoid.df(3)).toBeNaN();
  });
  it('f at a break: relu/leaky_relu/elu 0, step(0) = 0, sign(0) = 0, hard_sigmoid(−3) = 0 and (3) = 1', () => {
    expect([relu.f(0), leakyRelu.f(0), elu.f(0), step.f(0), sign.f(0), hardSigmoid.f(-3), hardSigmoid.f(3)]).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });
  it('f is continuous at a kink and jumps at a jump: one-sided values 1e-12 away', () => {
    for (const n of ALL) {
      const a = getActivation(n);
      for (const b of a.breaks) {
        const [l, r] = [a.f(b - 1e-12), a.f(b + 1e-12)];
        if (a.jumps.includes(b)) expect(Math.abs(r - l), `${n} jumps at ${b}`).toBeGreaterThan(0.5);
        else {
          expect(Math.abs(l - a.f(b)), `${n} continuous at ${b}`).toBeLessThan(1e-11);
          expect(Math.abs(r - a.f(b)), `${n} continuous at ${b}`).toBeLessThan(1e-11);
        }
      }
    }
    expect([sign.f(-1e-300), sign.f(0), sign.f(1e-300)]).toEqual([-1, 0, 1]);
  });
  it("elu with alpha = 1 has f'(0) = 1 (f is C¹; only f'' jumps), any other alpha f'(0) = NaN", () => {
    expect(elu.df(0)).toBe(1);
    expect(elu.df(-0)).toBe(1);
    expect(resolveActivation({ name: 'elu', alpha: 2 }).df(0)).toBeNaN();
    expect(resolveActivation({ name: 'elu', alpha: 0 }).df(0)).toBeNaN();
  });
  it("leaky_relu with slope 1 is the identity: no break, f'(0) = 1; slope 0 is relu", () => {
    const one = resolveActivation({ name: 'leaky_relu', slope: 1 });
    expect(one.breaks).toEqual([]);
    expect(one.df(0)).toBe(1);
    const zero = resolveActivation({ name: 'leaky_relu', slope: 0 });
    for (const a of [-Infinity, -5, -0, 0, 3, Infinity]) expect(zero.f(a)).toBe(relu.f(a));
    expect(zero.df(0)).toBeNaN();
  });
});

/** [f(−∞), f(+∞), f'(−∞), f'(+∞)]: the limits. */
const LIMITS: Record<string, [number, number, number, number]> = {
  identity: [-Infinity, Infinity, 1, 1],
  relu: [0, Infinity, 0, 1],
  leaky_relu: [-Infinity, Infinity, 0.01, 1],
  elu: [-1, Infinity, 0, 1],
  gelu: [0, Infinity, 0, 1],
  gelu_tanh: [0, Infinity, 0, 1],
  sigmoid: [0, 1, 0, 0],
  tanh: [-1, 1, 0, 0],
  softplus: [0, Infinity, 0, 1],
  silu: [0, Infinity, 0, 1],
  swish: [0, Infinity, 0, 1],
  step: [0, 1, 0, 0],
  sign: [-1, 1, 0, 0],
  hard_sigmoid: [0, 1, 0, 0],
};

describe.each(ALL)('%s: NaN, infinities, -0 and overflow', (n) => {
  const act = getActivation(n);
  it('NaN in, NaN out (f and f′)', () => {
    expect(act.f(NaN)).toBeNaN();
    expect(act.df(NaN)).toBeNaN();
  });
  it('±Infinity give the limits of f and f′', () => {
    expect([act.f(-Infinity), act.f(Infinity), act.df(-Infinity), act.df(Infinity)]).toEqual(LIMITS[n]);
  });
  it('±1e308 and ±Number.MAX_VALUE give finite values at the limits, never NaN or a spurious Infinity', () => {
    for (const big of [1e308, Number.MAX_VALUE]) {
      const [fLo, fHi, dLo, dHi] = LIMITS[n];
      const lim = (v: number, x: number) => (v === Infinity ? x : v === -Infinity ? (n === 'leaky_relu' ? 0.01 * x : x) : v);
      expect(act.f(big), `${n}(${big})`).toBe(lim(fHi, big));
      expect(act.f(-big), `${n}(${-big})`).toBe(lim(fLo, -big));
      expect(act.df(big)).toBe(dHi);
      expect(act.df(-big)).toBe(dLo);
    }
  });
  it('f(−0) = f(+0), f′(−0) is f′(+0) (both NaN at a break at 0)', () => {
    expect(Object.is(act.f(-0), act.f(0))).toBe(true);
    expect(Object.is(act.df(-0), act.df(0))).toBe(true);
  });
  it('never returns −0, and returns a number (not NaN) for every non-NaN input off its breaks (property, seeded)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (a) => {
        const y = act.f(a);
        const d = act.df(a);
        expect(Object.is(y, -0), `${n}(${a}) is -0`).toBe(false);
        expect(Object.is(d, -0), `${n}'(${a}) is -0`).toBe(false);
        expect(y, `${n}(${a})`).not.toBeNaN();
        if (!act.breaks.includes(a) || (n === 'elu' && a === 0)) expect(d, `${n}'(${a})`).not.toBeNaN();
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

describe('smooth activations stay in range at extreme inputs (no overflow inside)', () => {
  it('sigmoid and softplus for |a| up to 1e308', () => {
    for (const a of [746, 1e4, 1e100, 1e308]) {
      expect(sigmoid.f(a)).toBe(1);
      expect(sigmoid.f(-a)).toBe(0);
      expect(sigmoid.df(a)).toBe(0);
      expect(softplus.f(a)).toBe(a);
      expect(softplus.f(-a)).toBe(0);
    }
    expect(softplus.f(700)).toBe(700);
    expect(softplus.f(-700)).toBeCloseTo(Math.exp(-700), 320);
    expect(softplus.f(-700)).toBeGreaterThan(0);
  });
  it('tanh′, silu, gelu and gelu_tanh for |a| past the overflow of e^|a|, a², a³', () => {
    for (const a of [1e3, 1e155, 1e200, 1e308]) {
      expect(tanh.df(a)).toBe(0);
      expect(silu.f(a)).toBe(a);
      expect(silu.f(-a)).toBe(0);
      expect(gelu.f(a)).toBe(a);
      expect(gelu.f(-a)).toBe(0);
      expect(geluTanh.f(a)).toBe(a);
      expect(geluTanh.f(-a)).toBe(0);
      expect(geluTanh.df(a)).toBe(1);
      expect(geluTanh.df(-a)).toBe(0);
    }
  });
});

describe('resolveActivation(spec)', () => {
  it('resolves a name, and an object whose parameters are the defaults, to the registered activation', () => {
    expect(resolveActivation('relu')).toBe(relu);
    expect(resolveActivation({ name: 'relu' })).toBe(relu);
    expect(resolveActivation({ name: 'leaky_relu' })).toBe(leakyRelu);
    expect(resolveActivation({ name: 'leaky_relu', slope: 0.01 })).toBe(leakyRelu);
    expect(resolveActivation({ name: 'elu', alpha: 1 })).toBe(elu);
    expect(resolveActivation('swish')).toBe(swish);
  });
  it('builds a parametrised activation named with its parameters', () => {
    const l = resolveActivation({ name: 'leaky_relu', slope: 0.1 });
    expect(l.name).toBe('leaky_relu(slope=0.1)');
    expect([l.f(-2), l.f(3), l.df(-2), l.df(3)]).toEqual([-0.2, 3, 0.1, 1]);
    const e = resolveActivation({ name: 'elu', alpha: 0.5 });
    expect(e.name).toBe('elu(alpha=0.5)');
    expect(e.f(-Infinity)).toBe(-0.5);
    expect(e.breaks).toEqual([0]);
  });
  it('rejects unknown names, unknown or misplaced parameters, and non-finite or non-number values', () => {
    expect(() => resolveActivation('rellu')).toThrow(/unknown activation: rellu/);
    expect(() => resolveActivation({ name: 'rellu' })).toThrow(/unknown activation: rellu/);
    expect(() => resolveActivation({ name: 'leaky_relu', alpha: 1 })).toThrow(/leaky_relu: unknown parameter "alpha"; expected slope/);
    expect(() => resolveActivation({ name: 'relu', slope: 1 })).toThrow(/relu: unknown parameter "slope"; it takes no parameters/);
    expect(() => resolveActivation({ name: 'elu', alpha: '1' })).toThrow(/elu: parameter "alpha" must be a finite number, got "1"/);
    expect(() => resolveActivation({ name: 'elu', alpha: NaN })).toThrow(/finite number, got NaN/);
    expect(() => resolveActivation({ name: 'elu', alpha: Infinity })).toThrow(/finite number, got Infinity/);
    expect(() => resolveActivation({ name: 'elu', toString: 1 })).toThrow(/unknown parameter "toString"/);
    expect(() => resolveActivation(null as unknown as string)).toThrow(/a name or an object/);
    expect(() => resolveActivation({} as unknown as string)).toThrow(/a name or an object/);
  });
});
