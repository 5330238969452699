/**
 * One figure, config to bytes: sample -> layout -> draw -> encode. Pure apart from the canvas it
 * draws on, so a worker process can run it on a job and hand back bytes.
 */
import type { ResolvedFigure } from './config/defaults.js';
import { sampleFigure } from './core/sample-figure.js';
import { layoutFigure } from './layout/layout-figure.js';
import type { Scene } from './layout/scene.js';
import type { FigureData } from './core/sample-figure.js';
import { measureText } from './render/canvas.js';
import { drawRaster, encodeRaster, renderPng, renderRgba } from './render/render-png.js';
import type { Raster } from './render/raster-pool.js';
import { encodeApng, encodeGif } from './render/encode-animation.js';
import { contactSheet, sweepFrames } from './config/sweep.js';
import { renderSvg } from './render/svg.js';
import { renderPdf } from './render/render-pdf.js';

export type OutputFormat = 'png' | 'svg' | 'pdf' | 'gif' | 'apng';

export interface RenderedFigure {
  bytes: Buffer;
  format: OutputFormat;
  /** The file name inside the output folder: `<name>.<format>`. */
  fileName: string;
  /** Size in device pixels (CSS size × scale). */
  width: number;
  height: number;
}

export function sceneFor(fig: ResolvedFigure): Scene {
  return layoutFigure(fig, sampleFigure(fig), measureText);
}

/**
 * The stages of a still PNG figure, one function each, exactly as renderFigure runs them, so the
 * benchmark (bench/) can time each one.
 */
export const pngStages = {
  sample: (fig: ResolvedFigure): FigureData => sampleFigure(fig),
  layout: (fig: ResolvedFigure, data: FigureData): Scene => layoutFigure(fig, data, measureText),
  draw: (scene: Scene, scale: number): Raster => drawRaster(scene, scale),
  encode: (raster: Raster): Buffer => encodeRaster(raster),
};

/** The file extension of a format (an APNG is a .png that browsers animate). */
export function extensionOf(format: OutputFormat): string {
  return format === 'apng' ? 'png' : format;
}

export function renderFigure(fig: ResolvedFigure): RenderedFigure {
  // Fault injection for the tests that prove one failing figure costs nothing else (test/pipeline/confinement.test.ts).
  if (process.env.ACTIPLOT_FAULT_INJECT === fig.name) throw new Error(`injected fault while drawing ${fig.name}`);
  if (fig.sweep && (fig.format === 'gif' || fig.format === 'apng')) return renderAnimation(fig);
  // A sweep figure in PNG is its contact sheet (the planner adds it beside the animation).
  const scene = sceneFor(fig.sweep ? contactSheet(fig) : fig);
  const format = fig.format as 'png' | 'svg' | 'pdf';
  const bytes = format === 'svg' ? renderSvg(scene, fig.scale) : format === 'pdf' ? renderPdf(scene, fig.title || fig.name) : renderPng(scene, fig.scale);
  // Vector formats keep the CSS size (SVG scales its width/height attributes; PDF is in points).
  const k = format === 'pdf' ? 1 : fig.scale;
  return { bytes, format, fileName: `${fig.name}.${format}`, width: Math.round(scene.width * k), height: Math.round(scene.height * k) };
}

function renderAnimation(fig: ResolvedFigure): RenderedFigure {
  const frames = sweepFrames(fig).map((f) => renderRgba(sceneFor(f), fig.scale));
  const fps = fig.sweep!.fps;
  const bytes = fig.format === 'gif' ? encodeGif(frames, fps) : encodeApng(frames, fps);
  return { bytes, format: fig.format, fileName: `${fig.name}.${extensionOf(fig.format)}`, width: frames[0].width, height: frames[0].height };
}
