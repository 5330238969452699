/**
 * Values of every activation, f and f', against references that share no code with the module under
 * test: published constants, and 700-digit fixed-point arithmetic on BigInt below (Taylor series for
 * exp, Newton for ln, Machin's formula for π, the everywhere-positive series for erf), evaluated at
 * the exact value of each double input. Required: relative error <= 1e-12.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erf, erfc, getActivation, resolveActivation, type Activation } from '../../src/core/activation.js';

// ---------------------------------------------------------------------------------------------
// A small fixed-point reference: x is the bigint round(x · 10^DIGITS).

const DIGITS = 700n;
const ONE = 10n ** DIGITS;
type Fx = bigint;

const abs = (x: Fx) => (x < 0n ? -x : x);
const mul = (a: Fx, b: Fx): Fx => (a * b) / ONE;
const div = (a: Fx, b: Fx): Fx => (a * ONE) / b;
const int = (n: number | bigint): Fx => BigInt(n) * ONE;
/** A decimal literal such as "0.044715", exactly. */
function dec(s: string): Fx {
  const [i, f = ''] = s.replace('-', '').split('.');
  const v = BigInt(i) * ONE + BigInt(f || '0') * 10n ** (DIGITS - BigInt(f.length));
  return s.startsWith('-') ? -v : v;
}

/** The exact value of a double (every double is m · 2^e), truncated at 10^-700. */
function fx(x: number): Fx {
  if (!Number.isFinite(x)) throw new Error(`fx(${x})`);
  if (x === 0) return 0n;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const m = exp === 0 ? frac : frac | (1n << 52n);
  const e = (exp === 0 ? 1 : exp) - 1075;
  const v = e >= 0 ? m * (1n << BigInt(e)) * ONE : (m * ONE) / (1n << BigInt(-e));
  return x < 0 ? -v : v;
}

