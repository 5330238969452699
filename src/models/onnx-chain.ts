/**
 * An ONNX graph walked as a chain of layers, from its one input to its one output: affine
 * operators (Gemm, MatMul, Add, Sub, Mul, Div by constants) gather into the current layer's W and
 * b, an activation closes the layer, shape-only operators pass the vector through, and Softmax may
 * end the chain. GELU is the Gelu operator or the pattern PyTorch exports,
 * x · (1 + erf(x / √2)) · 0.5.
 */
import type { ActivationSpec } from '../core/activation.js';
import { ModelError } from './model-error.js';
import { MODEL_LIMITS } from './model-limits.js';
import type { Tensor } from './tensor.js';
import type { ModelLayer, ModelNetwork } from './model-layer.js';
import { attrF, attrI, attrS, nodeName, type Node } from './onnx-node.js';

export const ONNX_OPERATORS = [
  'Gemm', 'MatMul', 'Add', 'Sub', 'Mul', 'Div', 'Relu', 'LeakyRelu', 'Elu', 'Sigmoid', 'HardSigmoid', 'Tanh', 'Softplus',
  'Gelu', 'Erf (the GELU pattern)', 'Tanh (the tanh-GELU pattern)', 'Sigmoid + Mul (the SiLU pattern)', 'Softmax (last)', 'Identity', 'Dropout', 'Cast (to a float type)', 'Flatten', 'Reshape', 'Constant',
];

/** An activation exported as several nodes: the nodes it spans and the value that stands for it. */
interface Pattern {
  activation: ActivationSpec;
  nodes: Node[];
  out: string;
}

/** SiLU (swish) as PyTorch exports it: Sigmoid(x), then Mul(x, sigmoid). */
function siluPattern(x: string, cs: Node[], consumers: Map<string, Node[]>): Pattern | undefined {
  const sig = cs.find((n) => n.opType === 'Sigmoid');
  const mul = cs.find((n) => n.opType === 'Mul');
  const s = sig?.output?.[0];
  if (!sig || !mul || cs.length !== 2 || !s || !mul.input?.includes(x) || !mul.input.includes(s) || consumers.get(s)?.length !== 1) return undefined;
  return { activation: 'silu', nodes: [sig, mul], out: mul.output![0] };
}

interface Affine {
  W: Float64Array[];
  b: Float64Array;
}

export class Chain {
  private layers: ModelLayer[] = [];
  private pending: Affine | null = null;
  private width: number | undefined;
  private ended: Node | null = null;
  private inputWidth: number | undefined;

  constructor(private constants: Map<string, Tensor>, private dims: (number | undefined)[]) {
    const rest = dims.slice(1);
    this.width = dims.length === 1 ? dims[0] : rest.length > 0 && rest.every((d) => d !== undefined) ? rest.reduce((a, d) => a! * d!, 1) : undefined;
  }

  run(nodes: Node[], input: string, output: string): void {
    const consumers = new Map<string, Node[]>();
    for (const n of nodes) {
      if (n.opType === 'Constant') continue;
      // Each node once per value, even when it takes the value twice (Mul(x, x)).
      for (const i of new Set(n.input ?? [])) if (i && !this.constants.has(i)) consumers.set(i, [...(consumers.get(i) ?? []), n]);
    }
    const done = new Set<Node>();
    let cur = input;
    let first = true;
    while (cur !== output) {
      const cs = (consumers.get(cur) ?? []).filter((n) => !done.has(n));
      if (cs.length === 0) throw new ModelError(`not a chain of layers: nothing takes "${cur}" on to the graph output "${output}"`);
      if (cs.length > 1) {
        const pattern = this.geluPattern(cur, cs, consumers) ?? siluPattern(cur, cs, consumers) ?? this.geluTanhPattern(cur, cs, consumers);
        if (!pattern) throw new ModelError(`not a chain of layers: "${cur}" feeds ${cs.length} nodes (${cs.map((n) => `${n.opType} ${nodeName(n)}`).join(', ')})`);
        pattern.nodes.forEach((n) => done.add(n));
        this.close(pattern.activation, pattern.nodes[0]);
        cur = pattern.out;
        continue;
      }
      const n = cs[0];
      done.add(n);
      cur = this.apply(n, cur, first);
      first = false;
    }
    for (const n of nodes) {
      if (n.opType !== 'Constant' && !done.has(n)) throw new ModelError(`not a chain of layers: ${n.opType} ${nodeName(n)} is not on the path from the input to the output`);
    }
  }

  result(): ModelNetwork & { inputs: number } {
    if (this.pending) this.close('identity', null);
    if (this.layers.length === 0) throw new ModelError('the graph has no layer (no Gemm or MatMul)');
    return { layers: this.layers, inputs: this.inputWidth ?? this.layers[0].weights[0].length };
  }

