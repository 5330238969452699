/**
 * What a sweep `path` names, decided by the figure's schema rather than by looking at the value:
 * the key must be one the schema declares at that place (an index of a list that exists, or a key
 * of an object that exists), never a prototype key, and the schema must take a number there.
 *
 * The schema is asked through its validator: the leaf is replaced by a probe no schema accepts,
 * and the errors at exactly that place say what the schema expects there (`type` errors name the
 * types, `enum` errors the strings); an "unknown key" error at the parent says it is no key at all.
 * A sweep of strings (`values`) can use the same answer: `accepts` holds every type found.
 */
import type { ErrorObject } from 'ajv';
import { isForbiddenKey, setPath } from './set-path.js';

export interface SweepTarget {
  /** JSON types the schema takes at the path ("number", "integer", "string", ...). */
  accepts: Set<string>;
  /** The strings an enum there allows, when it is one. */
  choices?: string[];
  /** The subschemas that take a number there (each alternative of a union), for `numberFits`. */
  numberSchemas: Record<string, unknown>[];
}

/** Keywords that only document: they never reject a value. */
const ANNOTATIONS = new Set(['description', 'title', '$comment', 'default', 'examples']);

/**
 * Whether `v` satisfies one of the number subschemas, decided without the whole-figure validator;
 * undefined when a subschema uses a keyword this does not know (then validate the whole figure).
 */
export function numberFits(target: SweepTarget, v: number): boolean | undefined {
  let known = true;
  for (const s of target.numberSchemas) {
    let ok = true;
    for (const [k, x] of Object.entries(s)) {
      if (ANNOTATIONS.has(k)) continue;
      const n = x as number;
      if (k === 'type') ok &&= x === 'number' || (x === 'integer' && Number.isInteger(v));
      else if (k === 'minimum') ok &&= v >= n;
      else if (k === 'maximum') ok &&= v <= n;
      else if (k === 'exclusiveMinimum') ok &&= v > n;
      else if (k === 'exclusiveMaximum') ok &&= v < n;
      else known = false;
    }
    if (ok && known) return true;
  }
  return known ? false : undefined;
}

/** `perceptron.weights.0` -> ['perceptron', 'weights', 0]. */
export function sweepPath(path: string): (string | number)[] {
  return path.split('.').map((seg) => (/^(0|[1-9]\d{0,8})$/.test(seg) ? Number(seg) : seg));
}

const PROBE = Symbol('sweep-probe');

const escape = (k: string | number) => String(k).replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The target of `path` in `figure` (a figure that passed its schema), or a phrase saying why the
 * path names nothing the figure can vary. `validate` runs the schema and returns its errors.
 */
export function sweepTarget(figure: object, path: readonly (string | number)[], validate: (value: unknown) => ErrorObject[]): SweepTarget | string {
  const shown = path.join('.');
  if (path.some((s) => s === '')) return `"${shown}" has an empty segment`;
  const bad = path.find(isForbiddenKey);
  if (bad !== undefined) return `"${bad}" is not a config key`;
  if (path[0] === 'sweep') return 'a sweep cannot vary its own settings';
  // Every container on the way must be there: a sweep varies a value, it does not build objects.
  let node: unknown = figure;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i];
    const at = path.slice(0, i + 1).join('.');
    if (!has(node, seg)) return missing(node, seg, at);
    node = (node as Record<string | number, unknown>)[seg];
    if (node === null || typeof node !== 'object') return `${at} is ${kind(node)}, with nothing inside to vary`;
  }
  const last = path[path.length - 1];
  if (Array.isArray(node) && !has(node, last)) return missing(node, last, shown);
  const pointer = '/' + path.map(escape).join('/');
  const parent = path.length > 1 ? '/' + path.slice(0, -1).map(escape).join('/') : '';
  const errors = validate(setPath(figure, path, PROBE));
  const here = errors.filter((e) => e.instancePath === pointer);
  const unknown = errors.some((e) => e.keyword === 'additionalProperties' && e.instancePath === parent && (e.params as { additionalProperty?: string }).additionalProperty === String(last));
  if (unknown || here.length === 0) return `"${String(last)}" is not a key the figure's schema has${path.length > 1 ? ` in ${path.slice(0, -1).join('.')}` : ''}`;
  const accepts = new Set<string>();
  let choices: string[] | undefined;
  const numberSchemas: Record<string, unknown>[] = [];
  for (const e of here) {
    const p = e.params as { type?: string | string[]; allowedValues?: string[] };
    if (e.keyword === 'type') {
      const types = [p.type ?? []].flat();
      for (const t of types) accepts.add(t);
      if ((types.includes('number') || types.includes('integer')) && e.parentSchema) numberSchemas.push(e.parentSchema as Record<string, unknown>);
    }
    if (e.keyword === 'enum' && Array.isArray(p.allowedValues)) {
      accepts.add('string');
      choices = [...(choices ?? []), ...p.allowedValues];
    }
  }
  return { accepts, choices, numberSchemas };
}

function has(node: unknown, seg: string | number): boolean {
  if (Array.isArray(node)) return typeof seg === 'number' && seg < node.length;
  return node !== null && typeof node === 'object' && typeof seg === 'string' && Object.hasOwn(node, seg);
}

function missing(node: unknown, seg: string | number, at: string): string {
  if (Array.isArray(node)) {
    return typeof seg === 'number'
      ? `${at}: the list has ${node.length} item${node.length === 1 ? '' : 's'} (indices 0..${node.length - 1})`
      : `"${String(seg)}" is not an index: ${at.slice(0, at.length - String(seg).length - 1)} is a list (use 0..${node.length - 1}); a list's length cannot be swept`;
  }
  return `${at} is not in this figure (a sweep varies a value the config gives)`;
}

function kind(v: unknown): string {
  return v === null ? 'null' : typeof v === 'string' ? 'a string' : typeof v === 'boolean' ? 'true or false' : typeof v === 'number' ? 'a number' : typeof v;
}
