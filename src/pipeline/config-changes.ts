/**
 * What changed between two resolved figures, as lines a reviewer reads: `perceptron.bias −5 → −4`.
 * Inputs come from manifests (untrusted): depth and line count are bounded, values are shortened.
 */

const MAX_DEPTH = 64;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A number with a real minus sign; other values as short JSON. */
export function showValue(v: unknown): string {
  if (v === undefined) return '(none)';
  if (typeof v === 'number') return Object.is(v, -0) ? '0' : String(v).replace(/^-/, '\u2212');
  if (Array.isArray(v) && v.every((x) => typeof x === 'number') && v.length <= 8) return `[${v.map(showValue).join(', ')}]`;
  if (Array.isArray(v)) return `[${v.length} items]`;
  if (isObject(v)) return `{${Object.keys(v).length} keys}`;
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function join(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`;
}

/** A list of numbers by its first and last: `−5 … 5`. */
const span = (v: unknown[]) => `${showValue(v[0])} \u2026 ${showValue(v[v.length - 1])}`;

function same(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

/** Changed leaves, as `path before → after`; `limit` lines at most (then one "and N more" line). */
export function configChanges(before: unknown, after: unknown, limit = 20): string[] {
  const out: string[] = [];
  let more = 0;
  const push = (line: string) => (out.length < limit ? out.push(line) : more++);
  const walk = (a: unknown, b: unknown, at: string, depth: number): void => {
    if (same(a, b)) return;
    if (depth < MAX_DEPTH && isObject(a) && isObject(b)) {
      for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) walk(a[k], b[k], join(at, k), depth + 1);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.length > 8 && a.every((x) => typeof x === 'number') && b.every((x) => typeof x === 'number')) {
      // A long list of numbers (a sweep's values, a row of weights): a few changed items each, else one line.
      const changed = a.map((x, i) => i).filter((i) => !same(a[i], b[i]));
      if (changed.length <= 3) changed.forEach((i) => push(`${join(at, i)} ${showValue(a[i])} \u2192 ${showValue(b[i])}`));
      else push(`${at} ${changed.length} of ${a.length} numbers changed (${span(a)} \u2192 ${span(b)})`);
      return;
    }
    // Lists of the same length compare item by item; others (and short lists of numbers) as a whole.
    if (depth < MAX_DEPTH && Array.isArray(a) && Array.isArray(b) && a.length === b.length && !(a.every((x) => typeof x === 'number') && a.length <= 8)) {
      a.forEach((x, i) => walk(x, b[i], join(at, i), depth + 1));
      return;
    }
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    push(`${at || '(figure)'} ${showValue(a)} \u2192 ${showValue(b)}`);
  };
  walk(before, after, '', 0);
  if (more > 0) out.push(`and ${more} more`);
  return out;
}

/** Changes of a `{ name: sha256 }` record (a figure's model and data files, or fonts), in words; `what` names one entry's kind. */
export function digestChanges(before: Record<string, string>, after: Record<string, string>, what: string | ((name: string) => string)): string[] {
  const out: string[] = [];
  for (const k of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    if (before[k] === after[k]) continue;
    const kind = typeof what === 'string' ? what : what(k);
    if (before[k] === undefined) out.push(`${kind} ${k} added`);
    else if (after[k] === undefined) out.push(`${kind} ${k} no longer used`);
    else out.push(`${kind} ${k} changed`);
  }
  return out;
}
