/**
 * The config contract: TypeScript types and the published JSON Schema come from this one source
 * (TypeBox), so they cannot drift. `actiplot schema` prints `fileSchema`; validate.ts runs it
 * through Ajv and then checks what a schema cannot say (shapes, min < max, finiteness).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { activationNames, activationParams, type ActivationSpec } from '../core/activation.js';
import { colormapNames } from '../scale/colormap.js';
import { LIMITS } from './limits.js';

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
    label: Type.Optional(Type.String({ description: 'the axis label' })),
    range: Type.Optional(Range),
    samples: Type.Optional(Type.Integer({ minimum: 2, description: 'the number of samples, both ends included' })),
    step: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'the sample spacing; the end is included when a step lands on it' })),
    ticks: Type.Optional(Ticks),
  },
  { additionalProperties: false, description: 'an axis: { label, range: [min, max], samples | step, ticks }' },
);

/** A string enum (plain `enum` keeps validation errors to one line, unlike a union of literals). */
const StringEnum = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });

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
  $schema: Type.Optional(Type.String()),
  name: Type.String({
    pattern: NAME_PATTERN,
    maxLength: 100,
    description: 'the output base name: lowercase letters, digits, ".", "_" and "-", not starting with "." or "-"',
  }),
  title: Type.Optional(Type.String()),
  width: Type.Optional(Type.Integer({ minimum: 100, maximum: LIMITS.pixels, description: 'the width in pixels' })),
  height: Type.Optional(Type.Integer({ minimum: 100, maximum: LIMITS.pixels, description: 'the height in pixels' })),
  scale: Type.Optional(Type.Number({ minimum: 0.5, maximum: 4, description: 'the pixel density (2 for HiDPI)' })),
  format: Type.Optional(StringEnum(['png', 'svg', 'pdf', 'gif', 'apng'] as const, 'an output format (png, svg, pdf; gif, apng with a sweep)')),
  sweep: Type.Optional(
    Type.Object(
      {
        path: Type.String({ minLength: 1, description: 'the dotted path of the number to vary, e.g. "perceptron.bias"' }),
        from: Finite(),
        to: Finite(),
        frames: Type.Integer({ minimum: 2, maximum: LIMITS.frames, description: 'the number of frames' }),
        fps: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 60, description: 'frames per second' })),
        sheet: Type.Optional(Type.Integer({ minimum: 0, maximum: 64, description: 'frames on the contact sheet (0 for none)' })),
        label: Type.Optional(Type.String({ description: 'the frame caption, with {value} for the swept value' })),
      },
      { additionalProperties: false },
    ),
  ),
};

/** Keys of one plot (a whole figure, or one panel of a "panels" figure). */
/** A marked point with an optional label (the seed's worked input x = (1, 2), say). */
const Point = Type.Object(
  {
    at: Type.Tuple([Finite(), Finite()], { description: 'an [x, y] pair of numbers' }),
    label: Type.Optional(Type.String()),
    color: Type.Optional(Type.String({ description: 'a CSS colour' })),
  },
  { additionalProperties: false },
);

const plotKeys = {
  title: Type.Optional(Type.String()),
  x: Type.Optional(Axis),
  y: Type.Optional(Axis),
  grid: Type.Optional(Type.Boolean()),
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
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: LIMITS.layers, description: 'a list of layers' },
    ),
  },
  { additionalProperties: false },
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
    weights: Type.Optional(Type.Array(Finite(), { description: 'the weights, one per input' })),
    bias: Type.Optional(Finite()),
    derivative: Type.Optional(Type.Boolean()),
    label: Type.Optional(Type.String()),
    color: Type.Optional(Type.String({ description: 'a CSS colour' })),
    jumps: Type.Optional(StringEnum(['markers', 'connect', 'gap'] as const, 'how jumps are drawn (markers, connect, gap)')),
  },
  { additionalProperties: false },
);

const lineKeys = {
  kind: Type.Literal('line'),
  ...plotKeys,
  series: Type.Array(Series, { minItems: 1, maxItems: LIMITS.series, description: 'a list of series' }),
  legend: Type.Optional(Type.Boolean()),
};

