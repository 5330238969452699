/** Reading an ONNX node: its name for messages and its attributes (float attributes as the exporter meant them). */
import type { onnx } from 'onnx-proto';
import { int } from './onnx-tensor.js';

/** A float attribute as the exporter meant it: the shortest decimal that rounds to its float32. */
export function f32Decimal(x: number): number {
  for (let p = 1; p <= 9; p++) {
    const v = Number(x.toPrecision(p));
    if (Math.fround(v) === x) return v;
  }
  return x;
}

export type Node = onnx.INodeProto;

export const nodeName = (n: Node) => `node "${n.name || n.output?.[0] || '?'}"`;

export function attr(n: Node, name: string): onnx.IAttributeProto | undefined {
  return n.attribute?.find((a) => a.name === name);
}
export const attrF = (n: Node, name: string, def: number) => {
  const a = attr(n, name);
  return a ? f32Decimal(a.f ?? 0) : def;
};
export const attrI = (n: Node, name: string, def: number) => {
  const a = attr(n, name);
  return a ? int(a.i) : def;
};
export const attrS = (n: Node, name: string, def: string) => {
  const a = attr(n, name);
  return a?.s ? new TextDecoder().decode(a.s) : def;
};

