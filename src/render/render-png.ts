import type { Scene } from '../layout/scene.js';
import { createRaster, encodePng } from './canvas.js';
import { drawScene } from './draw.js';

/** A scene to PNG bytes. */
export function renderPng(scene: Scene, scale = 1): Buffer {
  const { surface, ctx } = createRaster(scene.width, scene.height, scale);
  drawScene(ctx, scene);
  return encodePng(surface);
}
