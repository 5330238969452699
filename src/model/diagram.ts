/**
 * A network diagram with every default resolved: the layers it draws (a perceptron is a network of
 * one neuron), the names of its inputs and outputs, and what is written on it.
 */
import type { NetworkSpec } from './figure.js';

export interface ResolvedDiagramPlot {
  kind: 'diagram';
  title: string;
  network: NetworkSpec;
  /** Drawn from a `perceptron` (one neuron): the worked sum is written under it. */
  perceptron: boolean;
  inputLabels: string[];
  outputLabels: string[];
  /** Values at the inputs, shown flowing through (null: none). */
  input: number[] | null;
  /** Each weight written on its edge. */
  weightLabels: boolean;
  /** 'auto': the name where it fits inside the circle, else the glyph. */
  activations: 'name' | 'glyph' | 'auto';
  legend: boolean;
  /** Layers wider than this show their first and last few neurons and "… N more". */
  maxNeurons: number;
  /** The |weight| of the widest edge; null: the largest |weight| drawn. */
  weightScale: number | null;
}
