/**
 * One figure to bytes: sample -> layout -> draw -> encode, with the one table from output format to
 * backend. Still figures only: the pipeline turns a sweep into frames (renderFrame each) and a
 * contact sheet (a panels figure) before it asks for bytes, so nothing here knows about sweeps.
 *
 * PNG encoding runs on libuv's thread pool (node-canvas's asynchronous toBuffer): while one figure
 * is encoded, this thread samples and draws the next. The raster canvas stays taken until its
 * encode is done, then goes back to the pool for the next figure.
 */
import type { ResolvedFigure } from '../model/figure.js';
import type { Scene } from '../scene/scene.js';
import { sampleFigure } from '../core/sample-figure.js';
import { recycleGridBuffer } from '../core/grid-buffers.js';
import { layoutFigure } from '../layout/layout-figure.js';
import { encodePdf, encodePngAsync, measureText, createPdf } from './canvas.js';
import { drawScene } from './draw.js';
import { acquireRaster, releaseRaster, type Raster } from './raster-pool.js';
import { renderSvg } from './svg.js';
import { figureTexts, withPngText } from './png-text.js';
import { altTextOf as describeFigure } from '../alt/describe-figure.js';
import { figureLang } from '../alt/figure-lang.js';

/** The formats of a still figure (animations are encoded from frames by the pipeline). */
export type StillFormat = 'png' | 'svg' | 'pdf';

export interface RenderedFigure {
  bytes: Buffer;
  format: StillFormat;
  /** Size in device pixels (CSS size × scale; a PDF's in points). */
  width: number;
  height: number;
  /** The text alternative written into the file (the figure's `alt`, or one generated from its maths). */
  alt: string;
}

/** One animation frame: raw RGBA pixels, as the animation encoder takes them. */
export interface Frame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The scene a figure draws (sample and layout). */
export function sceneFor(fig: ResolvedFigure): Scene {
  return layoutFigure(fig, sampleFigure(fig), measureText);
}

/** After drawing: the scene's grids go back for the next figure; the scene must not be used again. */
function recycle(scene: Scene): void {
  for (const item of scene.items) {
    if (item.type !== 'field') continue;
    if (item.grid.z instanceof Float64Array) recycleGridBuffer(item.grid.z);
    for (const c of item.classes?.channels ?? []) if (c instanceof Float64Array) recycleGridBuffer(c);
  }
}

/** `scene` drawn on a raster canvas from the pool, of its size × `scale`; its grids go back for the next figure. */
function drawRaster(scene: Scene, scale: number): Raster {
  const raster = acquireRaster(scene.width, scene.height, scale);
  try {
    drawScene(raster.ctx, scene, { rasterScale: scale });
  } catch (err) {
    releaseRaster(raster);
    throw err;
  }
  recycle(scene);
  return raster;
}

/**
 * A drawn raster handed to `use`, then back to the pool (for a PNG, once its encode has finished).
 * It takes the raster, not the scene: an async function keeps its arguments until it returns, and
 * scenes kept alive while their PNGs encoded reached the old generation, which then grew with every
 * figure of a long run (the benchmark's memory section).
 */
async function withRaster<T>(raster: Raster, use: (raster: Raster) => T | Promise<T>): Promise<T> {
  try {
    return await use(raster);
  } finally {
    releaseRaster(raster);
  }
}

/** What a file says about itself: its title and its text alternative (the pipeline may have set `alt` already). */
export interface FileText {
  title: string;
  description: string;
  lang: string;
}

export function fileText(fig: ResolvedFigure): FileText {
  return { title: fig.title || fig.name, description: describeFigure(fig), lang: figureLang(fig) };
}

type Backend = (scene: Scene, fig: ResolvedFigure) => Promise<RenderedFigure>;

const BACKENDS: Record<StillFormat, Backend> = {
  png: (scene, fig) =>
    withRaster(drawRaster(scene, fig.scale), async ({ surface }) => {
      // A PNG's text chunks follow its pixels: its text alternative is worked out while libuv's
      // threads encode them (for a single figure, this thread would otherwise wait).
      const encoding = encodePngAsync(surface);
      let text: FileText;
      try {
        text = fileText(fig);
      } catch (err) {
        await encoding.catch(() => undefined);
        throw err;
      }
      const bytes = withPngText(await encoding, figureTexts(text.title, text.description, text.lang));
      return { bytes, format: 'png' as const, width: surface.width, height: surface.height, alt: text.description };
    }),
  // SVG scales its width/height attributes; its text stays text.
  async svg(scene, fig) {
    const text = fileText(fig);
    const bytes = Buffer.from(renderSvg(scene, fig.scale, text));
    return { bytes, format: 'svg', width: Math.round(scene.width * fig.scale), height: Math.round(scene.height * fig.scale), alt: text.description };
  },
  // PDF is in points (the CSS size); cairo keeps text as text, fonts embedded as subsets.
  async pdf(scene, fig) {
    const text = fileText(fig);
    const { surface, ctx } = createPdf(scene.width, scene.height);
    drawScene(ctx, scene, { rasterScale: 0 });
    return { bytes: encodePdf(surface, text.title, text.description), format: 'pdf', width: Math.round(scene.width), height: Math.round(scene.height), alt: text.description };
  },
};

/** A still figure (its `format` png, svg or pdf) to the bytes of its file. */
export async function renderFigure(fig: ResolvedFigure): Promise<RenderedFigure> {
  const backend = BACKENDS[fig.format as StillFormat];
  if (!backend) throw new Error(`${fig.name}: "${fig.format}" is not a still format; animations are encoded from their frames`);
  return backend(sceneFor(fig), fig);
}

/** One animation frame as raw RGBA pixels (the animation encoder's input). */
export function renderFrame(fig: ResolvedFigure): Promise<Frame> {
  return withRaster(drawRaster(sceneFor(fig), fig.scale), ({ surface, ctx }) => {
    const { width, height } = surface;
    return { data: ctx.getImageData(0, 0, width, height).data, width, height };
  });
}

/** Loads the drawing code's fonts and text layout before the first figure is timed. */
export function warmUp(): void {
  measureText('0', { family: 'sans-serif', size: 10, weight: 'normal' });
}
