/**
 * Activation functions f(a) with their derivatives, break points and parameters.
 *
 * Conventions (tested in test/core/activation*.test.ts, documented in docs/activations.md):
 * - NaN in gives NaN out, for f and for f'.
 * - No f or f' returns -0: a zero result is +0 (relu(-0) is +0, and so is identity(-0)), so a
 *   printed table never shows "-0". Otherwise f(-0) = f(+0).
 * - ±Infinity in gives the limit of f (and of f') there: sigmoid(-∞) = 0, gelu(-∞) = 0, relu'(+∞) = 1.
 * - Finite in gives a non-NaN out: no Infinity·0 or ∞ − ∞ inside. sigmoid, softplus, tanh, silu and
 *   the gelus use forms that neither overflow nor cancel for |a| up to Number.MAX_VALUE.
 * - step(a) = 1 if a > 0 else 0, exactly as the seed's `np.where(x > 0, 1, 0)`; step(0) = 0.
 *   sign(0) = 0 (numpy's and PyTorch's sign).
 * - Where f has a kink or a jump, the derivative is undefined and f' returns NaN: the seed says ReLU
 *   "cannot be differentiated at x = 0". A line figure turns NaN into a gap. Where f is smooth
 *   enough to have a derivative but f' itself has a kink (elu with alpha = 1 at 0), f' is defined.
 */
import { erfc } from './activations/erf.js';

export { erf, erfc } from './activations/erf.js';

export interface Activation {
  /** The name a config uses, with non-default parameters: "leaky_relu(slope=0.1)". */
  readonly name: string;
  f(a: number): number;
  df(a: number): number;
  /** Points where f or f' is not smooth; line sampling adds them so kinks are drawn exactly. */
  readonly breaks: readonly number[];
  /** The subset of `breaks` where f itself jumps (a line must not connect across these). */
  readonly jumps: readonly number[];
}

/** An activation in a config: a name, or `{ "name": "leaky_relu", "slope": 0.1 }`. */
import type { ActivationSpec } from '../model/figure.js';

export type { ActivationSpec };

/** A numeric parameter of a parametrised activation. */
export interface ActivationParam {
  readonly default: number;
  readonly description: string;
}

const NONE: readonly number[] = Object.freeze([]);
const AT_ZERO: readonly number[] = Object.freeze([0]);

/** `v + 0` is v, except that -0 becomes +0 (IEEE 754: -0 + +0 = +0 when rounding to nearest). */
const noNegZero = (v: number) => v + 0;

/** 1 / (1 + e^(-a)) without overflow: e^(-|a|) is at most 1. */
function sigmoidOf(a: number): number {
  if (a >= 0) return 1 / (1 + Math.exp(-a));
  const e = Math.exp(a); // NaN lands here and stays NaN
  return e / (1 + e);
}

/** σ(a)·(1 − σ(a)) = e^(-|a|) / (1 + e^(-|a|))², which has no cancellation in 1 − σ(a). */
function sigmoidSlope(a: number): number {
  const e = Math.exp(-Math.abs(a));
  return e / ((1 + e) * (1 + e));
}

// ---------------------------------------------------------------------------------------------
// Piecewise-linear and discontinuous activations.

export const identity: Activation = {
  name: 'identity',
  f: (a) => noNegZero(a),
  df: (a) => (Number.isNaN(a) ? NaN : 1),
  breaks: NONE,
  jumps: NONE,
};

export const relu: Activation = {
  name: 'relu',
  // Math.max, not a comparison: the same values (max(-0, 0) is +0, max(NaN, 0) is NaN) without a
  // branch that a surface crossing zero mispredicts at every other point (1001² points: 5.5 → 3.1 ms).
  f: (a) => Math.max(a, 0),
  df: (a) => (a > 0 ? 1 : a < 0 ? 0 : NaN),
  breaks: AT_ZERO,
  jumps: NONE,
};

/**
 * leaky_relu(a) = a for a > 0, slope·a for a <= 0 (PyTorch's negative_slope, default 0.01). f'(0) is
 * undefined (NaN) unless slope = 1, where f is the identity and has no kink at all.
 */
export function makeLeakyRelu(slope = 0.01, name = 'leaky_relu'): Activation {
  checkParam(name, 'slope', slope);
  const smooth = slope === 1;
  return {
    name,
    // slope·(-∞) is NaN for slope 0; the limit is 0. Any a < 0 has slope·a of the sign of -slope.
    f: (a) => (a > 0 ? a : a < 0 ? (slope === 0 ? 0 : noNegZero(slope * a)) : a === 0 ? 0 : NaN),
    df: (a) => (a > 0 ? 1 : a < 0 ? noNegZero(slope) : a === 0 && smooth ? 1 : NaN),
    breaks: smooth ? NONE : AT_ZERO,
    jumps: NONE,
  };
}

/**
 * elu(a) = a for a > 0, alpha·(e^a − 1) for a <= 0 (Clevert et al. 2015; PyTorch's ELU, default
 * alpha 1). f is continuous for every alpha; f' jumps from alpha to 1 at 0, so f'(0) is NaN, except
 * for alpha = 1, where f'(0) = 1 and only f'' jumps (0 is still a break: f' has a kink there).
 */
