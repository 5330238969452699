/**
 * Activation functions f(a) with their derivatives.
 *
 * Conventions (tested in test/core/activation.test.ts):
 * - NaN in gives NaN out, for f and for f'.
 * - relu(-0) is +0 (Math.max treats +0 as larger than -0), so a printed table never shows "-0".
 * - step(a) = 1 if a > 0 else 0, exactly as the seed's `np.where(x > 0, 1, 0)`; step(0) = 0.
 * - Where f has a kink or a jump (a = 0 for both), the derivative is undefined and f' returns NaN:
 *   the seed says ReLU "cannot be differentiated at x = 0". A line figure turns NaN into a gap.
 */
export interface Activation {
  readonly name: string;
  f(a: number): number;
  df(a: number): number;
  /** Points where f or f' is not smooth; line sampling adds them so kinks are drawn exactly. */
  readonly breaks: readonly number[];
  /** The subset of `breaks` where f itself jumps (a line must not connect across these). */
  readonly jumps: readonly number[];
}

export const relu: Activation = {
  name: 'relu',
  f: (a) => (a > 0 ? a : a <= 0 ? 0 : NaN),
  df: (a) => (a > 0 ? 1 : a < 0 ? 0 : NaN),
  breaks: [0],
  jumps: [],
};

export const step: Activation = {
  name: 'step',
  f: (a) => (a > 0 ? 1 : a <= 0 ? 0 : NaN),
  df: (a) => (a !== 0 && !Number.isNaN(a) ? 0 : NaN),
  breaks: [0],
  jumps: [0],
};

export const activations: Readonly<Record<string, Activation>> = { relu, step };
export const activationNames = Object.keys(activations);

export function isActivationName(name: string): boolean {
  return Object.hasOwn(activations, name);
}

export function getActivation(name: string): Activation {
  const act = activations[name];
  if (!act || !isActivationName(name)) throw new Error(`unknown activation: ${name}`);
  return act;
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
