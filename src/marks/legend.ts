/**
 * A legend box like matplotlib's (frame, short line handles, labels), placed in whichever corner
 * of the plot hides the fewest data points ("best").
 */
import type { Item, Measure, Rect } from '../scene/scene.js';
import { LIGHT, THEME, type Palette } from '../scene/theme.js';
import { bestCorner } from './legend-corner.js';

export interface LegendEntry {
  label: string;
  color: string;
}

export function legend(plot: Rect, entries: LegendEntry[], dataPoints: number[][], measure: Measure, palette: Palette = LIGHT): Item[] {
  if (entries.length === 0) return [];
  const font = THEME.legendFont;
  const em = font.size;
  const pad = 0.4 * em;
  const handle = 2 * em;
  const gap = 0.8 * em;
  const rowH = em * 1.5;
  const textW = Math.max(...entries.map((e) => measure(e.label, font).width));
  const w = pad * 2 + handle + gap + textW;
  const h = pad * 2 + rowH * entries.length - 0.5 * em + 0.2 * em;
  const inset = 0.5 * em;
  const [bx, by] = bestCorner(plot, w, h, inset, (box) => countInside(box, dataPoints));
  const items: Item[] = [{ type: 'rect', x: bx, y: by, width: w, height: h, fill: palette.legendFace, stroke: palette.legendEdge, lineWidth: THEME.spineWidth }];
  entries.forEach((e, i) => {
    const cy = by + pad + rowH * i + em * 0.6;
    items.push({ type: 'path', lines: [[bx + pad, cy, bx + pad + handle, cy]], stroke: e.color, lineWidth: THEME.lineWidth });
    items.push({ type: 'text', x: bx + pad + handle + gap, y: cy, text: e.label, font, fill: palette.text, align: 'left', baseline: 'middle' });
  });
  return items;
}

/** Points of polylines (flat lists) and segments crossing the box both count as hidden. */
function countInside(box: Rect, lines: number[][]): number {
  let n = 0;
  for (const line of lines) {
    for (let i = 0; i + 1 < line.length; i += 2) {
      const px = line[i];
      const py = line[i + 1];
      if (px >= box.x && px <= box.x + box.width && py >= box.y && py <= box.y + box.height) n++;
      if (i + 3 < line.length && segmentCrosses(box, px, py, line[i + 2], line[i + 3])) n++;
    }
  }
  return n;
}

function segmentCrosses(b: Rect, x0: number, y0: number, x1: number, y1: number): boolean {
  // Sample the segment: long straight segments (ReLU's right half) must count as crossing.
  for (let t = 0.25; t < 1; t += 0.25) {
    const x = x0 + (x1 - x0) * t;
    const y = y0 + (y1 - y0) * t;
    if (x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height) return true;
  }
  return false;
}
