/**
 * A figure's text alternative, generated from its maths: what is plotted over which ranges and what
 * a reader would see there, in English or Japanese (`lang`, or the language of the figure's own
 * text). A config's `alt` is used as it is. Pure: the same figure always gives the same words.
 */
import type { ResolvedContourPlot, ResolvedFigure, ResolvedPanels, ResolvedPlot } from '../model/figure.js';
import { caption, contactSheet, sheetIndices, sweepFrames } from '../config/sweep.js';
import { exact } from './format.js';
import { classSentence, describePlot, isClassifier } from './describe-plot.js';
import { figureLang } from './figure-lang.js';
import { WORDS, type Words } from './words.js';

/** Hidden-neuron panels described one by one up to this many; more are summed up. */
const MAX_NEURON_PANELS = 4;

const sameNetwork = (a: ResolvedContourPlot, b: ResolvedContourPlot) => {
  const p = a.network!.spec;
  const q = b.network!.spec;
  return p === q || p.layers === q.layers || (!!p.model && p.model.sha256 === q.model?.sha256 && p.layers.length === q.layers.length);
};

/** A `"neurons": true` figure: the output panel first, then one panel per hidden neuron of the same network. */
function neuronPanels(fig: ResolvedPanels): ResolvedContourPlot[] | undefined {
  const [first, ...rest] = fig.panels;
  if (!first || first.kind !== 'contour' || !first.network || rest.length === 0) return undefined;
  const last = first.network.spec.layers.length - 1;
  if (first.network.layer !== last) return undefined;
  const all = rest.every((p) => p.kind === 'contour' && p.network && p.network.layer < last && sameNetwork(first, p));
  return all ? (fig.panels as ResolvedContourPlot[]) : undefined;
}

function describePanels(fig: ResolvedPanels, w: Words): string {
  const neurons = neuronPanels(fig);
  if (neurons) {
    const [output, ...hidden] = neurons;
    const rows = Math.ceil(fig.panels.length / fig.columns);
    const parts = [w.panels(fig.panels.length, rows, fig.columns), w.panel(1, output.title, describePlot(output, w))];
    if (hidden.length <= MAX_NEURON_PANELS) parts.push(...hidden.map((p, i) => w.panel(i + 2, p.title, describePlot(p, w))));
    else {
      const perLayer = output.network!.spec.layers.slice(0, -1).map((l) => l.biases.length);
      parts.push(w.hiddenNeurons(hidden.length, perLayer));
    }
    return w.sentences(parts);
  }
  // Panels of one classifier's class probabilities: where the classes lie is said once.
  const first = fig.panels[0];
  const oneClassifier = first && isClassifier(first) && fig.panels.every((p) => isClassifier(p) && sameNetwork(first, p));
  const rows = Math.ceil(fig.panels.length / fig.columns);
  return w.sentences([
    w.panels(fig.panels.length, rows, fig.columns),
    ...(oneClassifier ? [classSentence(first as ResolvedContourPlot, w)] : []),
    ...fig.panels.map((p: ResolvedPlot, i) => w.panel(i + 1, p.title, describePlot(p, w, { classes: !oneClassifier }))),
  ]);
}

/** The figure without its title: a plot or panels, as drawn. */
function describeBody(fig: ResolvedFigure, w: Words): string {
  return fig.kind === 'panels' ? describePanels(fig, w) : describePlot(fig, w);
}

/** What a sweep changes: its frames, and the first and last of them in full. */
function describeSweep(fig: ResolvedFigure, w: Words): string {
  const sw = fig.sweep!;
  const frames = sweepFrames(fig);
  const values = sw.values;
  const named = /^\s*(.*?)\s*=\s*\{value\}\s*$/.exec(sw.label)?.[1] || sw.path.join('.');
  const last = values.length - 1;
  const first = w.frame('first', caption(sw, 0), describeBody({ ...frames[0], title: '' } as ResolvedFigure, w));
  const final = w.frame('last', caption(sw, last), describeBody({ ...frames[last], title: '' } as ResolvedFigure, w));
  // A list of strings (checkpoint files) reads by its captions when it has them.
  const shown = (i: number) => (sw.labels ? sw.labels[i] : typeof values[i] === 'string' ? (values[i] as string) : exact(values[i] as number));
  if (fig.format === 'gif' || fig.format === 'apng') {
    return w.sentences([w.animation(values.length, exact(sw.fps), named, shown(0), shown(last)), first, final]);
  }
  const picks = sheetIndices(values.length, sw.sheet);
  return w.sentences([w.contactSheet(picks.length, picks.map((i) => caption(sw, i))), first, final]);
}

/**
 * The text a file carries: the description, or, for a figure whose numbers cannot be drawn (its
 * render fails with the reason), its title, so working out the text never fails a run by itself.
 */
export function altTextOf(figure: ResolvedFigure): string {
  try {
    return describeFigure(figure);
  } catch {
    return figure.alt ?? (figure.title || figure.name);
  }
}

/** A figure's text alternative: its `alt`, or a description generated from its maths. */
export function describeFigure(figure: ResolvedFigure): string {
  if (figure.alt !== undefined) return figure.alt;
  const w = WORDS[figureLang(figure)];
  const title = figure.sweep && figure.format === 'png' ? contactSheet(figure).title : figure.title;
  const body = figure.sweep ? describeSweep(figure, w) : describeBody({ ...figure, title: '' } as ResolvedFigure, w);
  return w.titled(title, body);
}