export function makeElu(alpha = 1, name = 'elu'): Activation {
  checkParam(name, 'alpha', alpha);
  return {
    name,
    f: (a) => (a > 0 ? a : noNegZero(alpha * Math.expm1(a))), // NaN: expm1(NaN) = NaN
    df: (a) => (a > 0 ? 1 : a < 0 ? noNegZero(alpha * Math.exp(a)) : a === 0 && alpha === 1 ? 1 : NaN),
    breaks: AT_ZERO,
    jumps: NONE,
  };
}

export const leakyRelu = makeLeakyRelu();
export const elu = makeElu();

export const step: Activation = {
  name: 'step',
  f: (a) => (a > 0 ? 1 : a <= 0 ? 0 : NaN),
  df: (a) => (a !== 0 && !Number.isNaN(a) ? 0 : NaN),
  breaks: AT_ZERO,
  jumps: AT_ZERO,
};

export const sign: Activation = {
  name: 'sign',
  f: (a) => (a > 0 ? 1 : a < 0 ? -1 : a === 0 ? 0 : NaN),
  df: (a) => (a !== 0 && !Number.isNaN(a) ? 0 : NaN),
  breaks: AT_ZERO,
  jumps: AT_ZERO,
};

/**
 * hard_sigmoid(a) = relu6(a + 3) / 6 = min(max(a + 3, 0), 6) / 6, as PyTorch's Hardsigmoid (Keras's
 * older hard_sigmoid, 0.2·a + 0.5 clipped, is a different function). Kinks at -3 and 3, where f' is NaN.
 */
export const hardSigmoid: Activation = {
  name: 'hard_sigmoid',
  f: (a) => Math.min(Math.max(a + 3, 0), 6) / 6, // Math.max/min pass NaN through
  df: (a) => (a > -3 && a < 3 ? 1 / 6 : a < -3 || a > 3 ? 0 : NaN),
  breaks: Object.freeze([-3, 3]),
  jumps: NONE,
};

// ---------------------------------------------------------------------------------------------
// Smooth activations.

export const sigmoid: Activation = {
  name: 'sigmoid',
  f: sigmoidOf,
  df: sigmoidSlope,
  breaks: NONE,
  jumps: NONE,
};

export const tanh: Activation = {
  name: 'tanh',
  f: (a) => noNegZero(Math.tanh(a)),
  // 1 − tanh²(a) loses every digit once tanh(a) rounds to ±1 (|a| > 19); 4e/(1 + e)² with
  // e = e^(-2|a|) is sech²(a) to full relative precision and underflows to 0 gracefully.
  df: (a) => {
    const e = Math.exp(-2 * Math.abs(a));
    return (4 * e) / ((1 + e) * (1 + e));
  },
  breaks: NONE,
  jumps: NONE,
};

/** softplus(a) = ln(1 + e^a) = max(a, 0) + ln(1 + e^(-|a|)): no overflow, no cancellation. */
export const softplus: Activation = {
  name: 'softplus',
  f: (a) => Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a))),
  df: sigmoidOf,
  breaks: NONE,
  jumps: NONE,
};

/** silu(a) = a·σ(a) (Hendrycks & Gimpel; Elfwing et al.), also called swish (Ramachandran et al., β = 1). */
function makeSilu(name: string): Activation {
  return {
    name,
    f: (a) => (a === -Infinity ? 0 : noNegZero(a * sigmoidOf(a))),
    // σ(a)·(1 + a·σ(-a)); the infinities would give ∞·0.
    df: (a) => (a === Infinity ? 1 : a === -Infinity ? 0 : noNegZero(sigmoidOf(a) * (1 + a * sigmoidOf(-a)))),
    breaks: NONE,
    jumps: NONE,
  };
}

export const silu = makeSilu('silu');
export const swish = makeSilu('swish');

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI); // 0.7978845608028654
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI); // 0.3989422804014327
const GELU_CUBIC = 0.044715;

/** Φ(a), the standard normal CDF, as erfc(−a/√2)/2: no cancellation in the left tail. */
const normalCdf = (a: number) => 0.5 * erfc(-a * Math.SQRT1_2);

/**
 * gelu(a) = a·Φ(a) (Hendrycks & Gimpel 2016), exact, through erfc. Beyond |a| = 40 the result is a
 * or 0 to the last bit (Φ(−40) ≈ 4e-350), which also keeps ∞·0 out of f'.
 */
export const gelu: Activation = {
  name: 'gelu',
  f: (a) => (a === -Infinity ? 0 : noNegZero(a * normalCdf(a))),
  df: (a) => (a >= 40 ? 1 : a <= -40 ? 0 : noNegZero(normalCdf(a) + a * INV_SQRT_2PI * Math.exp(-0.5 * a * a))),
  breaks: NONE,
  jumps: NONE,
};