/** The double nearest to x (JavaScript's decimal parser rounds correctly). */
function dbl(x: Fx): number {
  const a = abs(x);
  const frac = (a % ONE).toString().padStart(Number(DIGITS), '0');
  return Number(`${x < 0n ? '-' : ''}${a / ONE}.${frac}`);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((n.toString(2).length >> 1) + 1); // above √n: Newton then decreases to it
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
const sqrt = (x: Fx): Fx => isqrt(x * ONE);

function exp(x: Fx): Fx {
  if (x < 0n) return div(ONE, exp(-x));
  let k = 0;
  let r = x;
  while (r > ONE / 1024n) {
    r /= 2n;
    k++;
  }
  let sum = ONE;
  let term = ONE;
  for (let n = 1n; term !== 0n; n++) {
    term = mul(term, r) / n;
    sum += term;
  }
  for (let i = 0; i < k; i++) sum = mul(sum, sum);
  return sum;
}

/** ln y by Newton on exp, from the double estimate: 16 → 32 → 64 → … digits. */
function ln(y: Fx): Fx {
  let z = fx(Math.log(dbl(y)));
  for (let i = 0; i < 8; i++) z = z - ONE + mul(y, exp(-z));
  return z;
}

function arctanInv(n: bigint): Fx {
  let sum = 0n;
  let power = ONE / n;
  for (let k = 0n; power !== 0n; k++) {
    sum += (k % 2n === 0n ? 1n : -1n) * (power / (2n * k + 1n));
    power /= n * n;
  }
  return sum;
}
const PI = 16n * arctanInv(5n) - 4n * arctanInv(239n); // Machin, 1706

/** erf x = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)): every term positive, no cancellation. */
function erfRef(x: Fx): Fx {
  if (x < 0n) return -erfRef(-x);
  const x2 = mul(x, x);
  let term = x;
  let sum = x;
  for (let n = 1n; term !== 0n; n++) {
    term = (mul(term, 2n * x2)) / (2n * n + 1n);
    sum += term;
  }
  return mul(div(2n * ONE, sqrt(PI)), mul(exp(-x2), sum));
}

const SQRT1_2 = div(ONE, sqrt(int(2)));
const Phi = (a: Fx) => (ONE - erfRef(-mul(a, SQRT1_2))) / 2n;
const phi = (a: Fx) => div(exp(-mul(a, a) / 2n), sqrt(2n * PI));
const sigma = (a: Fx) => div(ONE, ONE + exp(-a));
const tanhRef = (a: Fx) => {
  const e = exp(2n * a);
  return div(e - ONE, e + ONE);
};
const max = (a: Fx, b: Fx) => (a > b ? a : b);
const min = (a: Fx, b: Fx) => (a < b ? a : b);

/** Independent definitions of f and f' (by hand from the formulas in docs/activations.md). */
type Ref = { f: (a: Fx) => Fx; df: (a: Fx) => Fx };
const GELU_C = dec('0.044715');
const K = sqrt(div(int(2), PI));
const refs: Record<string, Ref> = {
  identity: { f: (a) => a, df: () => ONE },
  relu: { f: (a) => max(a, 0n), df: (a) => (a > 0n ? ONE : 0n) },
  leaky_relu: { f: (a) => (a > 0n ? a : a / 100n), df: (a) => (a > 0n ? ONE : ONE / 100n) },
  elu: { f: (a) => (a > 0n ? a : exp(a) - ONE), df: (a) => (a > 0n ? ONE : exp(a)) },
  sigmoid: { f: sigma, df: (a) => mul(sigma(a), ONE - sigma(a)) },
  tanh: { f: tanhRef, df: (a) => ONE - mul(tanhRef(a), tanhRef(a)) },
  softplus: { f: (a) => ln(ONE + exp(a)), df: sigma },
  silu: { f: (a) => mul(a, sigma(a)), df: (a) => mul(sigma(a), ONE + mul(a, ONE - sigma(a))) },
  gelu: { f: (a) => mul(a, Phi(a)), df: (a) => Phi(a) + mul(a, phi(a)) },
  gelu_tanh: {
    f: (a) => mul(a / 2n, ONE + tanhRef(mul(K, a + mul(GELU_C, mul(a, mul(a, a)))))),
    df: (a) => {
      const t = tanhRef(mul(K, a + mul(GELU_C, mul(a, mul(a, a)))));
      return (ONE + t) / 2n + mul(mul(a / 2n, ONE - mul(t, t)), mul(K, ONE + mul(3n * GELU_C, mul(a, a))));
    },
  },
  hard_sigmoid: { f: (a) => min(max(a + int(3), 0n), int(6)) / 6n, df: (a) => (a > -int(3) && a < int(3) ? ONE / 6n : 0n) },
  step: { f: (a) => (a > 0n ? ONE : 0n), df: () => 0n },
  sign: { f: (a) => (a > 0n ? ONE : a < 0n ? -ONE : 0n), df: () => 0n },
};
refs.swish = refs.silu;

// ---------------------------------------------------------------------------------------------

const REL = 1e-12;
/** Relative error <= rel, plus an absolute `floor`, plus one subnormal step (4.9e-324: below 2^-1022 relative error means nothing). */
function close(got: number, want: number, rel = REL, floor = 0): boolean {
  if (Object.is(got, want)) return true;
  return Math.abs(got - want) <= rel * Math.abs(want) + floor + Number.MIN_VALUE;
}
function expectClose(got: number, want: number, what: string, rel = REL, floor = 0) {
  if (!close(got, want, rel, floor)) {
    expect.fail(`${what}: got ${got}, want ${want} (relative error ${Math.abs(got - want) / Math.abs(want)})`);
  }
}

describe('the reference arithmetic itself', () => {
  it('reproduces published constants to the last bit of a double', () => {
    expect(dbl(PI)).toBe(Math.PI);
    expect(PI.toString().slice(0, 51)).toBe('314159265358979323846264338327950288419716939937510');
    expect(dbl(exp(ONE))).toBe(Math.E);
    expect(dbl(ln(int(2)))).toBe(Math.LN2);
    expect(dbl(sqrt(int(2)))).toBe(Math.SQRT2);
    expect(dbl(sigma(ONE))).toBe(0.7310585786300049); // sigmoid(1)
    expect(dbl(erfRef(dec('0.5')))).toBe(0.5204998778130465); // erf(0.5), A&S table 7.1
    expect(dbl(erfRef(ONE))).toBe(0.8427007929497149); // erf(1)
    expect(dbl(Phi(ONE))).toBe(0.8413447460685429); // Φ(1) = gelu(1)
    expect(dbl(tanhRef(ONE))).toBe(0.7615941559557649); // tanh(1)
    expect(dbl(fx(0.1))).toBe(0.1);
    expect(dbl(fx(-5e-324))).toBe(-5e-324);
  });
});

describe('erf and erfc (fdlibm) against the 700-digit series', () => {
  const points = [1e-300, 1e-20, 1e-9, 0.001, 0.1, 0.25, 0.5, 0.84375, 0.9, 1, 1.2, 1.25, 1.5, 2, 2.5, 2.857142857142857, 3, 4, 5, 5.9, 6];
  it('erf(x) and erf(−x), relative error <= 1e-15 (fdlibm promises < 1 ulp)', () => {
    for (const x of points) {
      const want = dbl(erfRef(fx(x)));
      expectClose(erf(x), want, `erf(${x})`, 1e-15);
      expectClose(erf(-x), -want, `erf(${-x})`, 1e-15);
    }
  });
  it('erfc(x) to 1e-14 relative across the right tail down to 1e-300, and erfc(−x) = 2 − erfc(x)', () => {
    for (const x of [...points, 7, 8, 10, 15, 20, 26]) {
      const want = dbl(ONE - erfRef(fx(x)));
      expectClose(erfc(x), want, `erfc(${x})`, 1e-14);
      expectClose(erfc(-x), dbl(ONE + erfRef(fx(x))), `erfc(${-x})`, 1e-15);
    }
  });
  it('has the published values and the limits', () => {
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 15);
    expect(erf(0)).toBe(0);
    expect(Object.is(erf(-0), -0)).toBe(true);
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erfc(0)).toBe(1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(30)).toBe(0);
    expect(erf(NaN)).toBeNaN();
    expect(erfc(NaN)).toBeNaN();
  });
});

