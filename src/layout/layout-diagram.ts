/**
 * Layout of a network diagram, as textbooks draw one: a column of input nodes on the left, one
 * column of neurons per layer, the outputs named on the right; edges between the columns (marks/
 * diagram-edges.ts), each neuron a circle with its activation (name or glyph) and, when there is
 * room, its bias and the values an `input` gives. A layer wider than `maxNeurons` shows its first
 * and last few neurons and "… N more" between them.
 */
import type { ResolvedDiagramPlot } from '../model/figure.js';
import { largestWeight, type DiagramData } from '../core/sample-diagram.js';
import type { Item, Measure, Rect } from '../scene/scene.js';
import { LIGHT, PT, THEME, type Palette } from '../scene/theme.js';
import { outerPad } from './dimensions.js';
import { title, titleHeight, wrapTitle } from '../marks/title.js';
import { resolveActivation } from '../core/activation.js';
import { edgeColor, edgeLabels, edgeMarks, type Edge, type WidthScale } from '../marks/diagram-edges.js';
import { formatWeight, weightedSum } from '../marks/diagram-format.js';
import { activationGlyph } from '../marks/diagram-glyph.js';
import { diagramLegend, legendHeight } from '../marks/diagram-legend.js';

interface Size {
  width: number;
  height: number;
}

/** Neurons at each end of a summarised layer. */
const ENDS = 4;
/** Columns with at most this many nodes get their bias and values written beside each neuron. */
const ANNOTATED = 8;
const MAX_RADIUS = 34;

/** A column's slots: a neuron index, or -n for the gap standing for n neurons not drawn. */
export function columnSlots(n: number, maxNeurons: number): number[] {
  if (n <= maxNeurons) return Array.from({ length: n }, (_, i) => i);
  return [...Array.from({ length: ENDS }, (_, i) => i), -(n - 2 * ENDS), ...Array.from({ length: ENDS }, (_, i) => n - ENDS + i)];
}

/** An activation's name as a neuron shows it; a classifier's last layer adds its softmax. */
export function activationName(layer: ResolvedDiagramPlot['network']['layers'][number]): string {
  const name = resolveActivation(layer.activation).name;
  if (!layer.softmax) return name;
  return name === 'identity' ? 'softmax' : `${name}, softmax`;
}

function tint(color: string, t: number): string {
  const v = parseInt(color.slice(1), 16);
  const mix = (c: number) => Math.round(255 + (c - 255) * t);
  return `rgb(${mix((v >> 16) & 255)},${mix((v >> 8) & 255)},${mix(v & 255)})`;
}

/**
 * `palette` colours what lies on the page (names, values, legend); the nodes keep their light fill
 * and dark outline in every theme, so what is written inside them stays readable.
 */
