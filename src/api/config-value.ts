/**
 * A config handed to the library as a JavaScript value or as JSON text, turned into what the file
 * loader gives (config/load.ts), so it is validated exactly as a file is. A value must be what
 * JSON can hold: a function, a cycle, NaN or a BigInt has no file it could have come from, and
 * says where it stands instead of turning silently into null.
 */
import { parseConfigText, type LoadedConfig } from '../config/load.js';
import { ConfigError, displayPath } from '../config/messages.js';
import { LIMITS } from '../config/limits.js';

/** What messages call a config given as a value, and whose folder model files are relative to. */
export const DEFAULT_CONFIG_NAME = 'config';

export function loadConfigValue(config: unknown, file: string = DEFAULT_CONFIG_NAME): LoadedConfig {
  if (typeof config === 'string') return parseConfigText(file, Buffer.from(config, 'utf8'));
  const problem = nonJson(config, [], new Set(), 0);
  if (problem) throw new ConfigError(file, displayPath(problem.path), problem.detail);
  const text = JSON.stringify(config);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > LIMITS.configBytes) {
    throw new ConfigError(file, '', `the config is ${bytes} bytes as JSON; the limit is ${LIMITS.configBytes} (split it into several figures)`);
  }
  // A copy through JSON: `undefined` members drop out as they would in a file, and getters or a
  // later change to the caller's object cannot make the figure differ from what was checked.
  return { file, value: JSON.parse(text), locate: () => undefined };
}

interface Problem {
  path: (string | number)[];
  detail: string;
}

function nonJson(v: unknown, at: (string | number)[], open: Set<object>, depth: number): Problem | undefined {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(v) ? undefined : { path: at, detail: `expected a finite number, got ${v}` };
    case 'undefined':
      // An object member that is undefined is absent, as JSON.stringify drops it; in a list it has no meaning.
      return typeof at[at.length - 1] === 'number' ? { path: at, detail: 'expected a JSON value, got undefined' } : undefined;
    case 'object':
      break;
    default:
      return { path: at, detail: `expected a JSON value, got a ${typeof v}` };
  }
  if (v === null) return undefined;
  if (depth >= LIMITS.nesting) return { path: at, detail: `nested more than ${LIMITS.nesting} levels deep; the limit is ${LIMITS.nesting}` };
  if (open.has(v)) return { path: at, detail: 'a value that contains itself (a cycle); JSON cannot hold it' };
  const proto = Object.getPrototypeOf(v);
  if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) {
    return { path: at, detail: `expected a plain object, got ${proto?.constructor?.name ?? 'an object'}` };
  }
  open.add(v);
  try {
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [k, x] of entries) {
      const p = nonJson(x, [...at, k], open, depth + 1);
      if (p) return p;
    }
  } finally {
    open.delete(v);
  }
  return undefined;
}
