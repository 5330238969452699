/**
 * Data points from a CSV text (a header row, then one row per point), a JSON text (a list of
 * objects) or a config's inline rows: x and y as finite numbers, the class as a whole number from 0
 * or a name from the class names. Every problem names where it is: a file's line and column, or an
 * inline row's JSON pointer (through `problem`).
 */
import { createRequire } from 'node:module';
import type { AnyNode } from '@humanwhocodes/momoa';
import { closest, distance } from 'fastest-levenshtein';
import { DataError } from './data-error.js';
import { parseCsv } from './parse-csv.js';
import { DATA_LIMITS } from './data-limits.js';

export interface PointColumns {
  x: string;
  y: string;
  /** The class column; absent: the points have no class. */
  class?: string;
  /** Class names (a class value may be one of them); else classes are whole numbers. */
  names?: readonly string[];
  /** Classes the model has: a class index must be below it. */
  classCount: number;
  /** Most points accepted. */
  maxRows: number;
}

export interface ReadPoints {
  xs: number[];
  ys: number[];
  classes: number[];
}

type Momoa = typeof import('@humanwhocodes/momoa');
let momoa: Momoa | undefined;
/** momoa (its CommonJS build, as config/load.ts loads it), only when an error needs a position. */
const parseJson = (text: string) => (momoa ??= createRequire(import.meta.url)('@humanwhocodes/momoa') as Momoa).parse(text, { mode: 'json' });

/** Where a value stands, for a message: `problem(row, key, message)` throws. */
type Problem = (row: number, key: string | undefined, message: string) => never;
type Cell = (row: number, key: string) => unknown;

const shown = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v) : v === undefined ? 'nothing' : v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v));

