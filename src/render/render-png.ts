import type { Scene } from '../scene/scene.js';
import { encodePng } from './canvas.js';
import { drawScene } from './draw.js';
import { acquireRaster, releaseRaster, type Raster } from './raster-pool.js';

/** A scene drawn onto a raster canvas of its size × scale (the draw stage of a PNG). Release it after use. */
export function drawRaster(scene: Scene, scale = 1): Raster {
  const r = acquireRaster(scene.width, scene.height, scale);
  drawScene(r.ctx, scene, { rasterScale: scale });
  return r;
}

/** PNG bytes of a drawn canvas, which goes back to the pool (the encode stage). */
export function encodeRaster(r: Raster): Buffer {
  try {
    return encodePng(r.surface);
  } finally {
    releaseRaster(r);
  }
}

/** A scene to raw RGBA pixels (for animation frames). */
export function renderRgba(scene: Scene, scale = 1): { data: Uint8ClampedArray; width: number; height: number } {
  const r = drawRaster(scene, scale);
  try {
    const { width, height } = r.surface;
    return { data: r.ctx.getImageData(0, 0, width, height).data, width, height };
  } finally {
    releaseRaster(r);
  }
}
