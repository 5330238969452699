/**
 * One figure rendered where this code runs (this process or a pool worker), as an outcome that
 * never throws. The drawing code loads with the first figure, not when a run starts, so a run with
 * nothing to render never loads node-canvas; and still PNGs, nearly every figure, need only
 * render-png-figure.js, while the first SVG, PDF or animation loads the rest (render-figure.js).
 */
import type { ResolvedFigure } from '../model/figure.js';
import type { RenderedFigure } from '../render-png-figure.js';
import type { RenderOutcome } from './protocol.js';

export type RenderFn = (fig: ResolvedFigure) => RenderedFigure;

let png: Promise<RenderFn> | undefined;
let frame: Promise<RenderFn> | undefined;
let any: Promise<RenderFn> | undefined;

/** The function that renders `fig`, once its module is loaded. */
export function rendererFor(fig: ResolvedFigure): Promise<RenderFn> {
  if (fig.format === 'png') return (png ??= import('../render-png-figure.js').then((m) => m.renderPngFigure));
  if (fig.format === 'rgba') return (frame ??= import('../render-png-figure.js').then((m) => m.renderFramePixels));
  return (any ??= import('../render-figure.js').then((m) => m.renderFigure));
}

/** Loads the still-PNG renderer (nearly every figure is one) and its fonts ahead of the first job. */
export async function preload(): Promise<void> {
  (await import('../render-png-figure.js')).warmUp();
}

/** `render(fig)` timed, with an exception turned into a failed outcome. */
export function renderOutcome(render: RenderFn, fig: ResolvedFigure): RenderOutcome {
  const t0 = performance.now();
  try {
    const r = render(fig);
    return { ok: true, bytes: r.bytes, format: r.format, fileName: r.fileName, width: r.width, height: r.height, ms: performance.now() - t0 };
  } catch (err) {
    return { ok: false, message: (err as Error)?.message ?? String(err), ms: performance.now() - t0 };
  }
}
