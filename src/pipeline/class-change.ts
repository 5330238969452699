/**
 * For a figure that classifies the input plane, the share of that plane whose class changed
 * between two versions of the figure. Each classifier kind is a function in CLASSIFIERS: from a
 * resolved figure (as a manifest records it, so untrusted: every shape is checked) to a point's
 * class, or undefined when the figure is not of that kind. Today: a contour that draws a decision
 * boundary, of a perceptron (the two sides of a = w·x + b = 0) or of a network (the drawn neuron's
 * output at or above the threshold, or below). Classifiers of more classes (the class marks to
 * come) add a function returning the class index.
 */
import { evaluator, type Network } from '../core/network.js';
import { resolveActivation, type ActivationSpec } from '../core/activation.js';

type ClassOf = (x1: number, x2: number) => number;
type Figure = Record<string, unknown>;

/** Weights × grid points a network's classes may cost, per figure compared. */
const WORK = 50_000_000;
/** Points per side of the grid the plane is sampled on (fewer for a large network, within WORK). */
const GRID = 256;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const range = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && finite(v[0]) && finite(v[1]) && v[0] < v[1];
const numbers = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every(finite);

/** A contour of a two-input perceptron that draws its boundary. */
function perceptronSide(fig: Figure): { classOf: ClassOf; cost: number } | undefined {
  const p = fig.perceptron as { weights?: unknown; bias?: unknown } | null | undefined;
  if (!p || typeof p !== 'object' || !numbers(p.weights, 2) || !finite(p.bias)) return undefined;
  const [w1, w2] = p.weights;
  const b = p.bias;
  return { classOf: (x1, x2) => (w1 * x1 + w2 * x2 + b >= 0 ? 1 : 0), cost: 3 };
}

/** A contour of a network that draws its boundary: the drawn neuron's output against the threshold. */
function networkSide(fig: Figure): { classOf: ClassOf; cost: number } | undefined {
  const n = fig.network as { spec?: { layers?: unknown }; layer?: unknown; neuron?: unknown } | null | undefined;
  const threshold = fig.threshold;
  if (!n || typeof n !== 'object' || !finite(threshold) || !Array.isArray(n.spec?.layers)) return undefined;
  const layers: Network['layers'][number][] = [];
  let inputs = 2;
  let cost = 0;
  for (const l of n.spec.layers as unknown[]) {
    const { weights, biases, activation } = (l ?? {}) as { weights?: unknown; biases?: unknown; activation?: unknown };
    if (!Array.isArray(biases) || !numbers(biases, biases.length) || biases.length === 0) return undefined;
    if (!Array.isArray(weights) || weights.length !== biases.length || !weights.every((row) => numbers(row, inputs))) return undefined;
    cost += biases.length * inputs;
    if (cost > WORK / 1024) return undefined;
    let f;
    try {
      f = resolveActivation(activation as ActivationSpec);
    } catch {
      return undefined;
    }
    layers.push({ weights: weights as number[][], biases: biases as number[], activation: f });
    inputs = biases.length;
  }
  const layer = n.layer;
  const neuron = n.neuron;
  if (!Number.isInteger(layer) || !Number.isInteger(neuron) || (layer as number) < 0 || (layer as number) >= layers.length) return undefined;
  if ((neuron as number) < 0 || (neuron as number) >= layers[layer as number].biases.length) return undefined;
  const run = evaluator({ layers });
  const input = new Float64Array(2);
  return {
    classOf: (x1, x2) => {
      input[0] = x1;
      input[1] = x2;
      return run(input)[layer as number][neuron as number] >= threshold ? 1 : 0;
    },
    cost,
  };
}

const CLASSIFIERS: ((fig: Figure) => { classOf: ClassOf; cost: number } | undefined)[] = [perceptronSide, networkSide];

function classifier(fig: unknown): { classOf: ClassOf; cost: number } | undefined {
  if (fig === null || typeof fig !== 'object' || (fig as Figure).kind !== 'contour' || !(fig as Figure).boundary) return undefined;
  for (const c of CLASSIFIERS) {
    const found = c(fig as Figure);
    if (found) return found;
  }
  return undefined;
}

/**
 * The share (0..1) of the new figure's input plane (its x and y ranges, sampled at cell centres)
 * where the class differs, or undefined when either figure is not a classifier this knows.
 */
export function classChange(before: unknown, after: unknown): number | undefined {
  const a = classifier(before);
  const b = classifier(after);
  const fig = after as { x?: { range?: unknown }; y?: { range?: unknown } };
  const xr = fig.x?.range;
  const yr = fig.y?.range;
  if (!a || !b || !range(xr) || !range(yr)) return undefined;
  const n = Math.max(16, Math.min(GRID, Math.floor(Math.sqrt(WORK / (a.cost + b.cost)))));
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const x2 = yr[0] + ((i + 0.5) / n) * (yr[1] - yr[0]);
    for (let j = 0; j < n; j++) {
      const x1 = xr[0] + ((j + 0.5) / n) * (xr[1] - xr[0]);
      if (a.classOf(x1, x2) !== b.classOf(x1, x2)) changed++;
    }
  }
  return changed / (n * n);
}

/**
 * classChange for a figure and for each panel of a panels figure (panels matched by position):
 * `panel` is the 1-based panel number, absent for a figure that is one contour.
 */
export function classChanges(before: unknown, after: unknown): { panel?: number; share: number }[] {
  // A sweep draws many planes (its frames); the figure's own plane is not what it shows.
  const swept = (f: unknown) => !!f && typeof f === 'object' && (f as Figure).sweep != null;
  if (swept(before) || swept(after)) return [];
  const panels = (f: unknown) => (f && typeof f === 'object' && (f as Figure).kind === 'panels' && Array.isArray((f as Figure).panels) ? ((f as Figure).panels as unknown[]) : undefined);
  const pa = panels(before);
  const pb = panels(after);
  if (!pa || !pb) {
    const share = classChange(before, after);
    return share === undefined ? [] : [{ share }];
  }
  const out: { panel?: number; share: number }[] = [];
  for (let i = 0; i < Math.min(pa.length, pb.length, 64); i++) {
    const share = classChange(pa[i], pb[i]);
    if (share !== undefined) out.push({ panel: i + 1, share });
  }
  return out;
}
