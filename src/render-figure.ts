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
import { renderSvg } from './render/svg.js';
import { renderPdf } from './render/render-pdf.js';

export type OutputFormat = 'png' | 'svg' | 'pdf';

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
  const scene = sceneFor(fig);
  const format = fig.format;
  const bytes = format === 'svg' ? renderSvg(scene, fig.scale) : format === 'pdf' ? renderPdf(scene, fig.title || fig.name) : renderPng(scene, fig.scale);
  // Vector formats keep the CSS size (SVG scales its width/height attributes; PDF is in points).
  const k = format === 'pdf' ? 1 : fig.scale;
  return { bytes, format, fileName: `${fig.name}.${format}`, width: Math.round(fig.width * k), height: Math.round(fig.height * k) };
}
