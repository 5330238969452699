/**
 * For a figure that classifies the input plane, the share of that plane whose class changed
 * between two versions of the figure. Each classifier kind adds a `classOf` below: a function from
 * a resolved figure (as a manifest records it, so untrusted) to a point's class, or undefined when
 * the figure is not of that kind. Today the kind is the perceptron contour with a decision
 * boundary (its classes are the two sides of a = w·x + b = 0); the classifier marks to come
 * (classes of a network's outputs) add theirs here.
 */

type ClassOf = (x1: number, x2: number) => number;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const range = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && finite(v[0]) && finite(v[1]) && v[0] < v[1];

/** A contour of a two-input perceptron that draws its boundary: the side of a = 0. */
function perceptronSide(fig: Record<string, unknown>): ClassOf | undefined {
  const p = fig.perceptron as { weights?: unknown; bias?: unknown } | null | undefined;
  if (fig.kind !== 'contour' || !fig.boundary || !p || typeof p !== 'object') return undefined;
  const w = p.weights;
  if (!Array.isArray(w) || w.length !== 2 || !w.every(finite) || !finite(p.bias)) return undefined;
  const [w1, w2] = w as number[];
  const b = p.bias;
  return (x1, x2) => (w1 * x1 + w2 * x2 + b >= 0 ? 1 : 0);
}

const CLASSIFIERS: ((fig: Record<string, unknown>) => ClassOf | undefined)[] = [perceptronSide];

function classOf(fig: unknown): ClassOf | undefined {
  if (fig === null || typeof fig !== 'object') return undefined;
  for (const c of CLASSIFIERS) {
    const f = c(fig as Record<string, unknown>);
    if (f) return f;
  }
  return undefined;
}

/** Points per side of the grid the plane is sampled on. */
const GRID = 256;

/**
 * The share (0..1) of the new figure's input plane (its x and y ranges, sampled at cell centres)
 * where the class differs, or undefined when either figure is not a classifier this knows.
 */
export function classChange(before: unknown, after: unknown): number | undefined {
  const a = classOf(before);
  const b = classOf(after);
  const fig = after as { x?: { range?: unknown }; y?: { range?: unknown } };
  const xr = fig.x?.range;
  const yr = fig.y?.range;
  if (!a || !b || !range(xr) || !range(yr)) return undefined;
  let changed = 0;
  for (let i = 0; i < GRID; i++) {
    const x2 = yr[0] + ((i + 0.5) / GRID) * (yr[1] - yr[0]);
    for (let j = 0; j < GRID; j++) {
      const x1 = xr[0] + ((j + 0.5) / GRID) * (xr[1] - xr[0]);
      if (a(x1, x2) !== b(x1, x2)) changed++;
    }
  }
  return changed / (GRID * GRID);
}