export function layoutDiagram(fig: ResolvedDiagramPlot, data: DiagramData, measure: Measure, size: Size, palette: Palette = LIGHT): { items: Item[]; plot: Rect } {
  const layers = fig.network.layers;
  const values = data.values;
  const inputs = layers[0].weights[0].length;
  const widths = [inputs, ...layers.map((l) => l.biases.length)];
  const slots = widths.map((n) => columnSlots(n, fig.maxNeurons));
  const font = THEME.labelFont;
  const small = { ...THEME.tickFont, size: 9 * PT };
  const lineH = small.size * 1.25;
  const pad = outerPad(size.width, size.height);
  const titleLines = wrapTitle(fig.title, size.width - 2 * pad, measure);
  const headers = fig.perceptron ? [] : widths.map((n, c) => (c === 0 ? `${n} input${n === 1 ? '' : 's'}` : `${n} ${activationName(layers[c - 1])}`));
  const top = pad + titleHeight(titleLines) + (headers.length ? lineH * 2 : 0);
  const equation = fig.perceptron && values ? worked(fig, values[0].a[0], values[0].out[0]) : '';
  const bottom = pad + (fig.legend ? legendHeight() + lineH * 0.5 : 0) + (equation ? lineH * 1.8 : 0);

  const inputText = (j: number) => (fig.input ? `${fig.inputLabels[j]} = ${formatWeight(fig.input[j])}` : fig.inputLabels[j]);
  const last = layers.length - 1;
  const outputText = (k: number) => (values ? `${fig.outputLabels[k]} = ${formatWeight(values[last].out[k])}` : fig.outputLabels[k]);
  const gap = 0.6 * font.size;
  const arrow = 2.2 * font.size;
  const leftW = Math.max(...slots[0].filter((s) => s >= 0).map((j) => measure(inputText(j), font).width)) + gap;
  const rightW = Math.max(...slots[last + 1].filter((s) => s >= 0).map((k) => measure(outputText(k), font).width)) + gap + arrow;
  const area: Rect = { x: pad + leftW, y: top, width: Math.max(10, size.width - 2 * pad - leftW - rightW), height: Math.max(10, size.height - top - bottom) };

  const cols = widths.length;
  const maxSlots = Math.max(...slots.map((s) => s.length));
  const spacing = area.height / maxSlots;
  const annotate = (c: number) => c > 0 && slots[c].length <= ANNOTATED;
  const notes = (fig.weightLabels ? 1 : 0) + (values ? 2 : 0);
  const anyNotes = notes > 0 && slots.some((_, c) => annotate(c));
  const colGap = area.width / Math.max(1, cols - 1);
  let r = Math.min(spacing * 0.32, colGap * 0.16, MAX_RADIUS);
  if (anyNotes) r = Math.min(r, Math.max(3, (spacing - notes * lineH - 4) / 2));
  r = Math.max(3, r);
  const colX = (c: number) => area.x + r + ((area.width - 2 * r) * c) / Math.max(1, cols - 1);
  const slotY = (c: number, s: number) => area.y + area.height / 2 + (s - (slots[c].length - 1) / 2) * spacing;
  const pos = slots.map((col, c) => new Map(col.map((idx, s) => [idx, [colX(c), slotY(c, s)] as const])));

  const scale: WidthScale = { weight: fig.weightScale ?? largestWeight(fig.network.layers), min: 0.6 * PT, max: Math.max(1.6 * PT, Math.min(7 * PT, r * 0.45)) };
  const edges: Edge[] = [];
  layers.forEach((layer, l) => {
    for (const i of slots[l + 1]) {
      if (i < 0) continue;
      const [x1, y1] = pos[l + 1].get(i)!;
      for (const j of slots[l]) {
        if (j < 0) continue;
        const [x0, y0] = pos[l].get(j)!;
        const w = layer.weights[i][j];
        const label = fig.weightLabels ? (fig.perceptron ? `w${j + 1} = ${formatWeight(w)}` : formatWeight(w)) : '';
        edges.push({ x0, y0, x1, y1, weight: w, label, at: slots[l + 1].length === 1 ? 0.45 : 0.3 });
      }
    }
  });
  const items: Item[] = [...edgeMarks(edges, scale)];

  // The outputs: an arrow from each neuron of the last layer to its name.
  const head = 0.35 * font.size;
  for (const k of slots[last + 1]) {
    if (k < 0) continue;
    const [x, y] = pos[last + 1].get(k)!;
    const x1 = x + r + arrow - gap * 0.5;
    items.push({ type: 'path', lines: [[x + r, y, x1, y], [x1 - head, y - head * 0.7, x1, y, x1 - head, y + head * 0.7]], stroke: palette.text, lineWidth: 1 * PT });
    items.push({ type: 'text', x: x1 + gap * 0.5, y, text: outputText(k), font, fill: palette.text, align: 'left', baseline: 'middle' });
  }
  items.push(...edgeLabels(edges, scale, palette.background));

  const stroke = '#333333';
  slots.forEach((col, c) => {
    col.forEach((idx, s) => {
      const x = colX(c);
      const y = slotY(c, s);
      if (idx < 0) {
        items.push({ type: 'text', x, y, text: `\u2026 ${-idx} more`, font: small, fill: palette.text, align: 'center', baseline: 'middle', halo: palette.background });
        return;
      }
      if (c === 0) {
        items.push({ type: 'circle', x, y, r, fill: '#eeeeee', stroke, lineWidth: 1.2 * PT });
        items.push({ type: 'text', x: x - r - gap, y, text: inputText(idx), font, fill: palette.text, align: 'right', baseline: 'middle' });
        return;
      }
      const layer = layers[c - 1];
      const b = layer.biases[idx];
      // The bias tints the neuron: the sign's colour, stronger for a larger |b| on the edges' scale.
      const t = scale.weight > 0 ? 0.35 * Math.min(1, Math.abs(b) / scale.weight) : 0;
      items.push({ type: 'circle', x, y, r, fill: b === 0 ? '#ffffff' : tint(edgeColor(b), t), stroke, lineWidth: 1.2 * PT });
      items.push(...activationMark(fig, layer, x, y, r, measure));
      if (!annotate(c)) return;
      if (fig.weightLabels) {
        items.push({ type: 'text', x, y: y - r - 2, text: `b = ${formatWeight(b)}`, font: small, fill: palette.text, align: 'center', baseline: 'bottom', halo: palette.background });
      }
      if (values) {
        const v = values[c - 1];
        [`a = ${formatWeight(v.a[idx])}`, `f(a) = ${formatWeight(v.out[idx])}`].forEach((text, n) => {
          items.push({ type: 'text', x, y: y + r + 2 + n * lineH, text, font: small, fill: palette.text, align: 'center', baseline: 'top', halo: palette.background });
        });
      }
    });
    if (headers.length) items.push({ type: 'text', x: colX(c), y: top - lineH * 0.8, text: headers[c], font: small, fill: palette === LIGHT ? '#444444' : palette.spine, align: 'center', baseline: 'bottom' });
  });

  items.push(...title({ x: 0, y: pad + titleHeight(titleLines), width: size.width, height: 0 }, titleLines, size.width, pad, measure, palette));
  let y = size.height - pad;
  if (fig.legend && scale.weight > 0) {
    y -= legendHeight() / 2;
    items.push(...diagramLegend(size.width / 2, y, size.width - 2 * pad, scale, measure, palette));
    y -= legendHeight() / 2 + lineH * 0.5;
  }
  if (equation) items.push({ type: 'text', x: area.x + area.width / 2, y: y - lineH * 0.4, text: equation, font, fill: palette.text, align: 'center', baseline: 'bottom' });
  return { items, plot: area };
}

