/**
 * The keys of a network diagram (`"kind": "diagram"`): the network drawn as textbooks draw it. The
 * network and perceptron schemas come from schema.ts as arguments, so this file imports nothing of
 * it (no import cycle) and schema.ts only adds the diagram to its unions.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { DIAGRAM_MAX_NEURONS } from './diagram-defaults.js';

const Name = (description: string) =>
  Type.Object({ label: Type.Optional(Type.String({ description })) }, { additionalProperties: false, description: 'an input name: { "label": ... }' });

export function diagramKeys<P extends TSchema, N extends TSchema>(parts: { perceptron: P; network: N }) {
  return {
    kind: Type.Literal('diagram', { description: 'a diagram of a perceptron or network: nodes, weighted edges, biases and activations' }),
    title: Type.Optional(Type.String({ description: 'the title above the plot, wrapped onto several lines when wider than the image' })),
    perceptron: Type.Optional(parts.perceptron),
    network: Type.Optional(parts.network),
    x: Type.Optional(Name('the name of the first input (default "x1", as a contour labels its x axis)')),
    y: Type.Optional(Name('the name of the second input (default "x2"); further inputs are x3, x4, ...')),
    outputs: Type.Optional(Type.Array(Type.String(), { minItems: 1, maxItems: 256, description: 'the names of the output neurons, one per output (default "y", or y1, y2, ...)' })),
    input: Type.Optional(Type.Array(Type.Number(), { minItems: 1, maxItems: 4096, description: 'a value for every input: each neuron then shows a = w·x + b and f(a)' })),
    weights: Type.Optional(Type.Boolean({ description: 'write each weight on its edge (default: true when the diagram draws at most 16 edges)' })),
    activations: Type.Optional(
      Type.Unsafe<'name' | 'glyph'>({ type: 'string', enum: ['name', 'glyph'], description: "how a neuron shows its activation (name, glyph); default: the name where it fits in the circle, else a glyph of the curve" }),
    ),
    legend: Type.Optional(Type.Boolean({ default: true, description: 'a legend of the edge colours (sign) and widths (|weight|)' })),
    maxNeurons: Type.Optional(
      Type.Integer({ minimum: 8, maximum: 256, default: DIAGRAM_MAX_NEURONS, description: 'layers with more neurons than this are summarised: their first and last 4 neurons and "… N more"' }),
    ),
    weightScale: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'the |weight| drawn with the widest edge (default: the largest |weight| shown; a sweep uses the largest of all its frames)' })),
  };
}
