/** Sets the value at `path` in a plain JSON object (for sweep frames). */
export function setPath(obj: unknown, path: readonly (string | number)[], value: number): unknown {
  let node = obj as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return obj;
}
