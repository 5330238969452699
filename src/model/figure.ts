/**
 * The domain model: a figure with every default resolved, as every stage after validation reads it
 * (sample, layout, render, pipeline). Plain data only, so it travels to worker processes as is.
 * config/defaults.ts makes it from a validated config; nothing here imports another stage.
 */

/** An activation as a config names it: `"relu"`, or `{ "name": "leaky_relu", "slope": 0.1 }`. */
export type ActivationSpec = string | { readonly name: string; readonly [param: string]: unknown };

/** A figure config as JSON (the config module knows its exact type; the model only carries it). */
export type FigureJson = { readonly name: string; readonly kind: string; readonly [key: string]: unknown };

export type Ticks = number | readonly number[] | undefined;

export interface ResolvedAxis {
  label: string;
  /** Absent only for a line figure's y axis, which then fits the data. */
  range?: [number, number];
  samples?: number;
  step?: number;
  ticks: Ticks;
}

/** What every output file has. */
export interface Output {
  name: string;
  width: number;
  height: number;
  scale: number;
  /** 'rgba' is internal: the raw pixels of one animation frame, passed from a pool worker, never written. */
  format: 'png' | 'svg' | 'pdf' | 'gif' | 'apng' | 'rgba';
  /** An animation over one number of the config (format gif or apng). */
  sweep: ResolvedSweep | null;
  /** The config's own text alternative; absent: one is generated from the maths (src/alt/). */
  alt?: string;
  /** The language of the generated alt text; absent: Japanese when the figure's text is, else English. */
  lang?: Lang;
  /** Absent: light. */
  theme?: ThemeName;
  /** "transparent" or a CSS colour behind the figure; absent: the theme's background. */
  background?: string;
}

export type Lang = 'en' | 'ja';
export type ThemeName = 'light' | 'dark';

export interface ResolvedSweep {
  /** Path segments into the figure config (numbers index lists). */
  path: (string | number)[];
  /** The value of each frame: numbers, or strings (`values` of checkpoint files, say). */
  values: (number | string)[];
  /** The caption of each frame when the config gives `labels` (else `label` with `{value}`). */
  labels: string[] | null;
  /** 'fixed': contour levels and edge widths spread over all frames; 'frame': each frame its own. */
  colorScale: 'fixed' | 'frame';
  fps: number;
  /** Frames on the contact sheet (0: none). */
  sheet: number;
  /** Frame caption, `{value}` replaced by the swept value. */
  label: string;
  /** The figure config without its sweep: each frame sets the value at `path` and resolves it. */
  base: FigureJson;
  /** The model files the figure reads, loaded once, for resolving each frame. */
  models: FigureModels;
  /** Per frame, when the swept value changes which model files are read (`network.file`). */
  frameModels: FigureModels[] | null;
  /** The data files and rows the figure draws, read once (absent when it draws none). */
  points?: FigurePoints;
}

export interface ResolvedPoint {
  at: [number, number];
  label: string;
  color: string;
}

interface PlotCommon {
  title: string;
  grid: boolean;
  points: ResolvedPoint[];
  x: ResolvedAxis & { range: [number, number] };
  y: ResolvedAxis;
}

export interface NetworkSpec {
  /** `softmax`: the layer's outputs are normalised together (a classifier's last layer, from a model file). */
  layers: { weights: number[][]; biases: number[]; activation: ActivationSpec; softmax?: boolean }[];
  /** The output neuron drawn (default 0). */
  output?: number;
  /** For a network read from a model file: the file and its sha256. */
  model?: { file: string; sha256: string };
  /** Stands for the weights in the input hash (a model file's digest), so 10^7 numbers are not hashed. */
  contentDigest?: string;
}

/** A model file as read by src/models/load-model.ts: its layers, sizes and digest. */
export interface LoadedModel {
  /** The path as the config's folder joined with its `file` (what messages and the manifest show). */
  file: string;
  sha256: string;
  layers: NetworkSpec['layers'];
  inputs: number;
  outputs: number;
  /** Stands for the layers in the input hash (pipeline/hash.ts): the sha256 and the layer list asked for. */
  contentDigest: string;
}

/** Loaded models by JSON pointer within a figure ("/network", "/panels/1/series/0/network"). */
export type FigureModels = Record<string, LoadedModel>;

