/**
 * The config contract: TypeScript types and the published JSON Schema come from this one source
 * (TypeBox), so they cannot drift. `actiplot schema` prints `fileSchema`; validate.ts runs it
 * through Ajv and then checks what a schema cannot say (shapes, min < max, finiteness).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { activationNames, activationParams, type ActivationSpec } from '../core/activation.js';
import { colormapNames } from '../scale/colormap.js';
import { LIMITS } from './limits.js';
import { Sweep } from './schema-sweep.js';
import { diagramKeys } from './schema-diagram.js';
import { presentationKeys } from './schema-presentation.js';
import { surfaceKeys } from './schema-surfaces.js';

const Finite = (opts: object = {}) => Type.Number(opts);

export const NAME_PATTERN = '^[a-z0-9_][a-z0-9._-]*$';

const Range = Type.Tuple([Finite(), Finite()], {
  description: 'a [min, max] pair of numbers',
});

const Ticks = Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.Array(Finite(), { minItems: 1 })], {
  description: 'a tick spacing > 0, or a list of tick values',
});

export const Axis = Type.Object(
  {
    label: Type.Optional(Type.String({ description: 'the axis label (contour figures: x1 and x2 unless given)' })),
    range: Type.Optional(Range),
    samples: Type.Optional(Type.Integer({ minimum: 2, description: 'the number of samples, both ends included' })),
    step: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'the sample spacing; the end is included when a step lands on it' })),
    ticks: Type.Optional(Ticks),
  },
  { additionalProperties: false, description: 'an axis: { label, range: [min, max], samples | step, ticks }' },
);

/** The axis keys under another description: what the axis is and its defaults in this kind of plot. */
const axis = (description: string) => Type.Object(Axis.properties, { additionalProperties: false, description });

/** A string enum (plain `enum` keeps validation errors to one line, unlike a union of literals). */
const StringEnum = <T extends string>(values: readonly T[], description: string, defaultValue?: T) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description, ...(defaultValue !== undefined ? { default: defaultValue } : {}) });

/**
 * An activation: a name, or `{ "name": "leaky_relu", "slope": 0.1 }` with the parameters that name
 * takes (from `activationParams`). if/then/else rather than anyOf, so Ajv reports the one branch
 * that applies: a misspelt name gets "did you mean", an unknown parameter "unknown key", a wrong
 * type "expected a number".
 */
const activationChoice = `an activation (${activationNames.join(', ')})`;
const Activation = Type.Unsafe<ActivationSpec>({
  description: `${activationChoice}, or an object { "name": ..., parameters }`,
  if: { type: 'object' },
  then: {
    type: 'object',
    required: ['name'],
    properties: { name: { enum: [...activationNames], description: activationChoice } },
    allOf: [
      {
        if: { properties: { name: { enum: activationNames.filter((n) => !Object.hasOwn(activationParams, n)) } }, required: ['name'] },
        then: { properties: { name: {} }, additionalProperties: false },
      },
      ...Object.entries(activationParams).map(([name, params]) => ({
        if: { properties: { name: { const: name } }, required: ['name'] },
        then: {
          properties: { name: {}, ...Object.fromEntries(Object.entries(params).map(([k, p]) => [k, { type: 'number', description: p.description }])) },
          additionalProperties: false,
        },
      })),
    ],
  },
  else: { enum: [...activationNames], description: activationChoice },
});

/** Keys of an output file: who it is, how big, which format. */
const outputKeys = {
  $schema: Type.Optional(Type.String({ description: 'the JSON Schema of configs, for completion in editors (actiplot ignores it)' })),
  name: Type.String({
    pattern: NAME_PATTERN,
    maxLength: 100,
    description: 'the output base name: lowercase letters, digits, ".", "_" and "-", not starting with "." or "-"',
  }),
  title: Type.Optional(Type.String({ description: 'the title above the plot, wrapped onto several lines when wider than the image' })),
  width: Type.Optional(Type.Integer({ minimum: 100, maximum: LIMITS.pixels, default: 800, description: 'the width in pixels' })),
  height: Type.Optional(Type.Integer({ minimum: 100, maximum: LIMITS.pixels, default: 600, description: 'the height in pixels' })),
  scale: Type.Optional(Type.Number({ minimum: 0.5, maximum: 4, default: 1, description: 'the pixel density (2 for HiDPI)' })),
  format: Type.Optional(StringEnum(['png', 'svg', 'pdf', 'gif', 'apng'] as const, 'an output format (png, svg, pdf; gif, apng with a sweep)', 'png')),
  sweep: Type.Optional(Sweep),
  ...presentationKeys,
};