  private constant(name: string | undefined, n: Node, role: string): Tensor {
    const t = name ? this.constants.get(name) : undefined;
    if (!t) throw new ModelError(`${n.opType} ${nodeName(n)}: its ${role} "${name ?? ''}" is not a constant (only the data may flow through the chain)`);
    return t;
  }

  /** The data's width, which must be known once an operator depends on it. */
  private n(n: Node, fromWeight?: number): number {
    if (this.width === undefined) {
      if (fromWeight === undefined) throw new ModelError(`${n.opType} ${nodeName(n)}: the input's size is not declared in the graph`);
      this.width = fromWeight;
    }
    this.inputWidth ??= this.width;
    return this.width;
  }

  /** The data takes the affine map W·x + b (W rows over the current width). */
  private affine(W: Float64Array[], b: Float64Array): void {
    if (!this.pending) {
      this.pending = { W, b };
    } else {
      const p = this.pending;
      const inner = p.W[0]?.length ?? 0;
      const rows = W.map((row, i) => {
        const out = new Float64Array(inner);
        for (let k = 0; k < row.length; k++) for (let j = 0; j < inner; j++) out[j] += row[k] * p.W[k][j];
        return out;
      });
      const bias = b.map((bi, i) => W[i].reduce((s, w, k) => s + w * p.b[k], bi));
      this.pending = { W: rows, b: bias };
    }
    this.width = W.length;
    if (this.layers.length + 1 > MODEL_LIMITS.layers) throw new ModelError(`more than ${MODEL_LIMITS.layers} layers`);
  }

  private identityPending(n: Node): Affine {
    if (!this.pending) {
      const w = this.n(n);
      this.pending = { W: Array.from({ length: w }, (_, i) => { const r = new Float64Array(w); r[i] = 1; return r; }), b: new Float64Array(w) };
    }
    return this.pending;
  }

  private close(activation: ActivationSpec, n: Node | null, softmax = false): void {
    if (n) this.identityPending(n);
    const p = this.pending!;
    this.layers.push({ weights: p.W.map((r) => Array.from(r)), biases: Array.from(p.b), activation, ...(softmax ? { softmax: true } : {}) });
    this.pending = null;
  }

  /** A constant broadcast over the data's width: a scalar or one value per element. */
  private vector(t: Tensor, n: Node, width: number): Float64Array {
    if (t.data.length === 1) return new Float64Array(width).fill(t.data[0]);
    if (t.data.length === width && t.shape.filter((d) => d !== 1).length <= 1) return t.data;
    throw new ModelError(`${n.opType} ${nodeName(n)}: constant of shape [${t.shape.join(', ')}] does not fit the ${width} values coming in`);
  }