export const LinePlot = Type.Object(lineKeys, { additionalProperties: false });
export const LineFigure = Type.Object({ ...outputKeys, ...lineKeys }, { additionalProperties: false });

export const PerceptronConfig = Type.Object(
  {
    weights: Type.Array(Finite(), { description: 'the weights, one per input' }),
    bias: Type.Optional(Finite()),
    activation: Activation,
  },
  { additionalProperties: false },
);

const Colorbar = Type.Union(
  [
    Type.Boolean(),
    Type.Object(
      { ticks: Type.Optional(Ticks), label: Type.Optional(Type.String()) },
      { additionalProperties: false },
    ),
  ],
  { description: 'true, false or { ticks, label }' },
);

const Boundary = Type.Union(
  [
    Type.Boolean(),
    Type.Object(
      {
        color: Type.Optional(Type.String({ description: 'a CSS colour' })),
        dash: Type.Optional(StringEnum(['dotted', 'dashed', 'dashdot', 'solid'] as const, 'a dash style (dotted, dashed, dashdot, solid)')),
        width: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 20, description: 'a line width in points' })),
        label: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'true, false or { color, dash, width, label }' },
);

const contourKeys = {
    kind: Type.Literal('contour'),
    ...plotKeys,
    perceptron: Type.Optional(PerceptronConfig),
    network: Type.Optional(NetworkConfig),
    neurons: Type.Optional(Type.Boolean()),
    threshold: Type.Optional(Type.Number({ description: "the output level drawn as the decision boundary" })),
    levels: Type.Optional(
      Type.Union([Type.Integer({ minimum: 2, maximum: LIMITS.levels }), Type.Array(Finite(), { minItems: 2, maxItems: LIMITS.levels })], {
        description: 'a count of levels >= 2, or an increasing list of level values',
      }),
    ),
    colormap: Type.Optional(
      StringEnum(colormapNames, `a colormap (${colormapNames.filter((n) => !n.endsWith('_r')).join(', ')}, or any of them with _r)`),
    ),
    alpha: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'an opacity from 0 to 1' })),
    colorbar: Type.Optional(Colorbar),
    boundary: Type.Optional(Boundary),
};

export const ContourPlot = Type.Object(contourKeys, { additionalProperties: false });
export const ContourFigure = Type.Object({ ...outputKeys, ...contourKeys }, { additionalProperties: false });

/** A panel: a line or contour plot without the output keys, dispatched on `kind`. */
export const Panel = Type.Unsafe<Static<typeof LinePlot> | Static<typeof ContourPlot>>({
  type: 'object',
  description: 'a panel object with a "kind" of line or contour',
  required: ['kind'],
  properties: { kind: { enum: ['line', 'contour'], description: 'a panel kind (line, contour)' } },
  discriminator: { propertyName: 'kind' },
  oneOf: [LinePlot, ContourPlot],
} as unknown as TSchema);

export const PanelsFigure = Type.Object(
  {
    kind: Type.Literal('panels'),
    ...outputKeys,
    columns: Type.Optional(Type.Integer({ minimum: 1, maximum: 16, description: 'the number of columns' })),
    sharedColorbar: Type.Optional(Type.Boolean()),
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
export type PlotConfig = LinePlotConfig | ContourPlotConfig;
export type FigureConfig = LineFigureConfig | ContourFigureConfig | PanelsFigureConfig;
export const figureKinds = ['line', 'contour', 'panels'] as const;

/** One figure: dispatched on `kind` so errors speak of the right kind's keys (Ajv `discriminator`). */
export const Figure = Type.Unsafe<FigureConfig>({
  type: 'object',
  description: 'a figure object with a "kind" of line, contour or panels',
  required: ['kind'],
  properties: { kind: { enum: [...figureKinds], description: 'a figure kind (line, contour, panels)' } },
  discriminator: { propertyName: 'kind' },
  oneOf: [LineFigure, ContourFigure, PanelsFigure],
} as unknown as TSchema);

export const FigureList = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
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