/** The seed's worked example: `a = 2·1 + 3·2 − 5 = 3,  f(a) = relu(3) = 3`. */
function worked(fig: ResolvedDiagramPlot, a: number, out: number): string {
  const l = fig.network.layers[0];
  const name = resolveActivation(l.activation).name;
  return `a = ${weightedSum(l.weights[0], fig.input!, l.biases[0])} = ${formatWeight(a)},   f(a) = ${name}(${formatWeight(a)}) = ${formatWeight(out)}`;
}

/** The activation inside a neuron: its name where it fits (or when asked), else a glyph of its curve. */
function activationMark(fig: ResolvedDiagramPlot, layer: ResolvedDiagramPlot['network']['layers'][number], x: number, y: number, r: number, measure: Measure): Item[] {
  const name = activationName(layer);
  const base = { ...THEME.tickFont, size: Math.min(THEME.tickFont.size, r * 0.6) };
  const w = measure(name, base).width;
  const room = 1.7 * r;
  const fits = w <= room && base.size >= 7;
  if (fig.activations === 'glyph' || (fig.activations === 'auto' && !fits)) return activationGlyph(layer.activation, x, y, r);
  const font = fits ? base : { ...base, size: (base.size * room) / w };
  return [{ type: 'text', x, y, text: name, font, fill: THEME.text, align: 'center', baseline: 'middle' }];
}
