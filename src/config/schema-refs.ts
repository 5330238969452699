/**
 * Shared subschemas as references, and back. The figure schema repeats large parts (an axis, an
 * activation, a whole line or contour plot inside panels); Ajv inlines each copy, which made the
 * generated validator 430 KB and its first call slow to compile. Validating against the same schema
 * with each repeated part moved to `$defs` and referenced accepts and rejects exactly the same
 * documents; `inlineRefs` turns a subschema an error points at back into what it was, so error
 * messages read the schema they always read.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SCHEMA_MAPS = ['properties', 'patternProperties'];
const SCHEMA_LISTS = ['oneOf', 'anyOf', 'allOf', 'prefixItems', 'items'];
const SCHEMA_ONE = ['not', 'if', 'then', 'else', 'contains', 'additionalProperties', 'items', 'propertyNames'];

const isObject = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Calls `visit(holder, key)` for every place directly under `node` that holds a subschema. */
function eachSubschema(node: JsonObject, visit: (holder: JsonObject | Json[], key: string | number) => void): void {
  for (const k of SCHEMA_MAPS) {
    const m = node[k];
    if (isObject(m)) for (const p of Object.keys(m)) if (isObject(m[p])) visit(m, p);
  }
  for (const k of SCHEMA_LISTS) {
    const l = node[k];
    if (Array.isArray(l)) l.forEach((s, i) => isObject(s) && visit(l, i));
  }
  for (const k of SCHEMA_ONE) if (isObject(node[k])) visit(node, k);
}

const get = (holder: JsonObject | Json[], key: string | number) => (holder as Record<string | number, Json>)[key];
const put = (holder: JsonObject | Json[], key: string | number, v: Json) => {
  (holder as Record<string | number, Json>)[key] = v;
};

/**
 * `schema` (plain JSON) with every subschema that occurs more than once, and is at least
 * `minChars` long as JSON, moved to `$defs` and referenced. The branches of the root `oneOf` stay
 * in place (Ajv's discriminator reads them).
 */
export function shareSubschemas(schema: JsonObject, minChars = 200): JsonObject {
  const root = JSON.parse(JSON.stringify(schema)) as JsonObject; // a tree: no object twice
  const counts = new Map<string, number>();
  const count = (node: JsonObject) => {
    const key = JSON.stringify(node);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    eachSubschema(node, (h, k) => count(get(h, k) as JsonObject));
  };
  count(root);
  const defs: JsonObject = {};
  const ids = new Map<string, string>();
  const share = (node: JsonObject) =>
    eachSubschema(node, (holder, key) => {
      const child = get(holder, key) as JsonObject;
      const text = JSON.stringify(child);
      const branch = node === root && holder === root.oneOf;
      if (branch || (counts.get(text) ?? 0) < 2 || text.length < minChars) return share(child);
      let id = ids.get(text);
      if (id === undefined) {
        id = `s${ids.size}`;
        ids.set(text, id);
        defs[id] = child;
        share(child);
      }
      put(holder, key, { $ref: `#/$defs/${id}` });
    });
  share(root);
  root.$defs = defs;
  return root;
}

/** `node` with every `{ "$ref": "#/$defs/<id>" }` replaced by a copy of what it refers to, and no `$defs`. */
export function inlineRefs(node: Json, defs: JsonObject): Json {
  if (Array.isArray(node)) return node.map((n) => inlineRefs(n, defs));
  if (!isObject(node)) return node;
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/') && Object.keys(node).length === 1) {
    return inlineRefs(defs[ref.slice(8)], defs);
  }
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) if (k !== '$defs') out[k] = inlineRefs(v, defs);
  return out;
}
