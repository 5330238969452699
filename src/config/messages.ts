/**
 * Config errors: one line that says where and what, in the form compilers use so editors can jump
 * to it: `configs/a.json:3:15: figures[0].perceptron.weights: expected 2 numbers for a contour, got 3`.
 */
import { closest, distance } from 'fastest-levenshtein';

export interface Location {
  line: number;
  column: number;
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly detail: string,
    readonly loc?: Location,
  ) {
    super(formatConfigError(file, path, detail, loc));
    this.name = 'ConfigError';
  }
}

/** At most `max` characters: a message quotes keys and paths from the config, which may be huge. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

export function formatConfigError(file: string, path: string, detail: string, loc?: Location): string {
  const where = loc ? `${file}:${loc.line}:${loc.column}` : file;
  const shown = clip(detail, 1000);
  return path ? `${where}: ${clip(path, 200)}: ${shown}` : `${where}: ${shown}`;
}

/** A key or path from the config, quoted for a message and shortened when long. */
export function quote(text: string): string {
  return JSON.stringify(clip(text, 60));
}

/** JSON pointer segments -> `figures[0].perceptron.weights` (what a person reads in a message). */
export function displayPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number' || /^\d+$/.test(s)) out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** A short description of a value for "got ..." (never the whole value: it may be huge). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  return String(value);
}

/** ` (did you mean "weights"?)` when a near miss is close enough to be a typo, else ''. */
export function suggest(word: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  // Two letters swapped ("rnage") is one slip, though Levenshtein counts it as two edits.
  const swapped = candidates.find((c) => isOneSwap(word.toLowerCase(), c.toLowerCase()));
  if (swapped !== undefined) return ` (did you mean "${swapped}"?)`;
  const best = closest(word, candidates as string[]);
  const d = distance(word.toLowerCase(), best.toLowerCase());
  return d <= Math.max(1, Math.floor(best.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}
