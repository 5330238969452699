/**
 * Axes: the frame (spines), outward ticks with labels, and the axis labels. Tick labels that would
 * overlap are thinned (every 2nd, 3rd, ... kept) so they never collide.
 */
import type { Item, Measure, Rect } from '../scene/scene.js';
import type { LinearScale } from '../scale/linear.js';
import { LIGHT, THEME, type Palette } from '../scene/theme.js';

export interface AxisTicks {
  values: number[];
  labels: string[];
}

export function frame(plot: Rect, palette: Palette = LIGHT): Item {
  return { type: 'rect', ...plot, stroke: palette.spine, lineWidth: THEME.spineWidth };
}

/** Keeps every k-th label so that neighbours are at least `gap` pixels apart. */
export function thinLabels(positions: number[], sizes: number[], gap: number): boolean[] {
  for (let k = 1; k <= positions.length; k++) {
    let ok = true;
    for (let i = k; i < positions.length && ok; i += k) {
      const room = Math.abs(positions[i] - positions[i - k]);
      if (room < (sizes[i] + sizes[i - k]) / 2 + gap) ok = false;
    }
    if (ok) return positions.map((_, i) => i % k === 0);
  }
  return positions.map((_, i) => i === 0);
}

export function xAxis(plot: Rect, x: LinearScale, ticks: AxisTicks, label: string, measure: Measure, palette: Palette = LIGHT): Item[] {
  const items: Item[] = [];
  const y0 = plot.y + plot.height;
  const font = THEME.tickFont;
  const px = ticks.values.map(x);
  const widths = ticks.labels.map((t) => measure(t, font).width);
  const keep = thinLabels(px, widths, font.size * 0.5);
  const marks: number[][] = [];
  px.forEach((p, i) => {
    marks.push([p, y0, p, y0 + THEME.tickLength]);
    if (keep[i]) {
      items.push({ type: 'text', x: p, y: y0 + THEME.tickLength + THEME.tickPad, text: ticks.labels[i], font, fill: palette.text, align: 'center', baseline: 'top' });
    }
  });
  items.unshift({ type: 'path', lines: marks, stroke: palette.spine, lineWidth: THEME.tickWidth });
  if (label) {
    const y = y0 + THEME.tickLength + THEME.tickPad + font.size + THEME.labelPad;
    items.push({ type: 'text', x: plot.x + plot.width / 2, y, text: label, font: THEME.labelFont, fill: palette.text, align: 'center', baseline: 'top' });
  }
  return items;
}

/** Height the x axis needs below the plot. */
export function xAxisHeight(label: string): number {
  const base = THEME.tickLength + THEME.tickPad + THEME.tickFont.size * 1.15;
  return label ? base + THEME.labelPad + THEME.labelFont.size * 1.15 : base;
}

/** A vertical axis on the left (side 'left') or right (side 'right', used by the colorbar) of `box`. */
export function yAxis(box: Rect, y: LinearScale, ticks: AxisTicks, label: string, measure: Measure, side: 'left' | 'right' = 'left', palette: Palette = LIGHT): Item[] {
  const items: Item[] = [];
  const font = THEME.tickFont;
  const dir = side === 'left' ? -1 : 1;
  const x0 = side === 'left' ? box.x : box.x + box.width;
  const py = ticks.values.map(y);
  const keep = thinLabels(py, ticks.labels.map(() => font.size), font.size * 0.3);
  const marks: number[][] = [];
  let widest = 0;
  py.forEach((p, i) => {
    marks.push([x0, p, x0 + dir * THEME.tickLength, p]);
    if (!keep[i]) return;
    widest = Math.max(widest, measure(ticks.labels[i], font).width);
    items.push({
      type: 'text', x: x0 + dir * (THEME.tickLength + THEME.tickPad), y: p, text: ticks.labels[i], font, fill: palette.text,
      align: side === 'left' ? 'right' : 'left', baseline: 'middle',
    });
  });
  items.unshift({ type: 'path', lines: marks, stroke: palette.spine, lineWidth: THEME.tickWidth });
  if (label) {
    const x = x0 + dir * (THEME.tickLength + THEME.tickPad + widest + THEME.labelPad);
    items.push({
      type: 'text', x, y: box.y + box.height / 2, text: label, font: THEME.labelFont, fill: palette.text,
      align: 'center', baseline: side === 'left' ? 'bottom' : 'top', angle: 90,
    });
  }
  return items;
}

/** Width a vertical axis needs beside its box. */
export function yAxisWidth(labels: string[], label: string, measure: Measure): number {
  const widest = Math.max(0, ...labels.map((t) => measure(t, THEME.tickFont).width));
  const base = THEME.tickLength + THEME.tickPad + widest;
  return label ? base + THEME.labelPad + THEME.labelFont.size * 1.2 : base;
}
