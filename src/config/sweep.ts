/**
 * Sweeps: one number of a figure varied over frames. Each frame is the base config with the value
 * set and resolved like any figure (every frame was validated, so none can fail).
 */
import { resolveFigure } from './defaults.js';
import type { ResolvedFigure, ResolvedPanels, ResolvedPlot, ResolvedSweep } from '../model/figure.js';
import { setPath } from './set-path.js';
import { fixedScale } from './sweep-scale.js';
import type { FigureConfig } from './schema.js';

/** `1.5`, `-2.25`, `10`: the swept value as a caption shows it (at most 3 decimals); a string as it is. */
export function formatValue(v: number | string): string {
  if (typeof v === 'string') return v;
  return String(Number(v.toFixed(3)) + 0).replace('-', '\u2212');
}

/** The caption of frame `i`: its entry of `labels`, or `label` with the value for `{value}`. */
export function caption(sweep: ResolvedSweep, i: number): string {
  if (sweep.labels) return sweep.labels[i];
  const text = formatValue(sweep.values[i]);
  return sweep.label.replace('{value}', () => text);
}

/**
 * The look a figure's frames and contact sheet share with it: its theme and background, which
 * `render --themes` may have set on the figure rather than in its config, and its language.
 */
function lookOf(fig: ResolvedFigure): Pick<ResolvedFigure, 'theme' | 'background' | 'lang'> {
  const look: Pick<ResolvedFigure, 'theme' | 'background' | 'lang'> = {};
  if (fig.theme !== undefined) look.theme = fig.theme;
  if (fig.background !== undefined) look.background = fig.background;
  if (fig.lang !== undefined) look.lang = fig.lang;
  return look;
}

function withLook<T extends ResolvedFigure>(target: T, fig: ResolvedFigure): T {
  const { theme: _t, background: _b, lang: _l, ...rest } = target;
  return { ...rest, ...lookOf(fig) } as T;
}

/** The resolved figure of each frame, captioned with its value. */
export function sweepFrames(fig: ResolvedFigure): ResolvedFigure[] {
  const sw = fig.sweep;
  if (!sw) return [fig];
  return sw.values.map((value, i) => {
    const config = setPath(sw.base, sw.path, value) as FigureConfig;
    const frame = resolveFigure({ ...config, format: 'png' } as FigureConfig, sw.frameModels?.[i] ?? sw.models, sw.points);
    const text = caption(sw, i);
    // The figure's own scale, which --scale may have set: the frames do not read it from the config.
    return withLook({ ...frame, name: fig.name, scale: fig.scale, sweep: null, title: frame.title ? `${frame.title} (${text})` : text } as ResolvedFigure, fig);
  });
}

/** Evenly spread frame indices, first and last included. */
export function sheetIndices(frames: number, count: number): number[] {
  if (count <= 1) return [0];
  return Array.from({ length: Math.min(count, frames) }, (_, i) => Math.round((i * (frames - 1)) / (Math.min(count, frames) - 1)));
}

/** The contact sheet: selected frames side by side as panels, each captioned with its value. */
export function contactSheet(fig: ResolvedFigure): ResolvedPanels {
  const sw = fig.sweep!;
  const frames = animationFrames(fig);
  const picks = sheetIndices(frames.length, sw.sheet);
  const base = resolveFigure({ ...sw.base, format: 'png' } as FigureConfig, sw.models, sw.points);
  const panels = picks.map((i) => {
    const f = frames[i];
    if (f.kind === 'panels') throw new Error('a contact sheet needs a line, contour or diagram figure');
    return { ...f, title: caption(sw, i) } as ResolvedPlot;
  });
  // Up to 5 frames stand in one row; more wrap at 4 a row.
  const columns = panels.length <= 5 ? panels.length : 4;
  const rows = Math.ceil(panels.length / columns);
  return withLook<ResolvedPanels>({
    kind: 'panels',
    name: fig.name,
    width: Math.min(8000, Math.round(base.width * 0.5 * columns)),
    height: Math.min(8000, Math.round(base.height * 0.5 * rows + 40)),
    scale: fig.scale,
    format: 'png',
    sweep: null,
    title: base.title,
    columns,
    // With a fixed scale every frame has the same levels: one colorbar says it once.
    sharedColorbar: sw.colorScale === 'fixed' && panels.some((p) => p.kind === 'contour'),
    panels,
  }, fig);
}

/** The frames an animation draws: with a fixed colour scale (the default), on one scale for all. */
export function animationFrames(fig: ResolvedFigure): ResolvedFigure[] {
  const frames = sweepFrames(fig);
  return fig.sweep?.colorScale === 'fixed' ? fixedScale(frames) : frames;
}
