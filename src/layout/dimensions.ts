/**
 * Where the plot rectangle goes: margins grow to fit the title, tick labels and axis labels that
 * were measured, so nothing overlaps or leaves the image.
 */
import type { Measure, Rect } from '../scene/scene.js';
import { THEME } from '../scene/theme.js';
import { xAxisHeight, yAxisWidth } from '../marks/axis.js';
import { titleHeight } from '../marks/title.js';

export interface MarginInput {
  width: number;
  height: number;
  titleLines: string[];
  xLabel: string;
  yLabel: string;
  yTickLabels: string[];
  /** The widest x tick label at each end (they overhang the plot by half their width). */
  xEndLabels: [string, string];
  /** Room reserved right of the plot (colorbar), in pixels. */
  right: number;
}

/** Outer whitespace in pixels. */
export function outerPad(width: number, height: number): number {
  return THEME.outerPad * Math.min(width, height);
}

export function plotRect(m: MarginInput, measure: Measure): Rect {
  const pad = outerPad(m.width, m.height);
  const half = (t: string) => measure(t, THEME.tickFont).width / 2;
  const left = pad + Math.max(yAxisWidth(m.yTickLabels, m.yLabel, measure), half(m.xEndLabels[0]));
  const top = pad + Math.max(titleHeight(m.titleLines), THEME.tickFont.size / 2);
  const bottom = pad + xAxisHeight(m.xLabel);
  const right = pad + Math.max(m.right, half(m.xEndLabels[1]));
  return {
    x: Math.round(left),
    y: Math.round(top),
    width: Math.max(10, Math.round(m.width - left - right)),
    height: Math.max(10, Math.round(m.height - top - bottom)),
  };
}
