/**
 * One colour scale for all frames of a sweep, so a colour means the same value in every frame (and
 * an edge's width the same |weight|, a height the same y): a contour whose levels are a count gets
 * them spread over the extent of its surface in all frames, a diagram the largest |weight| of all
 * frames, a line plot without a y range the range that fits every frame. Each plot is matched with
 * the plot at the same place in the other frames (panel i with panel i). Extents are found by
 * sampling every frame once more (the budget counts that pass).
 */
import { sampleContour, sampleLine, contourLevels } from '../core/sample-figure.js';
import { autoRange } from '../scale/auto-range.js';
import { recycleGridBuffer } from '../core/grid-buffers.js';
import type { ResolvedContourPlot, ResolvedFigure, ResolvedPlot } from '../model/figure.js';
import { largestWeight } from '../core/sample-diagram.js';

const plotsOf = (f: ResolvedFigure): ResolvedPlot[] => (f.kind === 'panels' ? f.panels : [f]);

/** A contour whose colours come from levels spread over its extent (a class or probability view has a fixed scale of its own). */
const leveled = (p: ResolvedPlot): p is ResolvedContourPlot => p.kind === 'contour' && typeof p.levels === 'number' && (p.view ?? 'output') === 'output';

/** The extent of a contour's surface (NaN, NaN when it has none). */
function zExtent(plot: ResolvedContourPlot): [number, number] {
  const data = sampleContour(plot);
  recycleGridBuffer(data.grid.z as Float64Array);
  return data.zExtent;
}

/** Whether a fixed scale needs the frames sampled first: a contour with a count of levels, a line without a y range. */
export function needsScan(fig: ResolvedFigure): boolean {
  return plotsOf(fig).some((p) => leveled(p) || (p.kind === 'line' && !p.y.range));
}

export function fixedScale(frames: ResolvedFigure[]): ResolvedFigure[] {
  if (frames.length < 2) return frames;
  // Panels sharing one colorbar share one extent: all their contours, in every frame.
  const sharedSlot = (f: ResolvedFigure, i: number) => (f.kind === 'panels' && f.sharedColorbar ? -1 : i);
  const extents = new Map<number, [number, number]>();
  const weights = new Map<number, number>();
  const ys = new Map<number, [number, number]>();
  for (const f of frames) {
    plotsOf(f).forEach((p, i) => {
      if (leveled(p)) {
        const key = sharedSlot(f, i);
        const [lo, hi] = zExtent(p);
        const prev = extents.get(key) ?? [Infinity, -Infinity];
        extents.set(key, [Math.min(prev[0], lo), Math.max(prev[1], hi)]);
      } else if (p.kind === 'diagram' && p.weightScale === null) {
        weights.set(i, Math.max(weights.get(i) ?? 0, largestWeight(p.network.layers)));
      } else if (p.kind === 'line' && !p.y.range) {
        const [lo, hi] = sampleLine(p).yExtent;
        const prev = ys.get(i) ?? [Infinity, -Infinity];
        // A frame with no finite value (NaN, NaN) leaves the others' extent as it is.
        ys.set(i, [Math.min(prev[0], Number.isNaN(lo) ? Infinity : lo), Math.max(prev[1], Number.isNaN(hi) ? -Infinity : hi)]);
      }
    });
  }
  const fix = (f: ResolvedFigure, p: ResolvedPlot, i: number): ResolvedPlot => {
    if (leveled(p)) {
      const [lo, hi] = extents.get(sharedSlot(f, i)) ?? [NaN, NaN];
      // A surface constant over every frame keeps its one band around that value.
      return hi > lo ? { ...p, levels: contourLevels(p.levels, [lo, hi]) } : p;
    }
    if (p.kind === 'diagram' && p.weightScale === null) {
      const w = weights.get(i) ?? 0;
      return w > 0 ? { ...p, weightScale: w } : p;
    }
    if (p.kind === 'line' && !p.y.range) {
      const [lo, hi] = ys.get(i) ?? [Infinity, -Infinity];
      return lo <= hi ? { ...p, y: { ...p.y, range: autoRange([lo, hi]) } } : p;
    }
    return p;
  };
  return frames.map((f) => (f.kind === 'panels' ? { ...f, panels: f.panels.map((p, i) => fix(f, p, i)) } : ({ ...f, ...fix(f, f, 0) } as ResolvedFigure)));
}
