/**
 * Raster canvases reused from figure to figure. node-canvas 3.2 never gives a discarded canvas's
 * pixels back, even after GC: a new canvas per figure grew a 1,000-figure run by 1.83 MiB per
 * 800 × 600 figure (bench: memory). Setting a canvas's size is how node-canvas itself resets one:
 * it frees the surface, makes a new zeroed one and resets the context state, so a reused canvas
 * draws exactly like a new one and keeps nothing of the previous figure.
 *
 * A canvas is taken while a figure is drawn on it and encoded (an async encoding reads it on
 * another thread), then given back; the pool holds as many as were ever in use at once.
 */
import { createRaster, type Context, type Surface } from './canvas.js';

export interface Raster {
  surface: Surface;
  ctx: Context;
}

const idle: Raster[] = [];

/** A blank canvas of width × height CSS pixels at `scale`, as createRaster makes it. */
export function acquireRaster(width: number, height: number, scale = 1): Raster {
  const r = idle.pop();
  if (!r) return createRaster(width, height, scale);
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  if (r.surface.height !== h) r.surface.height = h;
  r.surface.width = w; // always: this is the reset, even at the same size
  r.ctx.scale(scale, scale);
  return r;
}

/** Gives a canvas back once nothing reads it any more. */
export function releaseRaster(r: Raster): void {
  idle.push(r);
}
