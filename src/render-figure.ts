/**
 * One figure, config to bytes, in any format: sample -> layout -> draw -> encode. Pure apart from
 * the canvas it draws on, so a worker process can run it on a job and hand back bytes. Still PNGs
 * take the path in render-png-figure.ts, which pool workers load on its own.
 */
import type { ResolvedFigure } from './config/defaults.js';
import { renderRgba } from './render/render-png.js';
import { encodeApng, encodeGif } from './render/encode-animation.js';
import { sweepFrames } from './config/sweep.js';
import { renderSvg } from './render/svg.js';
import { renderPdf } from './render/render-pdf.js';
import { injectedFault, renderPngFigure, sceneFor, stillScene, type OutputFormat, type RenderedFigure } from './render-png-figure.js';

export { pngStages, sceneFor, type OutputFormat, type RenderedFigure } from './render-png-figure.js';

/** The file extension of a format (an APNG is a .png that browsers animate). */
export function extensionOf(format: OutputFormat): string {
  return format === 'apng' ? 'png' : format;
}

export function renderFigure(fig: ResolvedFigure): RenderedFigure {
  if (fig.format === 'png') return renderPngFigure(fig);
  injectedFault(fig);
  if (fig.sweep && (fig.format === 'gif' || fig.format === 'apng')) return renderAnimation(fig);
  const scene = stillScene(fig);
  const bytes = fig.format === 'svg' ? renderSvg(scene, fig.scale) : renderPdf(scene, fig.title || fig.name);
  // Vector formats keep the CSS size (SVG scales its width/height attributes; PDF is in points).
  const k = fig.format === 'pdf' ? 1 : fig.scale;
  return { bytes, format: fig.format, fileName: `${fig.name}.${fig.format}`, width: Math.round(scene.width * k), height: Math.round(scene.height * k) };
}

function renderAnimation(fig: ResolvedFigure): RenderedFigure {
  const frames = sweepFrames(fig).map((f) => renderRgba(sceneFor(f), fig.scale));
  const fps = fig.sweep!.fps;
  const bytes = fig.format === 'gif' ? encodeGif(frames, fps) : encodeApng(frames, fps);
  return { bytes, format: fig.format, fileName: `${fig.name}.${extensionOf(fig.format)}`, width: frames[0].width, height: frames[0].height };
}
