import type { Scene } from '../layout/scene.js';
import { createRaster, encodePng } from './canvas.js';
import { drawScene } from './draw.js';

/** A scene to PNG bytes. */
export function renderPng(scene: Scene, scale = 1): Buffer {
  const { surface, ctx } = createRaster(scene.width, scene.height, scale);
  drawScene(ctx, scene, { rasterScale: scale });
  return encodePng(surface);
}

/** A scene to raw RGBA pixels (for animation frames). */
export function renderRgba(scene: Scene, scale = 1): { data: Uint8ClampedArray; width: number; height: number } {
  const { surface, ctx } = createRaster(scene.width, scene.height, scale);
  drawScene(ctx, scene, { rasterScale: scale });
  return { data: ctx.getImageData(0, 0, surface.width, surface.height).data, width: surface.width, height: surface.height };
}
