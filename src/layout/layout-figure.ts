/**
 * Layout: resolved figure + sampled data -> Scene. Scales and ticks are chosen here; marks only turn
 * data into geometry within the rectangles they are given.
 */
import type { ResolvedContour, ResolvedFigure, ResolvedLine } from '../config/defaults.js';
import type { ContourData, FigureData, LineData } from '../core/sample-figure.js';
import type { Item, Measure, Scene } from './scene.js';
import { THEME } from './theme.js';
import { outerPad, plotRect } from './dimensions.js';
import { linearScale } from '../scale/linear.js';
import { axisTicks } from '../scale/ticks.js';
import { formatTicks } from '../scale/format.js';
import { colormapColor, rgbToCss } from '../scale/colormap.js';
import { frame, xAxis, yAxis, type AxisTicks } from '../marks/axis.js';
import { gridLines } from '../marks/grid.js';
import { title, wrapTitle } from '../marks/title.js';
import { lineMark, seriesLines } from '../marks/line.js';
import { legend } from '../marks/legend.js';
import { contourBands } from '../marks/contour.js';
import { boundaryMark, clipBoundary } from '../marks/boundary.js';
import { colorbar } from '../marks/colorbar.js';

function labelled(lo: number, hi: number, spec: ResolvedFigure['x']['ticks'], count: number): AxisTicks {
  const t = axisTicks(lo, hi, spec, count);
  return { values: t.values, labels: formatTicks(t.values, t.step) };
}

/** matplotlib's automatic y limits: the data extent with a 5% margin on each side. */
export function autoRange([lo, hi]: [number, number]): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-0.055, 0.055];
  if (hi === lo) {
    const pad = lo === 0 ? 0.055 : Math.abs(lo) * 0.055;
    return [lo - pad, hi + pad];
  }
  const m = (hi - lo) * 0.05;
  return [lo - m, hi + m];
}

function ends(t: AxisTicks): [string, string] {
  return [t.labels[0] ?? '', t.labels[t.labels.length - 1] ?? ''];
}

export function layoutLine(fig: ResolvedLine, data: LineData, measure: Measure): Scene {
  const [x0, x1] = fig.x.range;
  const [y0, y1] = fig.y.range ?? autoRange(data.yExtent);
  const estW = fig.width * 0.8;
  const estH = fig.height * 0.75;
  const xt = labelled(x0, x1, fig.x.ticks, estW / THEME.xTickSpacing);
  const yt = labelled(y0, y1, fig.y.ticks, estH / THEME.yTickSpacing);
  const titleLines = wrapTitle(fig.title, fig.width - 2 * outerPad(fig.width, fig.height), measure);
  const plot = plotRect(
    { width: fig.width, height: fig.height, titleLines, xLabel: fig.x.label, yLabel: fig.y.label, yTickLabels: yt.labels, xEndLabels: ends(xt), right: 0 },
    measure,
  );
  const x = linearScale([x0, x1], [plot.x, plot.x + plot.width]);
  const y = linearScale([y0, y1], [plot.y + plot.height, plot.y]);
  const items: Item[] = [];
  if (fig.grid) items.push(gridLines(plot, x, xt.values, y, yt.values));
  data.series.forEach((s, i) => items.push(lineMark(plot, s, x, y, fig.series[i].color)));
  items.push(frame(plot));
  items.push(...xAxis(plot, x, xt, fig.x.label, measure));
  items.push(...yAxis(plot, y, yt, fig.y.label, measure));
  items.push(...title(plot, titleLines, fig.width, outerPad(fig.width, fig.height), measure));
  if (fig.legend) {
    const points = data.series.flatMap((s) => seriesLines(s, x, y));
    items.push(...legend(plot, fig.series.map((s) => ({ label: s.label, color: s.color })), points, measure));
  }
  return { width: fig.width, height: fig.height, background: THEME.background, items };
}

