/**
 * What the pipeline renders for a figure of the plan: a still figure as it is, a sweep's contact
 * sheet as the panels figure it shows, and a sweep animation as its frames, each one a figure,
 * rendered by the renderer (in any process) and encoded here in order as they come. The bytes never
 * depend on where or in which order the frames were drawn.
 */
import type { ResolvedFigure } from '../model/figure.js';
import { animationFrames, contactSheet } from '../config/sweep.js';
import type { RenderOutcome, Renderer } from './protocol.js';
import { altTextOf as describeFigure } from '../alt/describe-figure.js';
import { figureLang } from '../alt/figure-lang.js';

export type OutputFormat = 'png' | 'svg' | 'pdf' | 'gif' | 'apng';

/** The file name of a figure's output: `<name>.<ext>` (an APNG is a .png that browsers animate). */
export function outputFileName(name: string, format: string): string {
  return `${name}.${format === 'apng' ? 'png' : format}`;
}

const isAnimation = (fig: ResolvedFigure) => fig.sweep !== null && (fig.format === 'gif' || fig.format === 'apng');

/** Frames drawn ahead of the encoder: enough to keep every renderer busy, few enough to hold little memory. */
const lookahead = (renderer: Renderer) => 2 * renderer.size;

async function renderAnimation(fig: ResolvedFigure, renderer: Renderer, onFrame?: () => void): Promise<RenderOutcome> {
  const t0 = performance.now();
  const { animationEncoder } = await import('../render/encode-animation.js');
  let frames: ResolvedFigure[];
  try {
    // With a fixed colour scale every frame is sampled first, which can fail as drawing would.
    frames = animationFrames(fig);
  } catch (err) {
    return { ok: false, message: (err as Error)?.message ?? String(err), ms: performance.now() - t0 };
  }
  const alt = describeFigure(fig);
  const texts = [
    { keyword: 'Title' as const, text: fig.title || fig.name, lang: figureLang(fig) },
    { keyword: 'Description' as const, text: alt, lang: figureLang(fig) },
  ];
  const encoder = animationEncoder(fig.format === 'apng' ? 'apng' : 'gif', fig.sweep!.fps, texts);
  const pending: Promise<RenderOutcome>[] = [];
  let next = 0;
  const fill = () => {
    while (next < frames.length && pending.length < lookahead(renderer)) pending.push(renderer.render(frames[next++], 'frame'));
  };
  let width = 0;
  let height = 0;
  fill();
  while (pending.length > 0) {
    const o = await pending.shift()!;
    if (!o.ok) return { ok: false, message: o.message, ms: performance.now() - t0 };
    fill();
    try {
      encoder.add({ data: new Uint8ClampedArray(o.bytes.buffer, o.bytes.byteOffset, o.bytes.byteLength), width: o.width, height: o.height });
    } catch (err) {
      return { ok: false, message: (err as Error)?.message ?? String(err), ms: performance.now() - t0 };
    }
    width = o.width;
    height = o.height;
    onFrame?.();
  }
  return { ok: true, bytes: encoder.finish(), format: fig.format, width, height, ms: performance.now() - t0, alt };
}

/** How much work a figure of the plan is: an animation's frames, else 1 (the progress bar's unit). */
export function workOf(fig: ResolvedFigure): number {
  return isAnimation(fig) ? fig.sweep!.values.length : 1;
}

/**
 * A figure of the plan to the bytes of its file and the text alternative written into it, through
 * `renderer`; `onFrame` hears of each frame of an animation.
 */
export function renderOutput(fig: ResolvedFigure, renderer: Renderer, onFrame?: () => void): Promise<RenderOutcome> {
  if (isAnimation(fig)) return renderAnimation(fig, renderer, onFrame);
  // The second output of a sweep (`<name>-sheet`, a PNG) shows some of its frames side by side.
  if (!fig.sweep) return renderer.render(fig, 'still');
  let sheet: ResolvedFigure;
  try {
    // Its text alternative is the sweep's (what changes across the frames), said once here for both.
    sheet = { ...contactSheet(fig), alt: describeFigure(fig) };
  } catch (err) {
    return Promise.resolve({ ok: false, message: (err as Error)?.message ?? String(err), ms: 0 });
  }
  return renderer.render(sheet, 'still');
}
