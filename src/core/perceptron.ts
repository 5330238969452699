import { getActivation, type Activation } from './activation.js';

/** a = w·x + b, then f(a). Any number of inputs; the lengths of w and x must match. */
export interface Perceptron {
  readonly weights: readonly number[];
  readonly bias: number;
  readonly activation: Activation;
}

export function makePerceptron(weights: readonly number[], bias: number, activation: string | Activation): Perceptron {
  return { weights, bias, activation: typeof activation === 'string' ? getActivation(activation) : activation };
}

/** The weighted sum a = w·x + b (the seed's `np.dot(w, x) + b`). */
export function preActivation(p: Perceptron, x: ArrayLike<number>): number {
  if (x.length !== p.weights.length) {
    throw new RangeError(`perceptron takes ${p.weights.length} inputs, got ${x.length}`);
  }
  let a = p.bias;
  for (let i = 0; i < x.length; i++) a += p.weights[i] * x[i];
  return a;
}

/** f(w·x + b); with `derivative`, f'(w·x + b). */
export function evaluate(p: Perceptron, x: ArrayLike<number>, derivative = false): number {
  const a = preActivation(p, x);
  return derivative ? p.activation.df(a) : p.activation.f(a);
}
