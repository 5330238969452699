/**
 * Layout: resolved figure + sampled data -> Scene. Scales and ticks are chosen here; marks only turn
 * data into geometry within the rectangles they are given. A "panels" figure lays each plot out in
 * its own cell and moves it into place.
 */
import type { Ticks, ResolvedBoundary, ResolvedContourPlot, ResolvedFigure, ResolvedLinePlot, ResolvedPanels, ResolvedPlot } from '../model/figure.js';
import type { ContourData, FigureData, LineData, PlotData } from '../core/sample-figure.js';
import type { Item, Measure, Rect, Scene } from '../scene/scene.js';
import { LIGHT, PALETTES, PT, THEME, type Palette } from '../scene/theme.js';
import { outerPad, plotRect } from './dimensions.js';
import { translateItem } from './translate.js';
import { linearScale, type LinearScale } from '../scale/linear.js';
import { axisTicks } from '../scale/ticks.js';
import { formatTicks } from '../scale/format.js';
import { colormapColor, cssToBytes, rgbToCss } from '../scale/colormap.js';
import { frame, xAxis, yAxis, type AxisTicks } from '../marks/axis.js';
import { gridLines } from '../marks/grid.js';
import { title, titleHeight, wrapTitle } from '../marks/title.js';
import { lineMark, seriesLines } from '../marks/line.js';
import { jumpMarks } from '../marks/jumps.js';
import { legend } from '../marks/legend.js';
import { contourField, decisionBoundary } from '../marks/contour.js';
import { boundaryEquation, boundaryMark, clipBoundary, equationSymbol } from '../marks/boundary.js';
import { colorbar } from '../marks/colorbar.js';
import { pointMarks } from '../marks/points.js';
import { autoRange } from '../scale/auto-range.js';
import { layoutDiagram } from './layout-diagram.js';
import { dataMarks, MARKERS } from '../marks/data-points.js';
import { classLegend, type ClassLegendRow } from '../marks/class-legend.js';
import { classBoundaries } from '../marks/class-boundaries.js';
import { probabilityColorbar } from '../marks/probability-colorbar.js';
import { surfaceOf } from '../core/surface.js';

interface Size {
  width: number;
  height: number;
}

/** A laid-out plot: its items and where its plot rectangle ended up. */
interface PlotLayout {
  items: Item[];
  plot: Rect;
}

function labelled(lo: number, hi: number, spec: Ticks, count: number): AxisTicks {
  const t = axisTicks(lo, hi, spec, count);
  return { values: t.values, labels: formatTicks(t.values, t.step) };
}

export { autoRange };

function ends(t: AxisTicks): [string, string] {
  return [t.labels[0] ?? '', t.labels[t.labels.length - 1] ?? ''];
}

export function layoutLine(fig: ResolvedLinePlot, data: LineData, measure: Measure, size: Size, palette: Palette = LIGHT): PlotLayout {
  const [x0, x1] = fig.x.range;
  const [y0, y1] = fig.y.range ?? autoRange(data.yExtent);
  const xt = labelled(x0, x1, fig.x.ticks, (size.width * 0.8) / THEME.xTickSpacing);
  const yt = labelled(y0, y1, fig.y.ticks, (size.height * 0.75) / THEME.yTickSpacing);
  const pad = outerPad(size.width, size.height);
  const titleLines = wrapTitle(fig.title, size.width - 2 * pad, measure);
  const plot = plotRect(
    { ...size, titleLines, xLabel: fig.x.label, yLabel: fig.y.label, yTickLabels: yt.labels, xEndLabels: ends(xt), right: 0 },
    measure,
  );
  const x = linearScale([x0, x1], [plot.x, plot.x + plot.width]);
  const y = linearScale([y0, y1], [plot.y + plot.height, plot.y]);
  const items: Item[] = [];
  if (fig.grid) items.push(gridLines(plot, x, xt.values, y, yt.values, palette));
  data.series.forEach((s, i) => items.push(lineMark(plot, s, x, y, fig.series[i].color)));
  items.push(frame(plot, palette));
  // Jump markers sit on top of the frame: at a plot edge they must stay whole.
  const marks = data.series.map((s, i) => jumpMarks(plot, s.jumps, fig.series[i].jumps, x, y, fig.series[i].color, palette));
  items.push(...marks.flatMap((m) => m.under), ...marks.flatMap((m) => m.over));
  items.push(...pointMarks(plot, fig.points, x, y, measure));
  items.push(...xAxis(plot, x, xt, fig.x.label, measure, palette));
  items.push(...yAxis(plot, y, yt, fig.y.label, measure, 'left', palette));
  items.push(...title(plot, titleLines, size.width, pad, measure, palette));
  if (fig.legend) {
    const points = data.series.flatMap((s) => seriesLines(s, x, y));
    items.push(...legend(plot, fig.series.map((s) => ({ label: s.label, color: s.color })), points, measure, palette));
  }
  return { items, plot };
}