describe('published values', () => {
  it('sigmoid(1), gelu(1), tanh via Math.tanh, softplus(0) = ln 2, hard_sigmoid as PyTorch', () => {
    expectClose(getActivation('sigmoid').f(1), 0.7310585786300049, 'sigmoid(1)');
    expectClose(getActivation('gelu').f(1), 0.8413447460685429, 'gelu(1)');
    for (const a of [-3, -0.5, 0.25, 1, 2]) expectClose(getActivation('tanh').f(a), Math.tanh(a), `tanh(${a})`);
    expectClose(getActivation('softplus').f(0), Math.LN2, 'softplus(0)');
    // torch.nn.functional.hardsigmoid: 0 for x <= -3, 1 for x >= 3, x/6 + 1/2 between
    const hs = getActivation('hard_sigmoid').f;
    expect([-4, -3, 0, 3, 4].map(hs)).toEqual([0, 0, 0.5, 1, 1]);
    expectClose(hs(1), 2 / 3, 'hard_sigmoid(1)');
  });
});

const FIXED = [-20, -8, -5, -3.5, -2, -1.5, -1, -0.5, -0.1, -1e-3, -1e-8, 1e-8, 1e-3, 0.1, 0.5, 1, 1.5, 2, 3.5, 5, 8, 20];
/** Activations whose f' has a zero inside [-10, 10]: near it, relative error is unbounded for any double formula. */
const DF_HAS_ROOT = new Set(['gelu', 'gelu_tanh', 'silu', 'swish']);

function check(act: Activation, ref: Ref, a: number, rel = REL) {
  const x = fx(a);
  expectClose(act.f(a), dbl(ref.f(x)), `${act.name}(${a})`, rel);
  expectClose(act.df(a), dbl(ref.df(x)), `${act.name}'(${a})`, rel);
}

describe.each(Object.keys(refs))('%s against its reference', (name) => {
  const act = getActivation(name);
  const ref = refs[name];
  const breaks = new Set(act.breaks);
  it(`f and f' at ${FIXED.length} fixed points, relative error <= 1e-12 (tails included)`, () => {
    for (const a of FIXED) if (!breaks.has(a)) check(act, ref, a);
  });
  it('f and f′ at 200 random points of [-10, 10] (seeded), f to 1e-12 relative, f′ to 1e-12 relative + 1e-15', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (a) => {
        if (act.breaks.some((b) => Math.abs(a - b) < 1e-300)) return true;
        const x = fx(a);
        expectClose(act.f(a), dbl(ref.f(x)), `${name}(${a})`);
        // The floor only matters near a root of f′ (gelu′ at −0.75, silu′ at −1.28), where it is cancellation.
        expectClose(act.df(a), dbl(ref.df(x)), `${name}'(${a})`, REL, DF_HAS_ROOT.has(name) ? 1e-15 : 0);
        return true;
      }),
      { seed: 20240607, numRuns: 200 },
    );
  });
});

describe('parametrised activations against their references', () => {
  it('leaky_relu with any slope and elu with any alpha (seeded)', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (a, p) => {
        if (a === 0) return true;
        const x = fx(a);
        const P = fx(p);
        const leaky = resolveActivation({ name: 'leaky_relu', slope: p });
        expectClose(leaky.f(a), dbl(a > 0 ? x : mul(P, x)), `leaky_relu(${a}; ${p})`);
        expectClose(leaky.df(a), dbl(a > 0 ? ONE : P), `leaky_relu'(${a}; ${p})`);
        const e = resolveActivation({ name: 'elu', alpha: p });
        expectClose(e.f(a), dbl(a > 0 ? x : mul(P, exp(x) - ONE)), `elu(${a}; ${p})`);
        expectClose(e.df(a), dbl(a > 0 ? ONE : mul(P, exp(x))), `elu'(${a}; ${p})`);
        return true;
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('far tails: full relative precision where naive formulas lose it all', () => {
  it("tanh'(20) is 1.7e-17, not 0 (1 − tanh² cancels)", () => check(getActivation('tanh'), refs.tanh, 20));
  it("sigmoid'(30) and softplus(−30) keep their digits", () => {
    check(getActivation('sigmoid'), refs.sigmoid, 30);
    check(getActivation('softplus'), refs.softplus, -30);
  });
  it('gelu(−30) = −30·Φ(−30) ≈ −1.5e-196, through erfc rather than 1 + erf', () => {
    const want = dbl(refs.gelu.f(fx(-30)));
    expect(want).toBeLessThan(-1e-197);
    expectClose(getActivation('gelu').f(-30), want, 'gelu(-30)', 1e-12);
  });
  it('gelu_tanh(−10) ≈ −1e-37, as a·σ(2u) rather than a/2·(1 + tanh u), which gives 0', () => {
    check(getActivation('gelu_tanh'), refs.gelu_tanh, -10);
  });
});
