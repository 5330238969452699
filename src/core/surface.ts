/**
 * The function a contour draws, as plain data (it travels in the scene to the renderer, which
 * evaluates it at every pixel for `"sampling": "pixel"`), and its evaluators: the drawn value, and
 * for a classifier the score of each class and the winner.
 *
 * Class scores: a model of several outputs gives their softmax (its own probabilities when its
 * last layer is a softmax); the largest wins, the first of equals. One output (or a perceptron)
 * is two classes either side of its threshold: in a class view the scores are
 * [threshold − v, v − threshold] (their difference is linear in v, so the boundary interpolated on a
 * grid lies where v crosses the threshold), in a probability view [1 − p, p].
 */
import { resolveActivation } from './activation.js';
import { evaluator, softmaxInPlace } from './network.js';
import type { ResolvedContourPlot, SurfaceFunction, SurfaceSpec } from '../model/figure.js';
import { buildNetwork } from './build-network.js';

export type { SurfaceFunction, SurfaceSpec };

export function surfaceOf(plot: ResolvedContourPlot): SurfaceFunction {
  const surface: SurfaceSpec = plot.network
    ? { kind: 'network', spec: plot.network.spec, layer: plot.network.layer, neuron: plot.network.neuron }
    : { kind: 'perceptron', weights: plot.perceptron!.weights, bias: plot.perceptron!.bias, activation: plot.perceptron!.activation };
  return { surface, view: plot.view ?? 'output', threshold: plot.threshold, classes: plot.classes?.count ?? 2 };
}

/** The drawn value at (x, y): the perceptron's f(w·x + b) or the chosen neuron's output. */
export function valueAt(s: SurfaceSpec): (x: number, y: number) => number {
  if (s.kind === 'perceptron') {
    const f = resolveActivation(s.activation).f;
    const [w1, w2] = s.weights;
    const b = s.bias;
    return (x, y) => f(w1 * x + w2 * y + b);
  }
  const run = evaluator(buildNetwork(s.spec), s.layer);
  const input = new Float64Array(2);
  const { layer, neuron } = s;
  return (x, y) => {
    input[0] = x;
    input[1] = y;
    return run(input)[layer][neuron];
  };
}

/**
 * `scores(x, y, out)` writes each class's score into `out` and returns the winning class. For a
 * classifier view (`view` class or probability) or data classes in an output view (scored as a
 * class view).
 */
export function classScores(fn: SurfaceFunction): (x: number, y: number, out: Float64Array) => number {
  const { surface: s, threshold } = fn;
  const probability = fn.view === 'probability';
  if (s.kind === 'perceptron') {
    const f = resolveActivation(s.activation).f;
    const [w1, w2] = s.weights;
    const b = s.bias;
    // The perceptron's classes are the sides of its line w·x + b = 0 (the boundary it draws).
    return (x, y, out) => {
      const a = w1 * x + w2 * y + b;
      if (probability) {
        const p = f(a);
        out[0] = 1 - p;
        out[1] = p;
      } else {
        out[0] = -a;
        out[1] = a;
      }
      return a > 0 ? 1 : 0;
    };
  }
  const net = buildNetwork(s.spec);
  const run = evaluator(net);
  const input = new Float64Array(2);
  const lastLayer = net.layers[net.layers.length - 1];
  const outputs = lastLayer.biases.length;
  if (outputs === 1) {
    return (x, y, out) => {
      input[0] = x;
      input[1] = y;
      const v = run(input)[net.layers.length - 1][0];
      if (probability) {
        out[0] = 1 - v;
        out[1] = v;
      } else {
        out[0] = threshold - v;
        out[1] = v - threshold;
      }
      return v > threshold ? 1 : 0;
    };
  }
  const soft = Boolean(lastLayer.softmax);
  return (x, y, out) => {
    input[0] = x;
    input[1] = y;
    const v = run(input)[net.layers.length - 1];
    let best = 0;
    for (let k = 0; k < outputs; k++) {
      out[k] = v[k];
      if (v[k] > v[best]) best = k;
    }
    if (!soft) softmaxInPlace(out);
    return best;
  };
}
