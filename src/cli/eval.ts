/**
 * `actiplot eval`: the perceptron's output for one input, or the seed's value table over a range.
 */
import { makePerceptron, evaluate } from '../core/perceptron.js';
import { stepRange } from '../core/sample.js';

export interface EvalOptions {
  activation: string;
  weights: number[];
  bias: number;
  input?: number[];
  range?: [number, number];
  step: number;
  derivative: boolean;
  format: 'text' | 'csv' | 'json';
}

/** Shortest round-trip text of a number, with -0 shown as 0 (a table reader never wants "-0"). */
export function num(v: number): string {
  return Object.is(v, -0) ? '0' : String(v);
}

export function evalLines(o: EvalOptions): string[] {
  const p = makePerceptron(o.weights, o.bias, o.activation);
  const head = o.derivative ? "f'(x)" : 'f(x)';
  if (o.range) {
    const xs = stepRange(o.range[0], o.range[1], o.step);
    const rows = Array.from(xs, (x) => [x, evaluate(p, [x], o.derivative)] as const);
    if (o.format === 'json') return [JSON.stringify(rows.map(([x, y]) => ({ x, y: Number.isFinite(y) ? y : null })))];
    const sep = o.format === 'csv' ? ',' : '\t';
    const lines = rows.map(([x, y]) => `${num(x)}${sep}${num(y)}`);
    return o.format === 'csv' ? [`x,${head}`, ...lines] : lines;
  }
  const y = evaluate(p, o.input ?? [], o.derivative);
  if (o.format === 'json') return [JSON.stringify({ input: o.input, output: Number.isFinite(y) ? y : null })];
  if (o.format === 'csv') return [`${(o.input ?? []).map((_, i) => `x${i + 1}`).join(',')},${head}`, `${(o.input ?? []).map(num).join(',')},${num(y)}`];
  return [num(y)];
}
