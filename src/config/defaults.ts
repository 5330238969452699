/**
 * Defaults live here, not in the CLI's option table: a function from a validated config to a fully
 * resolved figure, so every later stage reads plain, complete data.
 */
import type { AxisConfig, ContourFigureConfig, FigureConfig, LineFigureConfig } from './schema.js';

export type Ticks = number | readonly number[] | undefined;

export interface ResolvedAxis {
  label: string;
  /** Absent only for a line figure's y axis, which then fits the data. */
  range?: [number, number];
  samples?: number;
  step?: number;
  ticks: Ticks;
}

interface Common {
  name: string;
  title: string;
  width: number;
  height: number;
  grid: boolean;
  x: ResolvedAxis & { range: [number, number] };
  y: ResolvedAxis;
}

export interface ResolvedSeries {
  activation: string;
  weights: number[];
  bias: number;
  derivative: boolean;
  label: string;
  color: string;
}

export interface ResolvedLine extends Common {
  kind: 'line';
  series: ResolvedSeries[];
  legend: boolean;
}

export interface ResolvedContour extends Common {
  kind: 'contour';
  y: ResolvedAxis & { range: [number, number] };
  perceptron: { weights: [number, number]; bias: number; activation: string };
  levels: number | readonly number[];
  colormap: string;
  alpha: number;
  colorbar: { show: boolean; ticks: Ticks; label: string };
  boundary: boolean;
}

export type ResolvedFigure = ResolvedLine | ResolvedContour;

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

function resolveLine(f: LineFigureConfig): ResolvedLine {
  const x = axis(f.x, { range: [-5, 5], samples: DEFAULTS.lineSamples });
  return {
    kind: 'line',
    name: f.name,
    title: f.title ?? '',
    width: f.width ?? DEFAULTS.width,
    height: f.height ?? DEFAULTS.height,
    grid: f.grid ?? false,
    x: x as ResolvedLine['x'],
    y: axis(f.y, {}),
    legend: f.legend ?? f.series.some((s) => s.label !== undefined),
    series: f.series.map((s, i) => ({
      activation: s.activation,
      weights: s.weights ?? [1],
      bias: s.bias ?? 0,
      derivative: s.derivative ?? false,
      label: s.label ?? (s.derivative ? `${s.activation}'` : s.activation),
      color: s.color ?? SERIES_COLORS[i % SERIES_COLORS.length],
    })),
  };
}

function resolveContour(f: ContourFigureConfig): ResolvedContour {
  const square = { range: DEFAULTS.contourRange, step: DEFAULTS.contourStep };
  const cb = f.colorbar ?? true;
  return {
    kind: 'contour',
    name: f.name,
    title: f.title ?? '',
    width: f.width ?? DEFAULTS.width,
    height: f.height ?? DEFAULTS.height,
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
    boundary: f.boundary ?? false,
  };
}

export function resolveFigure(f: FigureConfig): ResolvedFigure {
  return f.kind === 'line' ? resolveLine(f) : resolveContour(f);
}