/**
 * Band colours as matplotlib's contourf picks them: the colormap at each band's midpoint, normalized
 * over the levels. Alpha is composited onto white in every theme: a colormap keeps its colours on a
 * dark page, so a light and a dark figure show the same surface.
 */
export function bandColors(levels: readonly number[], cmap: string, alpha: number, background = THEME.background): string[] {
  const lo = levels[0];
  const span = levels[levels.length - 1] - lo;
  const bgRgb = cssToBytes(background).map((c) => c / 255);
  const out: string[] = [];
  for (let i = 0; i + 1 < levels.length; i++) {
    const mid = (levels[i] + levels[i + 1]) / 2;
    const c = colormapColor(cmap, span > 0 ? (mid - lo) / span : 0.5);
    // Alpha is composited onto the background here, once: overlapping translucent bands would darken.
    out.push(rgbToCss([alpha * c[0] + (1 - alpha) * bgRgb[0], alpha * c[1] + (1 - alpha) * bgRgb[1], alpha * c[2] + (1 - alpha) * bgRgb[2]]));
  }
  return out;
}

function colorbarTicks(fig: ResolvedContourPlot, data: ContourData, height: number): AxisTicks {
  const levels = data.levels;
  const [lo, hi] = data.zExtent;
  // A constant surface is one band: its colorbar names the one value instead of a made-up scale.
  // (A probability view's bar always spans 1/k..1, whatever the surface's extent.)
  const constant = lo === hi && Number.isFinite(lo) && fig.view !== 'probability';
  const spec = fig.colorbar.ticks ?? (constant ? [lo] : undefined);
  return labelled(levels[0], levels[levels.length - 1], spec, (height * 0.75) / THEME.yTickSpacing);
}

/** Width of a colorbar with its ticks and label, and the gap before it. */
function colorbarSpace(fig: ResolvedContourPlot, ticks: AxisTicks, size: Size, measure: Measure) {
  const base = Math.max(12, (size.height * 0.75) / 20);
  // A probability bar has a column per class: wider, so each column still shows its colour.
  const width = fig.view === 'probability' ? base * Math.max(1, 0.6 * (fig.classes?.count ?? 2)) : base;
  const gap = 0.04 * size.width;
  const labels = Math.max(0, ...ticks.labels.map((t) => measure(t, THEME.tickFont).width));
  const total = gap + width + THEME.tickLength + THEME.tickPad + labels + (colorbarLabel(fig) ? THEME.labelPad + THEME.labelFont.size * 1.2 : 0);
  return { width, gap, total };
}

const colorbarLabel = (fig: ResolvedContourPlot) => fig.colorbar.label || (fig.view === 'probability' ? 'probability' : '');

/** Whether a contour draws a colorbar: a class view has a legend instead. */
const hasColorbar = (fig: ResolvedContourPlot, show: boolean) => show && fig.view !== 'class';

/** Room a contour's colorbar takes right of its plot (0 without one). */
function colorbarRoom(fig: ResolvedContourPlot, data: ContourData, measure: Measure, size: Size, show = fig.colorbar.show): number {
  return hasColorbar(fig, show) ? colorbarSpace(fig, colorbarTicks(fig, data, size.height), size, measure).total : 0;
}

/** `#rrggbb` composited at `alpha` onto the background (the bands' way, see bandColors). */
function over(css: string, alpha: number, background = THEME.background): string {
  const c = cssToBytes(css).map((v) => v / 255);
  const bg = cssToBytes(background).map((v) => v / 255);
  return rgbToCss([alpha * c[0] + (1 - alpha) * bg[0], alpha * c[1] + (1 - alpha) * bg[1], alpha * c[2] + (1 - alpha) * bg[2]]);
}

