/**
 * The legend of a classifier's surface: one row per class (a square of its surface colour, with
 * the class's data marker on it when there is data), then "misclassified" and a note of points
 * outside the plot. matplotlib's legend box, in whichever corner hides the fewest data points.
 */
import type { Item, Measure, Rect } from '../scene/scene.js';
import { LIGHT, PT, THEME, type Palette } from '../scene/theme.js';
import { MARKER_RADIUS, markerRing, missRing, type MarkerShape } from './data-points.js';
import { bestCorner } from './legend-corner.js';

export interface ClassLegendRow {
  label: string;
  /** The surface's colour of the class (a square patch), if the surface shows classes. */
  patch?: string;
  /** The class's data marker, if there is data. */
  marker?: { shape: MarkerShape; fill: string };
  /** The misclassified ring. */
  ring?: boolean;
}

export function classLegend(plot: Rect, rows: ClassLegendRow[], note: string, positions: number[][], measure: Measure, palette: Palette = LIGHT): Item[] {
  if (rows.length === 0 && !note) return [];
  const font = THEME.legendFont;
  const em = font.size;
  const pad = 0.4 * em;
  const handle = 1.4 * em;
  const gap = 0.6 * em;
  const rowH = em * 1.5;
  const noteFont = { ...font, size: font.size * 0.85 };
  const textW = Math.max(0, ...rows.map((r) => measure(r.label, font).width));
  const noteW = note ? measure(note, noteFont).width : 0;
  const w = Math.max(pad * 2 + handle + gap + textW, pad * 2 + noteW);
  const h = pad * 2 + rowH * rows.length + (note ? noteFont.size * 1.4 : 0) - 0.3 * em;
  const inset = 0.5 * em;
  // Points under a corner's box, counted with the marker's reach.
  const reach = MARKER_RADIUS + 2 * PT;
  const [bx, by] = bestCorner(plot, w, h, inset, (box) => {
    let hits = 0;
    for (const line of positions) {
      for (let i = 0; i + 1 < line.length; i += 2) {
        if (line[i] >= box.x - reach && line[i] <= box.x + box.width + reach && line[i + 1] >= box.y - reach && line[i + 1] <= box.y + box.height + reach) hits++;
      }
    }
    return hits;
  });
  const items: Item[] = [{ type: 'rect', x: bx, y: by, width: w, height: h, fill: palette.legendFace, stroke: palette.legendEdge, lineWidth: THEME.spineWidth }];
  rows.forEach((r, i) => {
    const cy = by + pad + rowH * i + em * 0.6;
    const cx = bx + pad + handle / 2;
    if (r.patch) {
      const s = em * 1.0;
      items.push({ type: 'rect', x: cx - s / 2, y: cy - s / 2, width: s, height: s, fill: r.patch, stroke: '#555555', lineWidth: 0.5 * PT });
    }
    if (r.marker) {
      const ring = markerRing(r.marker.shape, cx, cy, MARKER_RADIUS);
      items.push({ type: 'area', polygons: [[ring]], fill: r.marker.fill });
      items.push({ type: 'path', lines: [[...ring, ring[0], ring[1]]], stroke: '#000000', lineWidth: 0.6 * PT });
    }
    if (r.ring) items.push(...missRing(cx, cy));
    items.push({ type: 'text', x: bx + pad + handle + gap, y: cy, text: r.label, font, fill: palette.text, align: 'left', baseline: 'middle' });
  });
  if (note) {
    items.push({ type: 'text', x: bx + pad, y: by + pad + rowH * rows.length + noteFont.size * 0.2, text: note, font: noteFont, fill: palette === LIGHT ? '#444444' : palette.text, align: 'left', baseline: 'top' });
  }
  return items;
}