  private apply(n: Node, cur: string, first: boolean): string {
    const op = n.opType ?? '';
    const ins = n.input ?? [];
    const out = n.output?.[0] ?? '';
    if (this.ended && !['Identity', 'Flatten', 'Reshape', 'Dropout', 'Cast'].includes(op)) {
      throw new ModelError(`Softmax ${nodeName(this.ended)} is only supported at the end of the chain, but ${op} ${nodeName(n)} follows it`);
    }
    const other = () => this.constant(ins[0] === cur ? ins[1] : ins[0], n, 'other operand');
    switch (op) {
      case 'Gemm': {
        if (ins[0] !== cur) throw new ModelError(`Gemm ${nodeName(n)}: the data must be its first input (A)`);
        const transA = attrI(n, 'transA', 0);
        const transB = attrI(n, 'transB', 0);
        const alpha = attrF(n, 'alpha', 1);
        const beta = attrF(n, 'beta', 1);
        if (transA && !(first && this.dims.length === 2)) throw new ModelError(`Gemm ${nodeName(n)}: transA = 1 is read only on the graph input laid out [features, batch]`);
        if (transA && this.dims[0] !== undefined) this.width = this.dims[0];
        const B = this.constant(ins[1], n, 'weight B');
        if (B.shape.length !== 2) throw new ModelError(`Gemm ${nodeName(n)}: weight "${ins[1]}" has shape [${B.shape.join(', ')}], expected 2 dimensions`);
        const [K, N] = transB ? [B.shape[1], B.shape[0]] : [B.shape[0], B.shape[1]];
        const width = this.n(n, K);
        if (K !== width) throw new ModelError(`Gemm ${nodeName(n)}: weight "${ins[1]}" has shape [${B.shape.join(', ')}]${transB ? ' (transB)' : ''}, which takes ${K} values, but ${width} come in`);
        const W = Array.from({ length: N }, (_, i) => {
          const r = new Float64Array(K);
          for (let k = 0; k < K; k++) r[k] = alpha * (transB ? B.data[i * K + k] : B.data[k * N + i]);
          return r;
        });
        const b = ins[2] ? this.vector(this.constant(ins[2], n, 'bias C'), n, N).map((v) => beta * v) : new Float64Array(N);
        this.affine(W, b);
        return out;
      }
      case 'MatMul': {
        if (ins[0] !== cur) throw new ModelError(`MatMul ${nodeName(n)}: the data must be its first input`);
        const B = this.constant(ins[1], n, 'weight');
        if (B.shape.length !== 2) throw new ModelError(`MatMul ${nodeName(n)}: weight "${ins[1]}" has shape [${B.shape.join(', ')}], expected 2 dimensions`);
        const [K, N] = B.shape;
        const width = this.n(n, K);
        if (K !== width) throw new ModelError(`MatMul ${nodeName(n)}: weight "${ins[1]}" has shape [${B.shape.join(', ')}], which takes ${K} values, but ${width} come in`);
        this.affine(Array.from({ length: N }, (_, i) => Float64Array.from({ length: K }, (_, k) => B.data[k * N + i])), new Float64Array(N));
        return out;
      }
      case 'Add': case 'Sub': case 'Mul': case 'Div': {
        const p = this.identityPending(n);
        const c = this.vector(other(), n, p.W.length);
        const dataFirst = ins[0] === cur;
        if (op === 'Add') c.forEach((v, i) => (p.b[i] += v));
        else if (op === 'Sub') c.forEach((v, i) => { if (dataFirst) p.b[i] -= v; else { p.b[i] = v - p.b[i]; p.W[i] = p.W[i].map((w) => -w); } });
        else if (op === 'Mul') c.forEach((v, i) => { p.b[i] *= v; p.W[i] = p.W[i].map((w) => w * v); });
        else {
          if (!dataFirst) throw new ModelError(`Div ${nodeName(n)}: dividing a constant by the data is not an affine map`);
          c.forEach((v, i) => { p.b[i] /= v; p.W[i] = p.W[i].map((w) => w / v); });
        }
        return out;
      }
      case 'Relu': this.close('relu', n); return out;
      case 'Sigmoid': this.close('sigmoid', n); return out;
      case 'Tanh': this.close('tanh', n); return out;
      case 'Softplus': this.close('softplus', n); return out;
      case 'LeakyRelu': this.close({ name: 'leaky_relu', slope: attrF(n, 'alpha', 0.01) }, n); return out;
      case 'Elu': this.close({ name: 'elu', alpha: attrF(n, 'alpha', 1) }, n); return out;
      case 'Gelu': this.close(attrS(n, 'approximate', 'none') === 'tanh' ? 'gelu_tanh' : 'gelu', n); return out;
      case 'HardSigmoid': {
        // ONNX: clip(alpha·a + beta, 0, 1); actiplot's hard_sigmoid is PyTorch's, clip(a/6 + 1/2, 0, 1).
        const alpha = attrF(n, 'alpha', 0.2);
        const beta = attrF(n, 'beta', 0.5);
        const p = this.identityPending(n);
        if (!(Math.abs(alpha - 1 / 6) < 1e-7 && beta === 0.5)) {
          p.W = p.W.map((r) => r.map((w) => 6 * alpha * w));
          p.b = p.b.map((b) => 6 * (alpha * b + beta) - 3);
        }
        this.close('hard_sigmoid', n);
        return out;
      }
      case 'Softmax': {
        const axis = attrI(n, 'axis', -1);
        if (axis !== -1 && axis !== 1) throw new ModelError(`Softmax ${nodeName(n)}: axis ${axis} is not the features axis`);
        this.close('identity', n, true);
        this.ended = n;
        return out;
      }
      case 'Identity': case 'Dropout': return out;
      case 'Cast': {
        // skl2onnx casts its double input to float: a float cast keeps the vector (actiplot computes in float64).
        const to = attrI(n, 'to', 0);
        if (![1, 10, 11, 16].includes(to)) throw new ModelError(`Cast ${nodeName(n)}: a cast to type ${to} is not to a float type`);
        return out;
      }
      case 'Flatten': {
        const axis = attrI(n, 'axis', 1);
        if (axis !== 1 && axis !== -1) throw new ModelError(`Flatten ${nodeName(n)}: axis ${axis} would flatten across samples`);
        return out;
      }
      case 'Reshape': {
        const s = Array.from(this.constant(ins[1], n, 'shape').data);
        const w = this.width;
        const ok = (s.length === 1 && (s[0] === w || s[0] === -1)) || (s.length === 2 && [-1, 0, 1].includes(s[0]) && (s[1] === w || (s[1] === -1 && s[0] !== -1)));
        if (!ok) throw new ModelError(`Reshape ${nodeName(n)}: shape [${s.join(', ')}] is not a vector of the ${w ?? '?'} values coming in`);
        return out;
      }
      default:
        throw new ModelError(`unsupported operator "${op}" (${nodeName(n)}); supported: ${ONNX_OPERATORS.join(', ')}`);
    }
  }