/**
 * A probability view's palette: for class c and band b, the class's colour mixed with white by how
 * sure the winner is, t = (p − 1/k) / (1 − 1/k) at the band's middle: white where every class is
 * equally likely, the full colour where p = 1. colors[c * bands + b].
 */
export function probabilityColors(classColors: readonly string[], levels: readonly number[], alpha: number): string[] {
  const k = classColors.length;
  const out: string[] = [];
  for (const css of classColors) {
    const c = cssToBytes(css).map((v) => v / 255);
    for (let b = 0; b + 1 < levels.length; b++) {
      const mid = (levels[b] + levels[b + 1]) / 2;
      const t = Math.min(1, Math.max(0, (mid - 1 / k) / (1 - 1 / k)));
      out.push(over(rgbToCss([1 - t + t * c[0], 1 - t + t * c[1], 1 - t + t * c[2]]), alpha));
    }
  }
  return out;
}

/** A class view's boundaries unless the config styles them: a thin solid line, as contour() draws one. */
const CLASS_BOUNDARY: ResolvedBoundary = { color: '#202020', dash: 'solid', width: 1 * PT, label: false };

const pointNote = (n: number) => (n === 0 ? '' : `${n} point${n === 1 ? '' : 's'} outside the plot, not drawn`);

/** The data markers and the legend of classes (or of the data) over a contour. */
function surfaceMarks(fig: ResolvedContourPlot, data: ContourData, plot: Rect, x: LinearScale, y: LinearScale, surfaceColors: readonly string[] | undefined, measure: Measure, palette: Palette): { marks: Item[]; legend: Item[] } {
  const classes = fig.classes;
  const d = fig.data;
  const classed = Boolean(d && d.points.classes[0] !== -1);
  const markerColors = classes ? classes.colors : ['#ffffff'];
  const dm = d ? dataMarks(plot, d.points, x, y, markerColors, data.predicted, d.highlight === 'misclassified') : undefined;
  const rows: ClassLegendRow[] = [];
  const showClasses = classes && (fig.view === 'class' || fig.view === 'probability' || classed);
  if (showClasses) {
    for (let k = 0; k < classes.count; k++) {
      rows.push({
        label: classes.names?.[k] ?? `class ${k}`,
        patch: surfaceColors?.[k],
        marker: classed ? { shape: MARKERS[k % MARKERS.length], fill: classes.colors[k] } : undefined,
      });
    }
  } else if (d) {
    rows.push({ label: 'data', marker: { shape: 'circle', fill: markerColors[0] } });
  }
  if (d?.highlight === 'misclassified' && dm) rows.push({ label: `misclassified (${dm.misclassified})`, ring: true });
  const legendItems = rows.length || dm?.outside ? classLegend(plot, rows, pointNote(dm?.outside ?? 0), dm?.positions ?? [], measure, palette) : [];
  return { marks: dm?.items ?? [], legend: legendItems };
}

