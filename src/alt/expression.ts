/**
 * The maths of a figure as text: an activation's name as people write it ("ReLU", "leaky ReLU
 * (slope 0.1)"), an affine input ("x1 + 2·x2 − 5"), a network's shape ("2-16-16-1").
 */
import type { ActivationSpec, NetworkSpec } from '../model/figure.js';
import { activationParams } from '../core/activation.js';
import { MINUS } from '../scale/format.js';
import { exact } from './format.js';

const DISPLAY: Record<string, string> = {
  identity: 'identity',
  relu: 'ReLU',
  leaky_relu: 'leaky ReLU',
  elu: 'ELU',
  gelu: 'GELU',
  gelu_tanh: 'GELU (tanh approximation)',
  silu: 'SiLU',
  swish: 'swish',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softplus: 'softplus',
  step: 'step',
  sign: 'sign',
  hard_sigmoid: 'hard sigmoid',
};

const nameOf = (spec: ActivationSpec) => (typeof spec === 'string' ? spec : spec.name);

/** The function's name as written before its argument: "ReLU", "leaky ReLU (slope 0.1)". */
export function activationName(spec: ActivationSpec): string {
  const name = nameOf(spec);
  const base = DISPLAY[name] ?? name;
  if (typeof spec === 'string') return base;
  const params = Object.entries(spec).filter(([k, v]) => k !== 'name' && typeof v === 'number' && !Object.is(v, activationParams[name]?.[k]?.default));
  return params.length ? `${base} (${params.map(([k, v]) => `${k} ${exact(v as number)}`).join(', ')})` : base;
}

/** A short name for use inside an expression: "ReLU", "leaky_ReLU" reads badly, so parameters go after. */
function applied(spec: ActivationSpec, arg: string, derivative: boolean): string {
  const name = activationName(spec);
  const paren = name.indexOf(' (');
  const head = paren >= 0 ? name.slice(0, paren) : name;
  const tail = paren >= 0 ? name.slice(paren) : '';
  if (nameOf(spec) === 'identity' && !derivative) return arg;
  return `${head}${derivative ? '′' : ''}(${arg})${tail}`;
}

/** w1·x1 + w2·x2 + b with unit weights dropped, zero terms left out and signs folded. */
export function affine(weights: readonly number[], bias: number, names: readonly string[]): string {
  let text = '';
  weights.forEach((w, i) => {
    if (w === 0) return;
    const mag = Math.abs(w) === 1 ? '' : `${exact(Math.abs(w))}·`;
    const term = `${mag}${names[i]}`;
    text = text ? `${text} ${w < 0 ? MINUS : '+'} ${term}` : `${w < 0 ? MINUS : ''}${term}`;
  });
  if (bias !== 0 || !text) text = text ? `${text} ${bias < 0 ? MINUS : '+'} ${exact(Math.abs(bias))}` : exact(bias);
  return text;
}

/** f(w·x + b), or f′(...) for a derivative. */
export function perceptronExpression(spec: ActivationSpec, weights: readonly number[], bias: number, names: readonly string[], derivative = false): string {
  return applied(spec, affine(weights, bias, names), derivative);
}

/** Whether the activation is the identity (the surface is the plane a itself). */
export const isIdentity = (spec: ActivationSpec) => nameOf(spec) === 'identity';

/** Neurons per layer, inputs first: [2, 16, 16, 1]. */
export function layerSizes(spec: NetworkSpec): number[] {
  const first = spec.layers[0];
  return [first?.weights[0]?.length ?? 0, ...spec.layers.map((l) => l.biases.length)];
}

/** The activations of the layers, each once in order of use: "tanh, ReLU, sigmoid". */
export function layerActivations(spec: NetworkSpec): string[] {
  return spec.layers.map((l) => (l.softmax ? 'softmax' : activationName(l.activation)));
}