/** Keys of one plot (a whole figure, or one panel of a "panels" figure). */
/** A marked point with an optional label (the seed's worked input x = (1, 2), say). */
const Point = Type.Object(
  {
    at: Type.Tuple([Finite(), Finite()], { description: 'an [x, y] pair of numbers' }),
    label: Type.Optional(Type.String({ description: 'the text beside the dot' })),
    color: Type.Optional(Type.String({ default: '#000000', description: 'a CSS colour' })),
  },
  { additionalProperties: false, description: 'a marked point: a dot with its label' },
);

const plotKeys = {
  title: Type.Optional(Type.String({ description: 'the title above the plot, wrapped onto several lines when wider than the image' })),
  x: Type.Optional(Axis),
  y: Type.Optional(Axis),
  grid: Type.Optional(Type.Boolean({ default: false, description: 'grid lines at the ticks (under line data, over contour bands, as matplotlib draws them)' })),
  points: Type.Optional(Type.Array(Point, { maxItems: 100, description: 'a list of { at: [x, y], label, color }' })),
};

/** A feed-forward network: weights[i][j] is the weight from input j to neuron i (W·x + b). */
export const TypedNetwork = Type.Object(
  {
    layers: Type.Array(
      Type.Object(
        {
          weights: Type.Array(Type.Array(Finite(), { minItems: 1, maxItems: LIMITS.neurons }), { minItems: 1, maxItems: LIMITS.neurons, description: 'a list of rows, one per neuron, each with one weight per input' }),
          biases: Type.Array(Finite(), { description: 'the biases, one per neuron' }),
          activation: Activation,
        },
        { additionalProperties: false, description: 'one layer: each neuron computes activation(W·x + b)' },
      ),
      { minItems: 1, maxItems: LIMITS.layers, description: 'a list of layers' },
    ),
  },
  { additionalProperties: false, description: 'a feed-forward network: weights[i][j] is the weight from input j to neuron i of a layer' },
);

/** One layer of a model file read by tensor names (safetensors, .npz, .npy, .pt). */
const ModelLayerRef = Type.Object(
  {
    weight: Type.String({ minLength: 1, maxLength: 1000, description: 'the name of the weight tensor in the file ([out, in], as PyTorch\'s nn.Linear)' }),
    bias: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, description: 'the name of the bias tensor (no bias: zeros)' })),
    activation: Activation,
    transpose: Type.Optional(Type.Boolean({ description: 'the weight is stored [in, out] (NumPy\'s x @ W, Keras)' })),
  },
  { additionalProperties: false },
);

const ModelInput = Type.Unsafe<'x' | 'y' | number>({
  description: '"x" or "y" for a plotted input, or a number for a fixed one',
  if: { type: 'string' },
  then: { enum: ['x', 'y'], description: '"x" or "y" for a plotted input, or a number for a fixed one' },
  else: { type: 'number', description: '"x" or "y" for a plotted input, or a number for a fixed one' },
});

/** A network read from a model file, relative to the config file (docs/models.md). */
export const FileNetwork = Type.Object(
  {
    file: Type.String({ minLength: 1, maxLength: 1000, description: 'a model file (.onnx, .safetensors, .npz, .npy, .pt, .pth) relative to the config file' }),
    layers: Type.Optional(Type.Array(ModelLayerRef, { minItems: 1, maxItems: 256, description: 'a list of layers { weight, bias, activation, transpose } naming tensors of the file' })),
    inputs: Type.Optional(Type.Array(ModelInput, { minItems: 1, maxItems: 4096, description: 'every input of the model: "x", "y" or a fixed number' })),
    output: Type.Optional(Type.Integer({ minimum: 0, description: 'the output drawn, from 0' })),
  },
  { additionalProperties: false },
);

/** A network: typed weights, or `{ "file": ... }`. if/then/else so errors speak of the branch that applies. */
export const NetworkConfig = Type.Unsafe<Static<typeof TypedNetwork> | Static<typeof FileNetwork>>({
  description: 'a network: { "layers": [...] } with weights, or { "file": ... } to read a model file',
  if: { type: 'object', required: ['file'] },
  then: FileNetwork,
  else: TypedNetwork,
});

export type TypedNetworkConfig = Static<typeof TypedNetwork>;
export type FileNetworkConfig = Static<typeof FileNetwork>;