/** Band colours as matplotlib's contourf picks them: the colormap at each band's midpoint, normalized over the levels. */
export function bandColors(levels: readonly number[], cmap: string, alpha: number, background = THEME.background): string[] {
  const lo = levels[0];
  const span = levels[levels.length - 1] - lo;
  const bg = parseInt(background.slice(1), 16);
  const bgRgb = [(bg >> 16) & 255, (bg >> 8) & 255, bg & 255].map((c) => c / 255);
  const out: string[] = [];
  for (let i = 0; i + 1 < levels.length; i++) {
    const mid = (levels[i] + levels[i + 1]) / 2;
    const c = colormapColor(cmap, span > 0 ? (mid - lo) / span : 0.5);
    // Alpha is composited onto the background here, once: overlapping translucent bands would darken.
    out.push(rgbToCss([0, 1, 2].map((k) => alpha * c[k] + (1 - alpha) * bgRgb[k]) as unknown as readonly [number, number, number]));
  }
  return out;
}

export function layoutContour(fig: ResolvedContour, data: ContourData, measure: Measure): Scene {
  const [x0, x1] = fig.x.range;
  const [y0, y1] = fig.y.range;
  const levels = data.levels;
  const colors = bandColors(levels, fig.colormap, fig.alpha);
  const estW = fig.width * 0.65;
  const estH = fig.height * 0.75;
  const xt = labelled(x0, x1, fig.x.ticks, estW / THEME.xTickSpacing);
  const yt = labelled(y0, y1, fig.y.ticks, estH / THEME.yTickSpacing);
  const ct = labelled(levels[0], levels[levels.length - 1], fig.colorbar.ticks, estH / THEME.yTickSpacing);
  const cbWidth = Math.max(12, estH / 20);
  const cbGap = 0.04 * fig.width;
  const cbAxis = fig.colorbar.show
    ? cbGap + cbWidth + THEME.tickLength + THEME.tickPad + Math.max(0, ...ct.labels.map((t) => measure(t, THEME.tickFont).width)) +
      (fig.colorbar.label ? THEME.labelPad + THEME.labelFont.size * 1.2 : 0)
    : 0;
  const titleLines = wrapTitle(fig.title, fig.width - 2 * outerPad(fig.width, fig.height), measure);
  const plot = plotRect(
    { width: fig.width, height: fig.height, titleLines, xLabel: fig.x.label, yLabel: fig.y.label, yTickLabels: yt.labels, xEndLabels: ends(xt), right: cbAxis },
    measure,
  );
  const x = linearScale([x0, x1], [plot.x, plot.x + plot.width]);
  const y = linearScale([y0, y1], [plot.y + plot.height, plot.y]);
  const items: Item[] = [];
  items.push(...contourBands(plot, data.grid, levels, colors, x, y, THEME.background, data.zExtent[1]));
  // Over filled bands the grid goes on top, as matplotlib draws it over contourf; otherwise it is hidden.
  if (fig.grid) items.push(gridLines(plot, x, xt.values, y, yt.values));
  if (fig.boundary) {
    const [w1, w2] = fig.perceptron.weights;
    items.push(...boundaryMark(plot, clipBoundary(w1, w2, fig.perceptron.bias, [x0, x1], [y0, y1]), x, y));
  }
  items.push(frame(plot));
  items.push(...xAxis(plot, x, xt, fig.x.label, measure));
  items.push(...yAxis(plot, y, yt, fig.y.label, measure));
  items.push(...title(plot, titleLines, fig.width, outerPad(fig.width, fig.height), measure));
  if (fig.colorbar.show) {
    const box = { x: plot.x + plot.width + cbGap, y: plot.y, width: cbWidth, height: plot.height };
    items.push(...colorbar(box, levels, colors, ct, fig.colorbar.label, measure));
  }
  return { width: fig.width, height: fig.height, background: THEME.background, items };
}

export function layoutFigure(fig: ResolvedFigure, data: FigureData, measure: Measure): Scene {
  if (fig.kind === 'line' && data.kind === 'line') return layoutLine(fig, data, measure);
  if (fig.kind === 'contour' && data.kind === 'contour') return layoutContour(fig, data, measure);
  throw new Error(`figure kind ${fig.kind} does not match data kind ${data.kind}`);
}