function suggestion(word: string, names: readonly string[]): string {
  if (names.length === 0) return '';
  const best = closest(word, [...names]);
  return distance(word, best) <= Math.max(1, Math.floor(best.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

/** A class value to its index: a whole number below classCount, or one of the names. */
function classIndex(v: unknown, cols: PointColumns, fail: (message: string) => never): number {
  const names = cols.names ?? [];
  if (typeof v === 'string') {
    const k = names.indexOf(v);
    if (k >= 0) return k;
    if (/^\s*\d+\s*$/.test(v)) return classIndex(Number(v), cols, fail);
    if (v.trim() !== '' && Number.isFinite(Number(v))) fail(`expected a class: a whole number from 0 to ${cols.classCount - 1}${names.length ? ' or a name from "classes"' : ''}, got ${shown(v)}`);
    if (names.length === 0) fail(`class ${shown(v)} is a name; give the names in "classes" (in the order of the model's outputs), or use class numbers 0 to ${cols.classCount - 1}`);
    fail(`unknown class ${shown(v)}${suggestion(v, names)}; expected one of ${names.map((n) => `"${n}"`).join(', ')} or a number 0 to ${cols.classCount - 1}`);
  }
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) {
    if (v >= cols.classCount) fail(`class ${v} does not exist: the model has ${cols.classCount} classes, 0 to ${cols.classCount - 1}`);
    return v;
  }
  return fail(`expected a class (a whole number from 0${names.length ? ' or a name from "classes"' : ''}), got ${shown(v)}`);
}

function coordinate(v: unknown, fail: (message: string) => never): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (typeof v === 'string' && Number.isNaN(n)) fail(`expected a number, got ${shown(v)}`);
  if (typeof v !== 'number' && typeof v !== 'string') fail(`expected a number, got ${shown(v)}`);
  if (!Number.isFinite(n)) fail(`expected a finite number, got ${shown(v)}`);
  return n;
}

/** The points of `rows` rows, read through `cell`. */
function collect(rows: number, cell: Cell, cols: PointColumns, problem: Problem): ReadPoints {
  if (rows === 0) problem(-1, undefined, 'no data rows (expected at least one point)');
  if (rows > cols.maxRows) problem(-1, undefined, `${rows} points; the limit is ${cols.maxRows}`);
  const xs = new Array<number>(rows);
  const ys = new Array<number>(rows);
  const classes = new Array<number>(rows).fill(-1);
  for (let i = 0; i < rows; i++) {
    xs[i] = coordinate(cell(i, cols.x), (m) => problem(i, cols.x, m));
    ys[i] = coordinate(cell(i, cols.y), (m) => problem(i, cols.y, m));
    if (cols.class !== undefined) {
      const c = cols.class;
      classes[i] = classIndex(cell(i, c), cols, (m) => problem(i, c, m));
    }
  }
  return { xs, ys, classes };
}

/** Keys a missing key may be a misspelling of: not those read for the other columns. */
const spare = (keys: readonly string[], cols: PointColumns) => keys.filter((k) => k !== cols.x && k !== cols.y && k !== cols.class);

const decoder = new TextDecoder('utf-8', { fatal: true });

function text(bytes: Uint8Array): string {
  let t: string;
  try {
    t = decoder.decode(bytes);
  } catch {
    throw new DataError('not valid UTF-8; save the file as UTF-8');
  }
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
}

export function pointsFromCsv(bytes: Uint8Array, cols: PointColumns): ReadPoints {
  const records = parseCsv(text(bytes), DATA_LIMITS.columns, cols.maxRows, true);
  if (records.length === 0) throw new DataError('the file is empty; expected a header row (the column names) and a row per point', 1, 1);
  const header = records[0].map((f) => f.text.trim());
  const index = new Map<string, number>();
  header.forEach((h, k) => {
    if (!index.has(h)) index.set(h, k);
  });
  for (const [key, what] of [[cols.x, 'x'], [cols.y, 'y'], [cols.class, 'class']] as const) {
    if (key === undefined || index.has(key)) continue;
    throw new DataError(`no column "${key}" in the header${suggestion(key, spare(header, cols))} (the columns are ${header.map((h) => `"${h}"`).join(', ')}); name the ${what} column with "data.${what}"`, 1, 1);
  }
  const body = records.slice(1);
  for (const r of body) {
    if (r.length !== header.length) throw new DataError(`a row of ${r.length} field${r.length === 1 ? '' : 's'}; the header has ${header.length}`, r[0].line, r[0].column);
  }
  return collect(body.length, (i, key) => body[i][index.get(key)!].text, cols, (i, key, message) => {
    if (i < 0) throw new DataError(message, 1, 1);
    const f = key === undefined ? body[i][0] : body[i][index.get(key)!];
    throw new DataError(`column "${key}": ${message}`, f.line, f.column);
  });
}

/** Deepest bracket nesting, counted without recursion (a `[[[[…` file must not exhaust the parser's stack). */
function nesting(t: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

export function pointsFromJson(bytes: Uint8Array, cols: PointColumns): ReadPoints {
  const t = text(bytes);
  // A list of flat objects is 2 deep; numbers or strings are all a point may hold.
  const depth = nesting(t);
  if (depth > DATA_LIMITS.nesting) throw new DataError(`JSON nested ${depth} levels deep; a data file is a list of flat objects (the limit is ${DATA_LIMITS.nesting})`, 1, 1);
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch {
    try {
      parseJson(t);
    } catch (err) {
      const e = err as { message: string; line?: number; column?: number };
      throw new DataError(`invalid JSON: ${e.message.replace(/\s*\(\d+:\d+\)\s*$/, '')}`, e.line, e.column);
    }
    throw new DataError('invalid JSON');
  }
  // Positions only for an error: momoa parses the text again then.
  const at = (pointer: (string | number)[]) => locate(parseJson(t).body, pointer);
  if (!Array.isArray(value)) {
    const where = at([]);
    throw new DataError('expected a JSON list of objects, one per point, like [{ "x1": 1, "x2": 2, "label": 0 }]', where.line, where.column);
  }
  const rows = value as unknown[];
  rows.forEach((r, i) => {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) {
      const where = at([i]);
      throw new DataError(`point ${i}: expected an object of column name to value, got ${Array.isArray(r) ? 'a list' : shown(r)}`, where.line, where.column);
    }
  });
  const get = (i: number, key: string) => (Object.hasOwn(rows[i] as object, key) ? (rows[i] as Record<string, unknown>)[key] : undefined);
  return collect(rows.length, get, cols, (i, key, message) => {
    const has = i >= 0 && key !== undefined && get(i, key) !== undefined;
    const where = at(i < 0 ? [] : has ? [i, key!] : [i]);
    const missing = i >= 0 && key !== undefined && !has ? `missing key "${key}"${suggestion(key, spare(Object.keys(rows[i] as object), cols))}` : '';
    throw new DataError(i < 0 ? message : `point ${i}: ${missing || `"${key}": ${message}`}`, where.line, where.column);
  });
}

/** Inline rows of a config; `problem` turns (row, key, message) into the config's error. */
export function pointsFromRows(rows: readonly Record<string, unknown>[], cols: PointColumns, problem: Problem): ReadPoints {
  const get = (i: number, key: string) => (Object.hasOwn(rows[i], key) ? rows[i][key] : undefined);
  return collect(rows.length, get, cols, (i, key, message) => {
    if (i >= 0 && key !== undefined && get(i, key) === undefined) problem(i, undefined, `missing key "${key}"${suggestion(key, spare(Object.keys(rows[i]), cols))}`);
    return problem(i, key, message);
  });
}

function locate(root: AnyNode, pointer: (string | number)[]): { line: number; column: number } {
  let node: AnyNode = root;
  for (const seg of pointer) {
    let next: AnyNode | undefined;
    if (node.type === 'Object') next = node.members.find((m) => m.name.type === 'String' && m.name.value === seg)?.value;
    else if (node.type === 'Array') next = node.elements[Number(seg)]?.value;
    if (!next) break;
    node = next;
  }
  return { line: node.loc.start.line, column: node.loc.start.column };
}