/** `reserveRight`: room kept right of the plot whether or not it has a colorbar (aligned panels). */
export function layoutContour(fig: ResolvedContourPlot, data: ContourData, measure: Measure, size: Size, showColorbar = fig.colorbar.show, reserveRight = 0, palette: Palette = LIGHT): PlotLayout {
  const [x0, x1] = fig.x.range;
  const [y0, y1] = fig.y.range;
  const levels = data.levels;
  const view = fig.view ?? 'output';
  const classColors = fig.classes?.colors ?? [];
  const colors =
    view === 'class' ? classColors.map((c) => over(c, fig.alpha))
    : view === 'probability' ? probabilityColors(classColors, levels, fig.alpha)
    : bandColors(levels, fig.colormap, fig.alpha);
  const withBar = hasColorbar(fig, showColorbar);
  const xt = labelled(x0, x1, fig.x.ticks, (size.width * 0.65) / THEME.xTickSpacing);
  const yt = labelled(y0, y1, fig.y.ticks, (size.height * 0.75) / THEME.yTickSpacing);
  const ct = colorbarTicks(fig, data, size.height);
  const cb = colorbarSpace(fig, ct, size, measure);
  const pad = outerPad(size.width, size.height);
  const titleLines = wrapTitle(fig.title, size.width - 2 * pad, measure);
  const plot = plotRect(
    { ...size, titleLines, xLabel: fig.x.label, yLabel: fig.y.label, yTickLabels: yt.labels, xEndLabels: ends(xt), right: Math.max(withBar ? cb.total : 0, reserveRight) },
    measure,
  );
  const x = linearScale([x0, x1], [plot.x, plot.x + plot.width]);
  const y = linearScale([y0, y1], [plot.y + plot.height, plot.y]);
  const items: Item[] = [];
  const field = contourField(plot, data.grid, levels, colors, x, y, palette.background);
  if (data.channels && view !== 'output') field.classes = { mode: view, channels: data.channels };
  if (fig.sampling === 'pixel') field.exact = surfaceOf(fig);
  items.push(field);
  // Over filled bands the grid goes on top, as matplotlib draws it over contourf; otherwise it is hidden.
  if (fig.grid) items.push(gridLines(plot, x, xt.values, y, yt.values, palette));
  if (data.channels && (view === 'class' || fig.boundary)) {
    items.push(classBoundaries(plot, data.grid, data.channels, x, y, fig.boundary ?? CLASS_BOUNDARY));
  } else if (fig.boundary && fig.perceptron) {
    const [w1, w2] = fig.perceptron.weights;
    const b = fig.perceptron.bias;
    const names: [string, string] = [equationSymbol(fig.x.label, 'x1'), equationSymbol(fig.y.label, 'x2')];
    const avoid = fig.points.map((p): [number, number] => [x(p.at[0]), y(p.at[1])]);
    items.push(...boundaryMark(plot, clipBoundary(w1, w2, b, [x0, x1], [y0, y1]), x, y, fig.boundary, typeof fig.boundary.label === 'string' ? fig.boundary.label : boundaryEquation(w1, w2, b, names), avoid));
  } else if (fig.boundary) {
    // A network's decision boundary has no closed form: it is the contour where the output crosses the threshold.
    items.push(decisionBoundary(plot, data.grid, fig.threshold, x, y, fig.boundary));
  }
  const surface = fig.classes || fig.data ? surfaceMarks(fig, data, plot, x, y, view === 'output' ? undefined : view === 'class' ? colors : classColors, measure, palette) : undefined;
  if (surface) items.push(...surface.marks);
  items.push(...pointMarks(plot, fig.points, x, y, measure));
  items.push(frame(plot, palette));
  items.push(...xAxis(plot, x, xt, fig.x.label, measure, palette));
  items.push(...yAxis(plot, y, yt, fig.y.label, measure, 'left', palette));
  items.push(...title(plot, titleLines, size.width, pad, measure, palette));
  if (withBar) {
    const box = { x: plot.x + plot.width + cb.gap, y: plot.y, width: cb.width, height: plot.height };
    if (view === 'probability') items.push(...probabilityColorbar(box, levels, colors, fig.classes!.count, ct, colorbarLabel(fig), measure, palette));
    else items.push(...colorbar(box, levels, colors, ct, fig.colorbar.label, measure, palette));
  }
  if (surface) items.push(...surface.legend);
  return { items, plot };
}

function layoutPlot(plot: ResolvedPlot, data: PlotData, measure: Measure, size: Size, showColorbar: boolean | undefined, reserveRight: number | undefined, palette: Palette): PlotLayout {
  if (plot.kind === 'line' && data.kind === 'line') return layoutLine(plot, data, measure, size, palette);
  if (plot.kind === 'contour' && data.kind === 'contour') return layoutContour(plot, data, measure, size, showColorbar, reserveRight, palette);
  if (plot.kind === 'diagram' && data.kind === 'diagram') return layoutDiagram(plot, data, measure, size, palette);
  throw new Error(`plot kind ${plot.kind} does not match data kind ${data.kind}`);
}

/**
 * Panels in a grid of `columns`, under a shared title. With `sharedColorbar`, contour panels drop
 * their own colorbars and one bar for all of them stands at the right, spanning their plot areas.
 */
