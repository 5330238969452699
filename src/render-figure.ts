/**
 * One figure, config to bytes, in any format: sample -> layout -> draw -> encode. Pure apart from
 * the canvas it draws on, so a worker process can run it on a job and hand back bytes. Still PNGs
 * take the path in render-png-figure.ts, which pool workers load on its own.
 */
import type { ResolvedFigure } from './model/figure.js';
import { encodeApng, encodeGif, type Frame } from './render/encode-animation.js';
import { sweepFrames } from './config/sweep.js';
import { renderSvg } from './render/svg.js';
import { renderPdf } from './render/render-pdf.js';
import { injectedFault, renderFramePixels, renderPngFigure, stillScene, type OutputFormat, type RenderedFigure } from './render-png-figure.js';

export { pngStages, sceneFor, type OutputFormat, type RenderedFigure } from './render-png-figure.js';

/** The file extension of a format (an APNG is a .png that browsers animate). */
export function extensionOf(format: OutputFormat): string {
  return format === 'apng' ? 'png' : format;
}

export function renderFigure(fig: ResolvedFigure): RenderedFigure {
  if (fig.format === 'png') return renderPngFigure(fig);
  if (fig.format === 'rgba') return renderFramePixels(fig);
  injectedFault(fig);
  if (fig.sweep && (fig.format === 'gif' || fig.format === 'apng')) return renderAnimation(fig);
  const scene = stillScene(fig);
  const format = fig.format === 'svg' ? 'svg' : 'pdf';
  const bytes = format === 'svg' ? renderSvg(scene, fig.scale) : renderPdf(scene, fig.title || fig.name);
  // Vector formats keep the CSS size (SVG scales its width/height attributes; PDF is in points).
  const k = format === 'pdf' ? 1 : fig.scale;
  return { bytes, format, fileName: `${fig.name}.${format}`, width: Math.round(scene.width * k), height: Math.round(scene.height * k) };
}

/** The frames of a sweep animation, each a figure to render as raw pixels (in any process). */
export function frameJobs(fig: ResolvedFigure): ResolvedFigure[] {
  return sweepFrames(fig).map((f) => ({ ...f, format: 'rgba' as const }));
}

/**
 * A sweep's frames, in order, to its GIF or APNG. The one encoder for in-process renders and for
 * frames drawn by pool workers, so both give the same bytes.
 */
export function encodeAnimation(fig: ResolvedFigure, frames: readonly Frame[]): RenderedFigure {
  const fps = fig.sweep!.fps;
  const format = fig.format === 'apng' ? 'apng' : 'gif';
  const bytes = format === 'gif' ? encodeGif(frames, fps) : encodeApng(frames, fps);
  return { bytes, format, fileName: `${fig.name}.${extensionOf(format)}`, width: frames[0].width, height: frames[0].height };
}

function renderAnimation(fig: ResolvedFigure): RenderedFigure {
  return encodeAnimation(fig, frameJobs(fig).map((f) => pixelsOf(renderFramePixels(f))));
}

/** A rendered "rgba" frame as the encoder's input. */
export function pixelsOf(r: { bytes: Uint8Array; width: number; height: number }): Frame {
  return { data: new Uint8ClampedArray(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength), width: r.width, height: r.height };
}
