/**
 * The one module that imports node-canvas. Everything else sees plain scenes, a text measurer and
 * a drawing context typed through the re-exports below.
 */
// First: fontconfig must start with actiplot's own configuration (no system fonts).
import '../text/fontconfig-env.js';
import canvasPkg from 'canvas';
import type { Canvas as CanvasType, CanvasRenderingContext2D } from 'canvas';
import type { Font, Measure, TextSize } from '../layout/scene.js';
import { familyList, fontFiles as registeredFonts } from '../text/fonts.js';
import { pdfDate } from './pdf-date.js';

export { pdfDate };

const { createCanvas, registerFont, Canvas, loadImage, ImageData } = canvasPkg;

export type Context = CanvasRenderingContext2D;
export type Surface = CanvasType;

let fontsReady = false;

/** Registers actiplot's fonts (src/text/fonts.ts), the only ones fontconfig knows. Must run before any canvas exists. */
export function registerFonts(): void {
  if (fontsReady) return;
  for (const f of registeredFonts()) registerFont(f.file, { family: f.family, weight: f.weight });
  fontsReady = true;
}

export function cssFont(f: Font): string {
  return `${f.weight} ${f.size.toFixed(3)}px ${familyList(f.family)}`;
}

let scratch: Context | undefined;

/** Text size from the real font, through a small scratch canvas reused for every call. */
export const measureText: Measure = (text: string, font: Font): TextSize => {
  registerFonts();
  scratch ??= createCanvas(8, 8).getContext('2d');
  scratch.font = cssFont(font);
  const m = scratch.measureText(text);
  return { width: m.width, ascent: m.actualBoundingBoxAscent, descent: m.actualBoundingBoxDescent };
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
  return { surface, ctx: surface.getContext('2d') };
}

export function encodePdf(surface: Surface, title: string): Buffer {
  const date = pdfDate();
  return surface.toBuffer('application/pdf', { title, creator: 'actiplot', creationDate: date, modDate: date });
}

/**
 * PNG bytes with fixed encoder settings (no filters, zlib level 6): the cheapest encoding of the
 * flat-colour images we draw, and identical bytes for identical pixels. In canvas 3 the filter
 * constants are static on the class; on an instance they are undefined and silently ignored.
 */
export function encodePng(surface: Surface): Buffer {
  return surface.toBuffer('image/png', { compressionLevel: 6, filters: Canvas.PNG_FILTER_NONE });
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
