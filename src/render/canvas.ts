/**
 * The one module that imports node-canvas. Everything else sees plain scenes, a text measurer and
 * a drawing context typed through the re-exports below.
 */
import { createRequire } from 'node:module';
import type { Canvas as CanvasType, CanvasRenderingContext2D } from 'canvas';
import type { Font, Measure, TextSize } from '../scene/scene.js';
import { CJK_FAMILY, NEEDS_CJK, familyList, fontFiles as registeredFonts } from '../text/fonts.js';
import { useOwnFontconfig } from '../text/fontconfig-env.js';
import { sourceDate } from '../config/source-date.js';

// fontconfig must start with actiplot's own configuration (no system fonts): set it, then load
// node-canvas, in this order whatever a bundler does with import statements (they are hoisted).
useOwnFontconfig();
const canvasPkg = createRequire(import.meta.url)('canvas') as typeof import('canvas');
const { createCanvas, registerFont, Canvas, loadImage, ImageData } = canvasPkg;

export type Context = CanvasRenderingContext2D;
export type Surface = CanvasType;

let latinReady = false;
let cjkReady = false;

/**
 * Registers actiplot's fonts (src/text/fonts.ts): the Latin ones before the first canvas, the CJK
 * one only once some text needs it (a large file, that most figures never use; node-canvas takes a
 * font registered later for every font set after that).
 */
export function registerFonts(text = ''): void {
  if (!latinReady) {
    for (const f of registeredFonts()) if (f.family !== CJK_FAMILY) registerFont(f.file, { family: f.family, weight: f.weight });
    latinReady = true;
  }
  if (!cjkReady && NEEDS_CJK.test(text)) {
    for (const f of registeredFonts()) if (f.family === CJK_FAMILY) registerFont(f.file, { family: f.family, weight: f.weight });
    cjkReady = true;
  }
}

export function cssFont(f: Font): string {
  return `${f.weight} ${f.size.toFixed(3)}px ${familyList(f.family)}`;
}

let scratch: Context | undefined;

/**
 * Sizes measured so far: figures repeat the same few strings (tick labels, axis labels) in the same
 * fonts, and asking pango costs far more than a lookup. Bounded, so a long run's memory stays flat.
 */
const measured = new Map<string, TextSize>();
const MEASURED_MAX = 10_000;

/** Text size from the real font, through a small scratch canvas reused for every call. */
export const measureText: Measure = (text: string, font: Font): TextSize => {
  const css = cssFont(font);
  const key = `${css}\n${text}`;
  const known = measured.get(key);
  if (known) return known;
  registerFonts(text);
  scratch ??= createCanvas(8, 8).getContext('2d');
  scratch.font = css;
  const m = scratch.measureText(text);
  const size = { width: m.width, ascent: m.actualBoundingBoxAscent, descent: m.actualBoundingBoxDescent };
  if (measured.size >= MEASURED_MAX) measured.clear();
  measured.set(key, size);
  return size;
};

/** A raster canvas of width × height CSS pixels at `scale` device pixels each. */
export function createRaster(width: number, height: number, scale = 1): { surface: Surface; ctx: Context } {
  registerFonts();
  const surface = createCanvas(Math.round(width * scale), Math.round(height * scale));
  const ctx = surface.getContext('2d');
  ctx.scale(scale, scale);
  return { surface, ctx };
}

/** Writes RGBA pixels at device position (x, y), bypassing the transform (as putImageData does). */
export function putRgba(ctx: Context, image: { data: Uint8ClampedArray; width: number; height: number }, x: number, y: number): void {
  if (image.width === 0 || image.height === 0) return;
  ctx.putImageData(new ImageData(image.data, image.width, image.height), x, y);
}

/** A PDF canvas: one vector page of width × height points. */
export function createPdf(width: number, height: number): { surface: Surface; ctx: Context } {
  registerFonts();
  const surface = createCanvas(width, height, 'pdf');
  const ctx = surface.getContext('2d');
  // Text as text (fonts embedded as subsets: selectable, searchable, read aloud), not node-canvas's
  // default of glyph outlines.
  ctx.textDrawingMode = 'glyph';
  return { surface, ctx };
}

/**
 * The creation date written into PDFs: SOURCE_DATE_EPOCH when set (the reproducible-builds
 * convention), otherwise a fixed date, so the same config always gives the same bytes. A figure's
 * input hash records the variable itself (pipeline/hash.ts).
 */
export function pdfDate(env: NodeJS.ProcessEnv = process.env): Date {
  // Parsed (and a bad value refused, with a warning from the CLI) by config/source-date.ts.
  return sourceDate(env.SOURCE_DATE_EPOCH).date;
}

/** `subject` holds the figure's text alternative (the document information dictionary's description). */
export function encodePdf(surface: Surface, title: string, subject?: string): Buffer {
  const date = pdfDate();
  return surface.toBuffer('application/pdf', { title, ...(subject ? { subject } : {}), creator: 'actiplot', creationDate: date, modDate: date });
}

/**
 * PNG bytes with fixed encoder settings (no filters, zlib level 6): the cheapest encoding of the
 * flat-colour images we draw, and identical bytes for identical pixels. In canvas 3 the filter
 * constants are static on the class; on an instance they are undefined and silently ignored.
 */
const PNG_OPTIONS = { compressionLevel: 6 as const, filters: Canvas.PNG_FILTER_NONE };

export function encodePng(surface: Surface): Buffer {
  return surface.toBuffer('image/png', PNG_OPTIONS);
}

/** The same bytes as encodePng, encoded on libuv's thread pool while this thread goes on. */
export function encodePngAsync(surface: Surface): Promise<Buffer> {
  return new Promise((resolve, reject) => surface.toBuffer((err, bytes) => (err ? reject(err) : resolve(bytes)), 'image/png', PNG_OPTIONS));
}

/**
 * Decodes an SVG (through librsvg) or a GIF (its first frame) to PNG at its own size: how tests
 * look at output that is not PNG.
 */
export async function rasterizeImage(bytes: Buffer): Promise<Buffer> {
  registerFonts();
  const img = await loadImage(bytes);
  const surface = createCanvas(img.width, img.height);
  const ctx = surface.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return encodePng(surface);
}