/** A network and the neuron whose output is drawn (by default the last layer's first). */
export interface NetworkModel {
  spec: NetworkSpec;
  layer: number;
  neuron: number;
}

export interface ResolvedSeries {
  /** The activation of a one-input perceptron (unused when `network` is set). */
  activation: ActivationSpec;
  network: NetworkSpec | null;
  weights: number[];
  bias: number;
  derivative: boolean;
  label: string;
  color: string;
  jumps: 'markers' | 'connect' | 'gap';
}

export interface ResolvedBoundary {
  color: string;
  dash: 'dotted' | 'dashed' | 'dashdot' | 'solid';
  /** Line width in CSS pixels. */
  width: number;
  /** true: the line's equation; a string: that text; false: none. */
  label: boolean | string;
}

export interface ResolvedLinePlot extends PlotCommon {
  kind: 'line';
  series: ResolvedSeries[];
  legend: boolean;
}

/** What a classifier's surface shows (docs/surfaces.md). */
export type SurfaceView = 'output' | 'class' | 'probability';

/** The function a contour draws, as plain data (core/surface.ts evaluates it). */
export type SurfaceSpec =
  | { kind: 'perceptron'; weights: [number, number]; bias: number; activation: ActivationSpec }
  | { kind: 'network'; spec: NetworkSpec; layer: number; neuron: number };

/** What a pixel needs besides the function: the view, the threshold of one output, the classes. */
export interface SurfaceFunction {
  surface: SurfaceSpec;
  view: SurfaceView;
  threshold: number;
  classes: number;
}

/** Data points as read from a file or a config's rows: one entry per point in each list. */
export interface DataPoints {
  xs: number[];
  ys: number[];
  /** Each point's class index, or -1 for all when the data names no class column. */
  classes: number[];
  /** The file as the config's folder joined with `file`, and its sha256 (absent for inline rows). */
  source?: { file: string; sha256: string };
  /** Stands for the points in the input hash (a data file's digest and the columns read), like a model's. */
  contentDigest?: string;
}

/** The data points of each plot of a figure, by the plot's JSON pointer ("" or "/panels/1"). */
export type FigurePoints = Record<string, DataPoints>;

export interface ResolvedData {
  points: DataPoints;
  highlight: 'misclassified' | null;
}

/** A classifier's classes: a colour for each, and their names when the config gives them. */
export interface ResolvedClasses {
  count: number;
  /** From `"classes"`; null: the classes are shown by number. */
  names: string[] | null;
  colors: string[];
}

export interface ResolvedContourPlot extends PlotCommon {
  kind: 'contour';
  y: ResolvedAxis & { range: [number, number] };
  /** Exactly one of `perceptron` and `network` is set. */
  perceptron: { weights: [number, number]; bias: number; activation: ActivationSpec } | null;
  network: NetworkModel | null;
  /** The output level drawn as a network's decision boundary. */
  threshold: number;
  /** Add a panel per hidden neuron (resolved into a "panels" figure). */
  neurons: boolean;
  levels: number | readonly number[];
  colormap: string;
  alpha: number;
  colorbar: { show: boolean; ticks: Ticks; label: string };
  boundary: ResolvedBoundary | null;
  /** Absent: "output" (kept out of the figure so the seed's figures hash as before). */
  view?: SurfaceView;
  /** For a class or probability view, or data with a class column. */
  classes?: ResolvedClasses;
  /** Absent: "grid". "pixel": the surface evaluated at every device pixel centre. */
  sampling?: 'pixel';
  /** Data points drawn over the surface. */
  data?: ResolvedData;
}

/** A network diagram: the layers it draws (a perceptron is a network of one neuron), names and what is written on it. */
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

export type ResolvedPlot = ResolvedLinePlot | ResolvedContourPlot | ResolvedDiagramPlot;
export type ResolvedLine = Output & ResolvedLinePlot;
export type ResolvedContour = Output & ResolvedContourPlot;
export type ResolvedDiagram = Output & ResolvedDiagramPlot;
export interface ResolvedPanels extends Output {
  kind: 'panels';
  title: string;
  columns: number;
  sharedColorbar: boolean;
  /** Contour panels keep the same room for their colorbars, so their plots are equally wide ("neurons": true). */
  alignColorbars?: boolean;
  panels: ResolvedPlot[];
}
export type ResolvedFigure = ResolvedLine | ResolvedContour | ResolvedDiagram | ResolvedPanels;