  /**
   * PyTorch's tanh-approximated GELU before opset 20: 0.5 · x · (1 + tanh(√(2/π) · (x + 0.044715 · x·x·x))),
   * from `x`: Mul(x, x) → Mul(x, ·) → Mul(0.044715) → Add(x) → Mul(√(2/π)) → Tanh → Add(1) → Mul(x) → Mul(0.5).
   */
  private geluTanhPattern(x: string, cs: Node[], consumers: Map<string, Node[]>): Pattern | undefined {
    const only = (v: string | undefined) => (v !== undefined && consumers.get(v)?.length === 1 ? consumers.get(v)![0] : undefined);
    const scalar = (n: Node | undefined, v: number) => {
      const name = n?.input?.find((i) => this.constants.has(i));
      const t = name ? this.constants.get(name) : undefined;
      return !!t && t.data.length === 1 && Math.abs(t.data[0] - v) < 1e-6 * Math.max(1, Math.abs(v));
    };
    const takes = (n: Node | undefined, op: string, v: string) => n?.opType === op && (n.input ?? []).includes(v);
    const sq = cs.find((n) => n.opType === 'Mul' && n.input?.[0] === x && n.input?.[1] === x);
    const cube = only(sq?.output?.[0]);
    if (!sq || !takes(cube, 'Mul', x)) return undefined;
    const k1 = only(cube!.output?.[0]);
    if (k1?.opType !== 'Mul' || !scalar(k1, 0.044715)) return undefined;
    const add = only(k1.output?.[0]);
    if (!takes(add, 'Add', x)) return undefined;
    const k2 = only(add!.output?.[0]);
    if (k2?.opType !== 'Mul' || !scalar(k2, Math.sqrt(2 / Math.PI))) return undefined;
    const th = only(k2.output?.[0]);
    const one = only(th?.output?.[0]);
    if (th?.opType !== 'Tanh' || one?.opType !== 'Add' || !scalar(one, 1)) return undefined;
    const mul = only(one.output?.[0]);
    if (!takes(mul, 'Mul', x)) return undefined;
    const half = only(mul!.output?.[0]);
    if (half?.opType !== 'Mul' || !scalar(half, 0.5)) return undefined;
    const uses = new Set([sq, cube, add, mul]);
    if (cs.length !== 4 || !cs.every((n) => uses.has(n))) return undefined;
    return { activation: 'gelu_tanh', nodes: [sq, cube!, k1, add!, k2, th, one, mul!, half], out: half.output![0] };
  }

  /**
   * PyTorch's GELU: from `x`, Div(x, √2) or Mul(x, 1/√2) → Erf → Add(1) → Mul with x → Mul(0.5)
   * (or Mul(x, 0.5) first). Returns the nodes and the value that stands for gelu(x).
   */
  private geluPattern(x: string, cs: Node[], consumers: Map<string, Node[]>): Pattern | undefined {
    if (cs.length !== 2) return undefined;
    const only = (v: string | undefined) => (v !== undefined && consumers.get(v)?.length === 1 ? consumers.get(v)![0] : undefined);
    const scalar = (n: Node, v: number) => {
      const name = n.input?.find((i) => this.constants.has(i));
      const t = name ? this.constants.get(name) : undefined;
      return t && t.data.length === 1 && Math.abs(t.data[0] - v) < 1e-6 * Math.max(1, Math.abs(v));
    };
    for (const scale of cs) {
      const halfFirst = cs.find((c) => c !== scale)!;
      const isScale = (scale.opType === 'Div' && scalar(scale, Math.SQRT2)) || (scale.opType === 'Mul' && scalar(scale, Math.SQRT1_2));
      if (!isScale) continue;
      const erf = only(scale.output?.[0]);
      if (erf?.opType !== 'Erf') continue;
      const add = only(erf.output?.[0]);
      if (add?.opType !== 'Add' || !scalar(add, 1)) continue;
      const mul = only(add.output?.[0]);
      if (mul?.opType !== 'Mul') continue;
      // Either mul = x · (1 + erf) then · 0.5, or mul = (x · 0.5) · (1 + erf).
      if (halfFirst === mul) {
        const half = only(mul.output?.[0]);
        if (half?.opType === 'Mul' && scalar(half, 0.5)) return { activation: 'gelu', nodes: [scale, erf, add, mul, half], out: half.output![0] };
      } else if (halfFirst.opType === 'Mul' && scalar(halfFirst, 0.5) && mul.input?.includes(halfFirst.output?.[0] ?? '')) {
        return { activation: 'gelu', nodes: [scale, erf, add, halfFirst, mul], out: mul.output![0] };
      }
    }
    return undefined;
  }
}
