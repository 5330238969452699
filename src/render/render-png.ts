import type { Scene } from '../layout/scene.js';
import { createRaster, encodePng, type Surface } from './canvas.js';
import { drawScene } from './draw.js';

/** A scene drawn onto a raster surface of its size × scale (the draw stage of a PNG). */
export function drawRaster(scene: Scene, scale = 1): Surface {
  const { surface, ctx } = createRaster(scene.width, scene.height, scale);
  drawScene(ctx, scene, { rasterScale: scale });
  return surface;
}

/** A scene to PNG bytes. */
export function renderPng(scene: Scene, scale = 1): Buffer {
  return encodePng(drawRaster(scene, scale));
}

/** A scene to raw RGBA pixels (for animation frames). */
export function renderRgba(scene: Scene, scale = 1): { data: Uint8ClampedArray; width: number; height: number } {
  const { surface, ctx } = createRaster(scene.width, scene.height, scale);
  drawScene(ctx, scene, { rasterScale: scale });
  return { data: ctx.getImageData(0, 0, surface.width, surface.height).data, width: surface.width, height: surface.height };
}
