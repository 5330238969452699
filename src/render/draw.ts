/**
 * Paints a Scene onto a 2-D context, item by item, in order. No layout decisions happen here.
 */
import type { AreaItem, CircleItem, Item, PathItem, RectItem, Scene, TextItem } from '../scene/scene.js';
import { cssFont, putRgba, registerFonts, type Context } from './canvas.js';
import { rasterizeField } from './raster-field.js';
import { fieldAreas } from './vector-field.js';

export interface DrawOptions {
  /** Device pixels per CSS pixel of a raster surface; 0 for a vector surface (PDF). */
  rasterScale: number;
}

/**
 * The pixels of the last contour field, reused for the next one: a new 1.2 MB buffer per 800 × 600
 * figure piled up outside the JS heap between collections and raised the RSS of a long run.
 */
let fieldMemory: ArrayBuffer | undefined;

export function drawScene(ctx: Context, scene: Scene, opts: DrawOptions): void {
  ctx.fillStyle = scene.background;
  ctx.fillRect(0, 0, scene.width, scene.height);
  for (const item of scene.items) drawItem(ctx, item, opts);
}

function drawItem(ctx: Context, item: Item, opts: DrawOptions): void {
  switch (item.type) {
    case 'field':
      if (opts.rasterScale > 0) {
        const { image, x, y } = rasterizeField(item, opts.rasterScale, fieldMemory);
        fieldMemory = image.data.buffer as ArrayBuffer;
        return putRgba(ctx, image, x, y); // copies the pixels: the memory is free again
      }
      for (const area of fieldAreas(item)) withClip(ctx, area.clip, () => drawArea(ctx, area));
      return;
    case 'rect':
      return drawRect(ctx, item);
    case 'path':
      return withClip(ctx, item.clip, () => drawPath(ctx, item));
    case 'area':
      return withClip(ctx, item.clip, () => drawArea(ctx, item));
    case 'text':
      return drawText(ctx, item);
    case 'circle':
      return drawCircle(ctx, item);
  }
}

function drawCircle(ctx: Context, c: CircleItem): void {
  ctx.beginPath();
  ctx.arc(c.x, c.y, c.r, 0, 2 * Math.PI);
  if (c.fill) {
    ctx.fillStyle = c.fill;
    ctx.fill();
  }
  if (c.stroke) {
    ctx.strokeStyle = c.stroke;
    ctx.lineWidth = c.lineWidth ?? 1;
    ctx.setLineDash([]);
    ctx.stroke();
  }
}

function withClip(ctx: Context, clip: { x: number; y: number; width: number; height: number } | undefined, body: () => void): void {
  if (!clip) return body();
  ctx.save();
  ctx.beginPath();
  ctx.rect(clip.x, clip.y, clip.width, clip.height);
  ctx.clip();
  body();
  ctx.restore();
}

function drawRect(ctx: Context, r: RectItem): void {
  if (r.fill) {
    ctx.fillStyle = r.fill;
    ctx.fillRect(r.x, r.y, r.width, r.height);
  }
  if (r.stroke) {
    ctx.strokeStyle = r.stroke;
    ctx.lineWidth = r.lineWidth ?? 1;
    ctx.setLineDash([]);
    ctx.strokeRect(r.x, r.y, r.width, r.height);
  }
}

function drawPath(ctx: Context, p: PathItem): void {
  ctx.beginPath();
  for (const line of p.lines) {
    if (line.length < 2) continue;
    ctx.moveTo(line[0], line[1]);
    for (let i = 2; i + 1 < line.length; i += 2) ctx.lineTo(line[i], line[i + 1]);
  }
  ctx.strokeStyle = p.stroke;
  ctx.lineWidth = p.lineWidth;
  ctx.lineCap = p.cap ?? 'butt';
  ctx.lineJoin = 'round';
  ctx.setLineDash(p.dash ?? []);
  ctx.stroke();
}

function drawArea(ctx: Context, a: AreaItem): void {
  ctx.beginPath();
  for (const polygon of a.polygons) {
    for (const ring of polygon) {
      ctx.moveTo(ring[0], ring[1]);
      for (let i = 2; i + 1 < ring.length; i += 2) ctx.lineTo(ring[i], ring[i + 1]);
      ctx.closePath();
    }
  }
  ctx.fillStyle = a.fill;
  ctx.fill('evenodd');
}

function drawText(ctx: Context, t: TextItem): void {
  registerFonts(t.text);
  ctx.font = cssFont(t.font);
  ctx.fillStyle = t.fill;
  ctx.textAlign = t.align;
  ctx.textBaseline = t.baseline;
  ctx.save();
  ctx.translate(t.x, t.y);
  if (t.angle) ctx.rotate((-t.angle * Math.PI) / 180);
  if (t.halo) {
    ctx.strokeStyle = t.halo;
    ctx.lineWidth = t.font.size * 0.25;
    ctx.lineJoin = 'round';
    ctx.setLineDash([]);
    // The outline is a path in every backend: a PDF draws its text as glyphs, which cairo does not stroke.
    const mode = ctx.textDrawingMode;
    ctx.textDrawingMode = 'path';
    ctx.strokeText(t.text, 0, 0);
    ctx.textDrawingMode = mode;
  }
  ctx.fillText(t.text, 0, 0);
  ctx.restore();
}