export function layoutPanels(fig: ResolvedPanels, data: PlotData[], measure: Measure, palette: Palette = LIGHT): Item[] {
  const pad = outerPad(fig.width, fig.height);
  const titleLines = wrapTitle(fig.title, fig.width - 2 * pad, measure);
  const top = titleLines.length ? pad + titleHeight(titleLines) : 0;
  const rows = Math.ceil(fig.panels.length / fig.columns);
  // A class or probability view has its own legend or probability bar: it shares no colour scale.
  const sharing = (p: ResolvedPlot) => p.kind === 'contour' && (p.view ?? 'output') === 'output';
  const firstContour = fig.panels.findIndex(sharing);
  const shared = fig.sharedColorbar && firstContour >= 0 ? (fig.panels[firstContour] as ResolvedContourPlot) : undefined;
  const sharedData = shared ? (data[firstContour] as ContourData) : undefined;
  const cellH = (fig.height - top) / rows;
  const sharedTicks = shared && sharedData ? colorbarTicks(shared, sharedData, cellH) : undefined;
  const sharedSpace = shared && sharedTicks ? colorbarSpace(shared, sharedTicks, { width: fig.width / fig.columns, height: cellH }, measure) : undefined;
  const right = sharedSpace ? sharedSpace.total + pad : 0;
  const cellW = (fig.width - right) / fig.columns;
  const items: Item[] = [];
  const plots: Rect[] = [];
  const rights: number[] = [];
  const cell = { width: cellW, height: cellH };
  // Aligned panels (a network's neurons) keep the widest colorbar's room, so every plot is as wide.
  const reserve = fig.alignColorbars && !shared
    ? Math.max(0, ...fig.panels.map((p, i) => (p.kind === 'contour' && data[i].kind === 'contour' ? colorbarRoom(p, data[i] as ContourData, measure, cell) : 0)))
    : undefined;
  fig.panels.forEach((panel, i) => {
    const cx = (i % fig.columns) * cellW;
    const cy = top + Math.floor(i / fig.columns) * cellH;
    const laid = layoutPlot(panel, data[i], measure, cell, shared && sharing(panel) ? false : undefined, reserve, palette);
    items.push(...laid.items.map((it) => translateItem(it, cx, cy)));
    if (panel.kind === 'contour') plots.push({ ...laid.plot, x: laid.plot.x + cx, y: laid.plot.y + cy });
    // A panel with a scale of its own (a probability view) has its bar in its cell: the shared one stands right of the cell.
    if (panel.kind === 'contour') rights.push(sharing(panel) ? laid.plot.x + cx + laid.plot.width : cx + cellW);
  });
  if (titleLines.length) {
    const whole = { x: 0, y: top, width: fig.width - right, height: 0 };
    items.push(...title(whole, titleLines, fig.width, pad, measure, palette));
  }
  if (shared && sharedData && sharedTicks && sharedSpace && plots.length) {
    const y0 = Math.min(...plots.map((p) => p.y));
    const y1 = Math.max(...plots.map((p) => p.y + p.height));
    const x0 = Math.max(...rights) + sharedSpace.gap;
    const colors = bandColors(sharedData.levels, shared.colormap, shared.alpha);
    items.push(...colorbar({ x: x0, y: y0, width: sharedSpace.width, height: y1 - y0 }, sharedData.levels, colors, sharedTicks, shared.colorbar.label, measure, palette));
  }
  return items;
}

/** The figure's theme, and the colour behind it: its own `background` ("transparent" or a colour), else the theme's. */
export function figurePalette(fig: ResolvedFigure): { palette: Palette; background: string } {
  const palette = PALETTES[fig.theme ?? 'light'];
  return { palette, background: fig.background ?? palette.background };
}

export function layoutFigure(fig: ResolvedFigure, data: FigureData, measure: Measure): Scene {
  const size = { width: fig.width, height: fig.height };
  let items: Item[];
  const { palette, background } = figurePalette(fig);
  if (fig.kind === 'panels' && data.kind === 'panels') items = layoutPanels(fig, data.panels, measure, palette);
  else if (fig.kind !== 'panels' && data.kind !== 'panels') items = layoutPlot(fig, data, measure, size, undefined, undefined, palette).items;
  else throw new Error(`figure kind ${fig.kind} does not match data kind ${data.kind}`);
  return { width: fig.width, height: fig.height, background, items };
}
