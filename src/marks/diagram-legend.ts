/**
 * The key of a diagram's edges, in one row under it: a few |weight| values drawn at their widths,
 * then the two sign colours.
 */
import type { Item, Measure } from '../scene/scene.js';
import { LIGHT, THEME, type Palette } from '../scene/theme.js';
import { axisTicks } from '../scale/ticks.js';
import { edgeWidth, NEGATIVE, POSITIVE, type WidthScale } from './diagram-edges.js';
import { formatWeight } from './diagram-format.js';

/** Up to 3 round |weight| values in (0, scale], the largest first to last. */
export function legendWeights(scale: number): number[] {
  if (!(scale > 0)) return [];
  const nice = axisTicks(0, scale, undefined, 3).values.filter((v) => v > 0 && v <= scale * (1 + 1e-9));
  return nice.length ? nice.slice(-3) : [scale];
}

export function legendHeight(): number {
  return THEME.legendFont.size * 1.6;
}

/** The row centred at `cx`, its middle at `cy`, no wider than `maxWidth` (entries dropped from the left if it is). */
export function diagramLegend(cx: number, cy: number, maxWidth: number, scale: WidthScale, measure: Measure, palette: Palette = LIGHT): Item[] {
  const font = THEME.legendFont;
  const em = font.size;
  const handle = 2 * em;
  const gap = 0.4 * em;
  const sep = 1.2 * em;
  type Entry = { stroke: string; width: number; text: string };
  const entries: Entry[] = [
    ...legendWeights(scale.weight).map((v) => ({ stroke: palette === LIGHT ? '#555555' : palette.spine, width: edgeWidth(v, scale), text: `|w| = ${formatWeight(v)}` })),
    { stroke: POSITIVE, width: edgeWidth(scale.weight * 0.5, scale), text: 'w > 0' },
    { stroke: NEGATIVE, width: edgeWidth(scale.weight * 0.5, scale), text: 'w < 0' },
  ];
  const widthOf = (e: Entry) => handle + gap + measure(e.text, font).width;
  while (entries.length > 2 && entries.reduce((s, e) => s + widthOf(e), 0) + sep * (entries.length - 1) > maxWidth) entries.shift();
  const total = entries.reduce((s, e) => s + widthOf(e), 0) + sep * (entries.length - 1);
  let x = cx - total / 2;
  const items: Item[] = [];
  for (const e of entries) {
    items.push({ type: 'path', lines: [[x, cy, x + handle, cy]], stroke: e.stroke, lineWidth: e.width, cap: 'butt' });
    items.push({ type: 'text', x: x + handle + gap, y: cy, text: e.text, font, fill: palette.text, align: 'left', baseline: 'middle' });
    x += widthOf(e) + sep;
  }
  return items;
}
