/**
 * Defaults live here, not in the CLI's option table: a function from a validated config to a fully
 * resolved figure, so every later stage reads plain, complete data.
 */
import type { AxisConfig, ContourPlotConfig, FigureConfig, LinePlotConfig, PlotConfig } from './schema.js';
import { resolveActivation, type ActivationSpec } from '../core/activation.js';

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
  format: 'png' | 'svg' | 'pdf';
}

interface PlotCommon {
  title: string;
  grid: boolean;
  x: ResolvedAxis & { range: [number, number] };
  y: ResolvedAxis;
}

export interface ResolvedSeries {
  activation: ActivationSpec;
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
  label: boolean;
}

export interface ResolvedLinePlot extends PlotCommon {
  kind: 'line';
  series: ResolvedSeries[];
  legend: boolean;
}

export interface ResolvedContourPlot extends PlotCommon {
  kind: 'contour';
  y: ResolvedAxis & { range: [number, number] };
  perceptron: { weights: [number, number]; bias: number; activation: ActivationSpec };
  levels: number | readonly number[];
  colormap: string;
  alpha: number;
  colorbar: { show: boolean; ticks: Ticks; label: string };
  boundary: ResolvedBoundary | null;
}

export type ResolvedPlot = ResolvedLinePlot | ResolvedContourPlot;
export type ResolvedLine = Output & ResolvedLinePlot;
export type ResolvedContour = Output & ResolvedContourPlot;
export interface ResolvedPanels extends Output {
  kind: 'panels';
  title: string;
  columns: number;
  sharedColorbar: boolean;
  panels: ResolvedPlot[];
}
export type ResolvedFigure = ResolvedLine | ResolvedContour | ResolvedPanels;

export const DEFAULTS = {
  width: 800,
  height: 600,
  /** Line figures sample their x range at this many points unless told otherwise. */
  lineSamples: 200,
  /** Contour figures cover the seed's square with the seed's spacing. */
  contourRange: [-5, 5] as [number, number],
  contourStep: 0.1,
  /** The seed's `levels=np.linspace(0, z.max, 101)`. */
  levels: 101,
  colormap: 'coolwarm',
} as const;

/** matplotlib's default colour cycle (tab10), so series get the colours readers already know. */
export const SERIES_COLORS = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd',
  '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf',
] as const;

function axis(a: AxisConfig | undefined, fallback: Partial<ResolvedAxis>): ResolvedAxis {
  return {
    label: a?.label ?? fallback.label ?? '',
    range: a?.range ? [a.range[0], a.range[1]] : fallback.range,
    samples: a?.samples ?? (a?.step === undefined ? fallback.samples : undefined),
    step: a?.step ?? (a?.samples === undefined ? fallback.step : undefined),
    ticks: a?.ticks,
  };
}

function resolveLine(f: LinePlotConfig): ResolvedLinePlot {
  const x = axis(f.x, { range: [-5, 5], samples: DEFAULTS.lineSamples });
  return {
    kind: 'line',
    title: f.title ?? '',
    grid: f.grid ?? false,
    x: x as ResolvedLine['x'],
    y: axis(f.y, {}),
    legend: f.legend ?? f.series.some((s) => s.label !== undefined),
    series: f.series.map((s, i) => ({
      activation: s.activation,
      weights: s.weights ?? [1],
      bias: s.bias ?? 0,
      derivative: s.derivative ?? false,
      label: s.label ?? `${resolveActivation(s.activation).name}${s.derivative ? "'" : ''}`,
      color: s.color ?? SERIES_COLORS[i % SERIES_COLORS.length],
      jumps: s.jumps ?? 'markers',
    })),
  };
}

/** The seed's boundary: "the green dotted line" (緑色の点線). */
export const DEFAULT_BOUNDARY: ResolvedBoundary = { color: 'green', dash: 'dotted', width: 2 * (100 / 72), label: false };

function resolveContour(f: ContourPlotConfig): ResolvedContourPlot {
  const square = { range: DEFAULTS.contourRange, step: DEFAULTS.contourStep };
  const cb = f.colorbar ?? true;
  const b = f.boundary ?? false;
  return {
    kind: 'contour',
    title: f.title ?? '',
    grid: f.grid ?? false,
    x: axis(f.x, { ...square, label: 'x1' }) as ResolvedContour['x'],
    y: axis(f.y, { ...square, label: 'x2' }) as ResolvedContour['y'],
    perceptron: {
      weights: [f.perceptron.weights[0], f.perceptron.weights[1]],
      bias: f.perceptron.bias ?? 0,
      activation: f.perceptron.activation,
    },
    levels: f.levels ?? DEFAULTS.levels,
    colormap: f.colormap ?? DEFAULTS.colormap,
    alpha: f.alpha ?? 1,
    colorbar: typeof cb === 'boolean' ? { show: cb, ticks: undefined, label: '' } : { show: true, ticks: cb.ticks, label: cb.label ?? '' },
    boundary:
      b === false ? null
      : b === true ? DEFAULT_BOUNDARY
      : {
          color: b.color ?? DEFAULT_BOUNDARY.color,
          dash: b.dash ?? DEFAULT_BOUNDARY.dash,
          width: b.width !== undefined ? b.width * (100 / 72) : DEFAULT_BOUNDARY.width,
          label: b.label ?? false,
        },
  };
}

export function resolvePlot(p: PlotConfig): ResolvedPlot {
  return p.kind === 'line' ? resolveLine(p) : resolveContour(p);
}

export function resolveFigure(f: FigureConfig): ResolvedFigure {
  const output: Output = {
    name: f.name,
    width: f.width ?? DEFAULTS.width,
    height: f.height ?? DEFAULTS.height,
    scale: f.scale ?? 1,
    format: f.format ?? 'png',
  };
  if (f.kind !== 'panels') return { ...resolvePlot(f), ...output } as ResolvedFigure;
  const columns = Math.min(f.columns ?? f.panels.length, f.panels.length);
  const rows = Math.ceil(f.panels.length / columns);
  return {
    ...output,
    width: f.width ?? Math.min(8000, Math.round(DEFAULTS.width * 0.75 * columns)),
    height: f.height ?? Math.min(8000, Math.round(DEFAULTS.height * 0.75 * rows + 40)),
    kind: 'panels',
    title: f.title ?? '',
    columns,
    sharedColorbar: f.sharedColorbar ?? false,
    panels: f.panels.map(resolvePlot),
  };
}
