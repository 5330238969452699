/**
 * A still PNG figure, config to bytes: sample -> layout -> draw -> encode, with nothing loaded that
 * a PNG does not need (the SVG, PDF and animation encoders cost a pool worker 28 ms of start-up;
 * render-figure.ts brings them when a figure asks for them).
 */
import type { ResolvedFigure } from './model/figure.js';
import { sampleFigure, type FigureData } from './core/sample-figure.js';
import { layoutFigure } from './layout/layout-figure.js';
import type { Scene } from './scene/scene.js';
import { recycleGridBuffer } from './core/grid-buffers.js';
import { measureText } from './render/canvas.js';
import { drawRaster, encodeRaster, renderRgba } from './render/render-png.js';
import type { Raster } from './render/raster-pool.js';
import { contactSheet } from './config/sweep.js';

/** 'rgba' is internal: one animation frame's raw pixels, on their way to the animation encoder. */
export type OutputFormat = 'png' | 'svg' | 'pdf' | 'gif' | 'apng' | 'rgba';

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
 * The stages of a still PNG figure, one function each, exactly as renderPngFigure runs them, so
 * the benchmark (bench/) can time each one.
 */
export const pngStages = {
  sample: (fig: ResolvedFigure): FigureData => sampleFigure(fig),
  layout: (fig: ResolvedFigure, data: FigureData): Scene => layoutFigure(fig, data, measureText),
  draw: (scene: Scene, scale: number): Raster => drawRaster(scene, scale),
  /** After drawing: the scene's grids go back for the next figure (core/grid-buffers.ts); `scene` must not be used again. */
  done: (scene: Scene): void => {
    for (const item of scene.items) if (item.type === 'field' && item.grid.z instanceof Float64Array) recycleGridBuffer(item.grid.z);
  },
  encode: (raster: Raster): Buffer => encodeRaster(raster),
};

/** The scene a figure shows: itself, or for a sweep in PNG its contact sheet (beside the animation). */
export function stillScene(fig: ResolvedFigure): Scene {
  return sceneFor(fig.sweep ? contactSheet(fig) : fig);
}

/**
 * Loads what the first figure would otherwise load while it is timed: the fonts, and the text
 * layout behind them (a pool worker calls this while it waits for its first job).
 */
export function warmUp(): void {
  measureText('0', { family: 'sans-serif', size: 10, weight: 'normal' });
}

/** Fault injection for the tests that prove one failing figure costs nothing else (test/pipeline/confinement.test.ts). */
export function injectedFault(fig: ResolvedFigure): void {
  if (process.env.ACTIPLOT_FAULT_INJECT === fig.name) throw new Error(`injected fault while drawing ${fig.name}`);
}

/** A figure whose format is "png" (a still, or a sweep's contact sheet) to its file. */
export function renderPngFigure(fig: ResolvedFigure): RenderedFigure {
  injectedFault(fig);
  const scene = stillScene(fig);
  const raster = pngStages.draw(scene, fig.scale);
  pngStages.done(scene);
  const bytes = pngStages.encode(raster);
  return { bytes, format: 'png', fileName: `${fig.name}.png`, width: Math.round(scene.width * fig.scale), height: Math.round(scene.height * fig.scale) };
}

/**
 * One frame of a sweep as raw RGBA pixels (format "rgba"): a pool worker draws frames like any
 * figure, and the process writing the animation encodes them in order (see encodeAnimation).
 */
export function renderFramePixels(fig: ResolvedFigure): RenderedFigure {
  injectedFault(fig);
  const scene = sceneFor(fig);
  const { data, width, height } = renderRgba(scene, fig.scale);
  pngStages.done(scene);
  return { bytes: Buffer.from(data.buffer, data.byteOffset, data.byteLength), format: 'rgba', fileName: '', width, height };
}
