/**
 * The language of a figure's own text: Japanese when any text drawn on it (title, labels, legend,
 * captions) has kana or kanji, else English. The seed is a Japanese article, so its figures are.
 */
import type { Lang, ResolvedFigure, ResolvedPlot } from '../model/figure.js';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u3000-\u303f\uff01-\uff60]/u;

function plotTexts(p: ResolvedPlot): string[] {
  if (p.kind === 'diagram') return [p.title, ...p.inputLabels, ...p.outputLabels];
  // Read defensively: a plot kind added later may lack axes or points.
  const q = p as { title?: string; x?: { label: string }; y?: { label: string }; points?: { label: string }[] };
  const texts = [q.title ?? '', q.x?.label ?? '', q.y?.label ?? '', ...(q.points ?? []).map((pt) => pt.label)];
  if (p.kind === 'line') texts.push(...p.series.map((s) => s.label));
  else if (p.kind === 'contour') {
    texts.push(p.colorbar.label);
    if (p.boundary && typeof p.boundary.label === 'string') texts.push(p.boundary.label);
  }
  return texts;
}

/** Every text the figure draws. */
export function figureTexts(fig: ResolvedFigure): string[] {
  const texts = fig.kind === 'panels' ? [fig.title, ...fig.panels.flatMap(plotTexts)] : plotTexts(fig);
  if (fig.sweep) texts.push(fig.sweep.label, ...(fig.sweep.labels ?? []));
  return texts.filter(Boolean);
}

/** The language of one text: 'ja' when it has kana or kanji. */
export function textLang(text: string): Lang {
  return JAPANESE.test(text) ? 'ja' : 'en';
}

export function figureLang(fig: ResolvedFigure): Lang {
  return fig.lang ?? (figureTexts(fig).some((t) => JAPANESE.test(t)) ? 'ja' : 'en');
}