export const Series = Type.Object(
  {
    activation: Type.Optional(Activation),
    network: Type.Optional(NetworkConfig),
    weights: Type.Optional(Type.Array(Finite(), { default: [1], description: 'the weights, one per input' })),
    bias: Type.Optional(Finite({ default: 0, description: 'the bias b: the series plots f(w·x + b)' })),
    derivative: Type.Optional(Type.Boolean({ default: false, description: "plot the derivative f′(w·x + b) instead of f" })),
    label: Type.Optional(Type.String({ description: "the legend entry (default: the activation's name, with its parameters when they differ from the defaults)" })),
    color: Type.Optional(Type.String({ description: "a CSS colour (default: matplotlib's colour cycle)" })),
    jumps: Type.Optional(StringEnum(['markers', 'connect', 'gap'] as const, 'how jumps are drawn (markers, connect, gap)', 'markers')),
  },
  {
    additionalProperties: false,
    description: 'one curve: f(w·x + b) for an activation f, or the output of a network of 1 input and 1 output',
  },
);

const lineKeys = {
  kind: Type.Literal('line', { description: 'a line graph' }),
  ...plotKeys,
  x: Type.Optional(axis('the sampled input: range [-5, 5] and 200 samples unless given')),
  y: Type.Optional(axis('the output: its range fits the data with a 5% margin unless given')),
  series: Type.Array(Series, { minItems: 1, maxItems: LIMITS.series, description: 'a list of series' }),
  legend: Type.Optional(Type.Boolean({ description: 'a legend in the corner that hides the least data (default: true when any series has a label)' })),
};

export const LinePlot = Type.Object(lineKeys, { additionalProperties: false });
export const LineFigure = Type.Object({ ...outputKeys, ...lineKeys }, { additionalProperties: false });

export const PerceptronConfig = Type.Object(
  {
    weights: Type.Array(Finite(), { description: 'the weights, one per input' }),
    bias: Type.Optional(Finite({ default: 0, description: 'the bias b in a = w1·x1 + w2·x2 + b' })),
    activation: Activation,
  },
  { additionalProperties: false, description: 'a perceptron of 2 inputs: activation(w1·x1 + w2·x2 + b)' },
);

const Colorbar = Type.Union(
  [
    Type.Boolean(),
    Type.Object(
      { ticks: Type.Optional(Ticks), label: Type.Optional(Type.String({ description: 'the label beside the colorbar' })) },
      { additionalProperties: false, description: 'the colorbar: its ticks (nice round values unless given) and label' },
    ),
  ],
  { default: true, description: 'true, false or { ticks, label }' },
);

const Boundary = Type.Union(
  [
    Type.Boolean(),
    Type.Object(
      {
        color: Type.Optional(Type.String({ default: 'green', description: 'a CSS colour' })),
        dash: Type.Optional(StringEnum(['dotted', 'dashed', 'dashdot', 'solid'] as const, 'a dash style (dotted, dashed, dashdot, solid)', 'dotted')),
        width: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 20, default: 2, description: 'a line width in points' })),
        label: Type.Optional(
          Type.Union([Type.Boolean(), Type.String({ maxLength: 200 })], {
            description: 'true (the equation along the line, e.g. "x1 + 2x2 = 5"), false, or a text of your own',
          }),
        ),
      },
      {
        additionalProperties: false,
        description: 'the decision boundary: for a perceptron the line w1·x1 + w2·x2 + b = 0, for a network the contour where the output crosses threshold',
      },
    ),
  ],
  { default: false, description: 'true, false or { color, dash, width, label }' },
);

const contourKeys = {
    kind: Type.Literal('contour', { description: 'filled contours over a grid of two inputs' }),
    ...plotKeys,
    x: Type.Optional(axis('the grid across: range [-5, 5], step 0.1 and label "x1" unless given')),
    y: Type.Optional(axis('the grid up: range [-5, 5], step 0.1 and label "x2" unless given')),
    perceptron: Type.Optional(PerceptronConfig),
    network: Type.Optional(NetworkConfig),
    neurons: Type.Optional(Type.Boolean({ default: false, description: 'with a network: add a small panel per hidden neuron (the figure becomes panels)' })),
    threshold: Type.Optional(Type.Number({ description: 'the output level drawn as the decision boundary of a network (default 0.5 for sigmoid, hard_sigmoid and step outputs, else 0)' })),
    levels: Type.Optional(
      Type.Union([Type.Integer({ minimum: 2, maximum: LIMITS.levels }), Type.Array(Finite(), { minItems: 2, maxItems: LIMITS.levels })], {
        default: 101,
        description: 'a count of levels >= 2, or an increasing list of level values',
      }),
    ),
    colormap: Type.Optional(
      StringEnum(colormapNames, `a colormap (${colormapNames.filter((n) => !n.endsWith('_r')).join(', ')}, or any of them with _r)`, 'coolwarm'),
    ),
    alpha: Type.Optional(Type.Number({ minimum: 0, maximum: 1, default: 1, description: 'an opacity from 0 to 1' })),
    colorbar: Type.Optional(Colorbar),
    boundary: Type.Optional(Boundary),
    ...surfaceKeys,
};

