/**
 * Setting one value deep in a JSON config (a sweep frame) without touching the original and without
 * ever assigning through a key that reaches a prototype: the objects along the path are copied, and
 * the value is defined as an own property, so no setter (such as `__proto__`'s) runs.
 */

/** Keys that reach an object's prototype or constructor; never a config key. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isForbiddenKey(seg: string | number): boolean {
  return typeof seg === 'string' && FORBIDDEN_KEYS.has(seg);
}

/**
 * A copy of `obj` with the value at `path` set to `value`: containers along the path are shallow
 * copies, everything else is shared. Every container on the way must exist as an own property
 * (nothing is created but the last key), and no segment may be a prototype key.
 */
export function setPath<T>(obj: T, path: readonly (string | number)[], value: unknown): T {
  if (path.length === 0) throw new RangeError('an empty path');
  const root = copy(obj, path, 0);
  let node = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const child = copy(node[path[i]], path, i + 1);
    define(node, path[i], child);
    node = child as Record<string | number, unknown>;
  }
  define(node, path[path.length - 1], value);
  return root as T;
}

function copy(v: unknown, path: readonly (string | number)[], depth: number): unknown {
  if (Array.isArray(v)) return v.slice();
  if (v !== null && typeof v === 'object') return { ...(v as object) };
  throw new RangeError(`no object at ${path.slice(0, depth).join('.') || 'the top'} to set ${path.join('.')} in`);
}

function define(node: Record<string | number, unknown>, key: string | number, value: unknown): void {
  if (isForbiddenKey(key)) throw new RangeError(`"${String(key)}" is not a config key`);
  if (Array.isArray(node) && !(typeof key === 'number' && Number.isInteger(key) && key >= 0 && key < node.length)) {
    throw new RangeError(`${String(key)} is not an index of a list of ${node.length}`);
  }
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
}
