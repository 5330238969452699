/**
 * One figure, config to bytes: sample -> layout -> draw -> encode. Pure apart from the canvas it
 * draws on, so a worker process can run it on a job and hand back bytes.
 */
import type { ResolvedFigure } from './config/defaults.js';
import { sampleFigure } from './core/sample-figure.js';
import { layoutFigure } from './layout/layout-figure.js';
import type { Scene } from './layout/scene.js';
import { measureText } from './render/canvas.js';
import { renderPng } from './render/render-png.js';

export type OutputFormat = 'png';

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

export function renderFigure(fig: ResolvedFigure): RenderedFigure {
  const bytes = renderPng(sceneFor(fig));
  return { bytes, format: 'png', fileName: `${fig.name}.png`, width: fig.width, height: fig.height };
}
