/**
 * The model files (and data files) a resolved figure draws, with their sha256: recorded in the manifest so `check`
 * can say "the model file ... changed" rather than "the config changed".
 */
import type { ResolvedFigure, ResolvedPlot } from '../model/figure.js';

export function figureModelFiles(fig: ResolvedFigure): Record<string, string> {
  const out: Record<string, string> = {};
  const plots: ResolvedPlot[] = fig.kind === 'panels' ? fig.panels : [fig];
  for (const p of plots) {
    const specs = p.kind === 'contour' ? [p.network?.spec] : p.kind === 'diagram' ? [p.network] : p.series.map((s) => s.network);
    for (const s of specs) if (s?.model) out[s.model.file] = s.model.sha256;
    // Data files are inputs like model files: a changed one is named the same way.
    const data = p.kind === 'contour' ? p.data?.points.source : undefined;
    if (data) out[data.file] = data.sha256;
  }
  for (const d of Object.values(fig.sweep?.points ?? {})) if (d.source) out[d.source.file] = d.source.sha256;
  for (const m of Object.values(fig.sweep?.models ?? {})) out[m.file] = m.sha256;
  for (const frame of fig.sweep?.frameModels ?? []) for (const m of Object.values(frame)) out[m.file] = m.sha256;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
