import type { Scene } from '../scene/scene.js';
import { createPdf, encodePdf } from './canvas.js';
import { drawScene } from './draw.js';

/** A scene to a single-page vector PDF (cairo keeps text as text, fonts embedded as subsets). */
export function renderPdf(scene: Scene, title: string): Buffer {
  const { surface, ctx } = createPdf(scene.width, scene.height);
  drawScene(ctx, scene, { rasterScale: 0 });
  return encodePdf(surface, title);
}
