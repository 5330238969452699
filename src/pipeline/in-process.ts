/**
 * The renderer of this process: figures are drawn one at a time on this thread, and up to
 * `encodes` of them are being encoded at once on libuv's thread pool, so drawing the next figure
 * overlaps with encoding the last ones. The drawing code loads with the first figure, so a run
 * with nothing to render never loads node-canvas.
 */
import type { ResolvedFigure } from '../model/figure.js';
import type { RenderMode, RenderOutcome, Renderer } from './protocol.js';

type Drawing = typeof import('../render/figure.js');
let drawing: Promise<Drawing> | undefined;
const load = () => (drawing ??= import('../render/figure.js'));

/** Loads the drawing code and its fonts ahead of the first figure (a worker does while it waits). */
export async function preload(): Promise<void> {
  (await load()).warmUp();
}

/** What drawing one figure gives: a file's bytes, or a frame's RGBA pixels (format "rgba"). */
export type Drawn = { bytes: Buffer; format: string; width: number; height: number; alt?: string };
export type Draw = (figure: ResolvedFigure, mode: RenderMode) => Promise<Drawn>;

/** The real drawing code (render/figure.ts). */
export const draw: Draw = async (figure, mode) => {
  const d = await load();
  if (mode === 'still') return d.renderFigure(figure);
  const f = await d.renderFrame(figure);
  return { bytes: Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength), format: 'rgba', width: f.width, height: f.height };
};

/** One render, timed, with an exception turned into a failed outcome. */
export async function renderHere(figure: ResolvedFigure, mode: RenderMode, drawing: Draw = draw): Promise<RenderOutcome> {
  const t0 = performance.now();
  try {
    const r = await drawing(figure, mode);
    return { ok: true, bytes: r.bytes, format: r.format, width: r.width, height: r.height, ms: performance.now() - t0, alt: r.alt };
  } catch (err) {
    return { ok: false, message: (err as Error)?.message ?? String(err), ms: performance.now() - t0 };
  }
}

export interface InProcessOptions {
  /** Figures being encoded at once (each holds its canvas until done); default 4. */
  encodes?: number;
  /** What draws one figure (tests put a faulty one here); exceptions become failed outcomes. */
  draw?: Draw;
}

export function inProcessRenderer(opts: InProcessOptions = {}): Renderer {
  const limit = Math.max(1, opts.encodes ?? 4);
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    size: 1,
    async render(figure, mode = 'still') {
      if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      active++;
      try {
        // A turn of the event loop between two drawings: finished encodes, writes and timers
        // (the progress bar) get their turn.
        await new Promise((resolve) => setImmediate(resolve));
        return await renderHere(figure, mode, opts.draw);
      } finally {
        active--;
        waiting.shift()?.();
      }
    },
    async close() {},
  };
}