/**
 * gelu_tanh(a) = a/2·(1 + tanh(√(2/π)·(a + 0.044715·a³))), PyTorch's `approximate="tanh"`, computed
 * as a·σ(2u) (the same function: (1 + tanh u)/2 = σ(2u)) so the left tail does not cancel to 0.
 */
export const geluTanh: Activation = {
  name: 'gelu_tanh',
  f: (a) => {
    if (a === -Infinity) return 0;
    const u = SQRT_2_OVER_PI * a * (1 + GELU_CUBIC * a * a); // a·(1 + c·a²) overflows to ±∞, not NaN
    return noNegZero(a * sigmoidOf(2 * u));
  },
  df: (a) => {
    if (a >= 40) return 1; // σ(2u) = 1 and the second term < 1e-2000 from here on
    if (a <= -40) return 0;
    const u = SQRT_2_OVER_PI * a * (1 + GELU_CUBIC * a * a);
    const du = SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * a * a);
    const s = sigmoidOf(2 * u);
    return noNegZero(s + 2 * a * du * s * sigmoidOf(-2 * u));
  },
  breaks: NONE,
  jumps: NONE,
};

// ---------------------------------------------------------------------------------------------
// The registry: names (aliases included), parameters, and resolution of a config's spec.

/** Every activation by the name a config uses; `swish` is an alias of `silu` (same f, its own name). */
export const activations: Readonly<Record<string, Activation>> = Object.freeze({
  identity,
  relu,
  leaky_relu: leakyRelu,
  elu,
  gelu,
  gelu_tanh: geluTanh,
  sigmoid,
  tanh,
  softplus,
  silu,
  swish,
  step,
  sign,
  hard_sigmoid: hardSigmoid,
});
export const activationNames: readonly string[] = Object.freeze(Object.keys(activations));

/** The parameters each activation takes (those not listed take none). The JSON Schema is built from this. */
export const activationParams: Readonly<Record<string, Readonly<Record<string, ActivationParam>>>> = Object.freeze({
  leaky_relu: { slope: { default: 0.01, description: 'the slope for a < 0 (default 0.01)' } },
  elu: { alpha: { default: 1, description: 'the scale of the negative part: f → -alpha as a → -∞ (default 1)' } },
});

const makers: Readonly<Record<string, (p: Readonly<Record<string, number>>, name: string) => Activation>> = {
  leaky_relu: (p, name) => makeLeakyRelu(p.slope, name),
  elu: (p, name) => makeElu(p.alpha, name),
};

function checkParam(activation: string, param: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${activation}: parameter "${param}" must be a finite number, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`);
  }
}

export function isActivationName(name: string): boolean {
  return Object.hasOwn(activations, name);
}

export function getActivation(name: string): Activation {
  const act = activations[name];
  if (!act || !isActivationName(name)) throw new Error(`unknown activation: ${name}`);
  return act;
}

/**
 * The activation a config means: a name ("relu", "swish"), or an object with a name and parameters
 * (`{ "name": "leaky_relu", "slope": 0.1 }`). Parameters left out take their defaults; a spec whose
 * parameters all equal the defaults gives the registered activation itself. Throws on an unknown
 * name, an unknown parameter, or a parameter that is not a finite number.
 */
export function resolveActivation(spec: ActivationSpec): Activation {
  if (typeof spec === 'string') return getActivation(spec);
  if (spec === null || typeof spec !== 'object' || typeof spec.name !== 'string') {
    throw new Error(`an activation is a name or an object with a "name", got ${spec === null ? 'null' : typeof spec}`);
  }
  const base = getActivation(spec.name);
  const known = Object.hasOwn(activationParams, spec.name) ? activationParams[spec.name] : {};
  const values: Record<string, number> = {};
  let changed = false;
  for (const [param, def] of Object.entries(known)) values[param] = def.default;
  for (const [param, value] of Object.entries(spec)) {
    if (param === 'name') continue;
    if (!Object.hasOwn(known, param)) {
      const expected = Object.keys(known);
      throw new Error(`${spec.name}: unknown parameter "${param}"; ${expected.length ? `expected ${expected.join(', ')}` : 'it takes no parameters'}`);
    }
    checkParam(spec.name, param, value);
    values[param] = value;
    if (!Object.is(value, known[param].default)) changed = true;
  }
  if (!changed) return base;
  const label = `${spec.name}(${Object.entries(values).map(([k, v]) => `${k}=${v}`).join(', ')})`;
  return makers[spec.name](values, label);
}

/**
 * Applies f (or f' when `derivative`) to every element of `input`, writing into `out`
 * (which may be `input` itself). No per-element allocation: grids reach millions of points.
 */
export function applyActivation(
  act: Activation,
  input: Float64Array,
  out: Float64Array = new Float64Array(input.length),
  derivative = false,
): Float64Array {
  if (out.length !== input.length) throw new RangeError(`output length ${out.length} != input length ${input.length}`);
  const fn = derivative ? act.df : act.f;
  for (let i = 0; i < input.length; i++) out[i] = fn(input[i]);
  return out;
}