export const ContourPlot = Type.Object(contourKeys, { additionalProperties: false });
export const ContourFigure = Type.Object({ ...outputKeys, ...contourKeys }, { additionalProperties: false });

const diagram = diagramKeys({ perceptron: PerceptronConfig, network: NetworkConfig });
export const DiagramPlot = Type.Object(diagram, { additionalProperties: false });
export const DiagramFigure = Type.Object({ ...outputKeys, ...diagram }, { additionalProperties: false });

/** A panel: a line, contour or diagram plot without the output keys, dispatched on `kind`. */
export const Panel = Type.Unsafe<Static<typeof LinePlot> | Static<typeof ContourPlot> | Static<typeof DiagramPlot>>({
  type: 'object',
  description: 'a panel object with a "kind" of line, contour or diagram',
  required: ['kind'],
  properties: { kind: { enum: ['line', 'contour', 'diagram'], description: 'a panel kind (line, contour, diagram)' } },
  discriminator: { propertyName: 'kind' },
  oneOf: [LinePlot, ContourPlot, DiagramPlot],
} as unknown as TSchema);

export const PanelsFigure = Type.Object(
  {
    kind: Type.Literal('panels', { description: 'several line, contour or diagram plots in a grid' }),
    ...outputKeys,
    columns: Type.Optional(Type.Integer({ minimum: 1, maximum: 16, description: 'the number of columns' })),
    sharedColorbar: Type.Optional(Type.Boolean({ default: false, description: "contour panels share one colour scale (the first contour panel's levels and colormap) and one colorbar at the right" })),
    panels: Type.Array(Panel, { minItems: 1, maxItems: LIMITS.panels, description: 'a list of panels' }),
  },
  { additionalProperties: false },
);

export type AxisConfig = Static<typeof Axis>;
export type SeriesConfig = Static<typeof Series>;
export type LinePlotConfig = Static<typeof LinePlot>;
export type ContourPlotConfig = Static<typeof ContourPlot>;
export type LineFigureConfig = Static<typeof LineFigure>;
export type ContourFigureConfig = Static<typeof ContourFigure>;
export type PanelsFigureConfig = Static<typeof PanelsFigure>;
export type DiagramPlotConfig = Static<typeof DiagramPlot>;
export type DiagramFigureConfig = Static<typeof DiagramFigure>;
export type PlotConfig = LinePlotConfig | ContourPlotConfig | DiagramPlotConfig;
export type FigureConfig = LineFigureConfig | ContourFigureConfig | DiagramFigureConfig | PanelsFigureConfig;
export const figureKinds = ['line', 'contour', 'diagram', 'panels'] as const;

/** One figure: dispatched on `kind` so errors speak of the right kind's keys (Ajv `discriminator`). */
export const Figure = Type.Unsafe<FigureConfig>({
  type: 'object',
  description: 'a figure object with a "kind" of line, contour, diagram or panels',
  required: ['kind'],
  properties: { kind: { enum: [...figureKinds], description: 'a figure kind (line, contour, diagram, panels)' } },
  discriminator: { propertyName: 'kind' },
  oneOf: [LineFigure, ContourFigure, DiagramFigure, PanelsFigure],
} as unknown as TSchema);

export const FigureList = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: 'the JSON Schema of configs, for completion in editors (actiplot ignores it)' })),
    figures: Type.Array(Figure, { maxItems: LIMITS.figures, description: 'a list of figures' }),
  },
  { additionalProperties: false },
);

/** A config file: one figure object, or { "figures": [ ... ] }. */
export const fileSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://actiplot.dev/schema/config.json',
  title: 'actiplot config',
  description: 'One figure object, or { "figures": [ ... ] }',
  type: 'object',
  if: { required: ['figures'] },
  then: FigureList,
  else: Figure,
} as const;
