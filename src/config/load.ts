/**
 * Reading a config file: bytes -> JSON value plus a map from JSON pointer to line:column, so every
 * later error can point at the exact place. Parsing is strict JSON (no comments, no trailing commas);
 * a UTF-8 byte order mark is accepted, invalid UTF-8 is not.
 */
import { createRequire } from 'node:module';
import type { AnyNode, DocumentNode } from '@humanwhocodes/momoa';
import { ConfigError, type Location } from './messages.js';
import { LIMITS } from './limits.js';

export interface LoadedConfig {
  file: string;
  value: unknown;
  /** Location of the value at a JSON pointer (`/figures/0/name`), or of its nearest parent. */
  locate(pointer: string): Location | undefined;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

type Momoa = typeof import('@humanwhocodes/momoa');
let momoa: Momoa | undefined;
/** momoa (its CommonJS build), loaded only when a text needs its positions: most runs never do. */
const positions = (): Momoa => (momoa ??= createRequire(import.meta.url)('@humanwhocodes/momoa') as Momoa);

export function parseConfigText(file: string, bytes: Uint8Array): LoadedConfig {
  if (bytes.length > LIMITS.configBytes) {
    throw new ConfigError(file, '', `file is ${bytes.length} bytes; the limit is ${LIMITS.configBytes} (split it into several files)`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new ConfigError(file, '', `not valid UTF-8 (byte ${at}); save the file as UTF-8`, offsetToLocation(bytes, at));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new ConfigError(file, '', 'the file is empty; expected a JSON object', { line: 1, column: 1 });
  const depth = maxNesting(text);
  if (depth > LIMITS.nesting) {
    throw new ConfigError(file, '', `JSON nested ${depth} levels deep; the limit is ${LIMITS.nesting}`);
  }
  // JSON.parse gives the same value as momoa for every text both accept, about 30 times faster
  // (momoa was a third of an up-to-date run); momoa, which knows where each value is, parses the
  // text only for an error message or when a later error needs a line and column.
  let value: unknown;
  let doc: DocumentNode | undefined;
  try {
    value = JSON.parse(text);
  } catch {
    doc = parseDocument(file, text);
    value = positions().evaluate(doc);
  }
  return { file, value, locate: (pointer) => locate((doc ??= parseDocument(file, text)).body, pointer) };
}

function parseDocument(file: string, text: string): DocumentNode {
  try {
    return positions().parse(text, { mode: 'json' });
  } catch (err) {
    const e = err as { message: string; line?: number; column?: number };
    const msg = e.message.replace(/\s*\(\d+:\d+\)\s*$/, '');
    const hint = /RBrace|RBracket/.test(msg) ? ' (a trailing comma?)' : /'\/'/.test(msg) ? ' (comments are not JSON)' : '';
    throw new ConfigError(file, '', `invalid JSON: ${msg}${hint}`, e.line ? { line: e.line, column: e.column ?? 1 } : undefined);
  }
}

function locate(root: AnyNode, pointer: string): Location | undefined {
  let node: AnyNode = root;
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const seg of segments) {
    let next: AnyNode | undefined;
    if (node.type === 'Object') next = node.members.find((m) => m.name.type === 'String' && m.name.value === seg)?.value;
    else if (node.type === 'Array') next = node.elements[Number(seg)]?.value;
    if (!next) break;
    node = next;
  }
  const start = node.loc?.start;
  return start ? { line: start.line, column: start.column } : undefined;
}

/** Deepest bracket nesting, counted without recursion so hostile input cannot exhaust the stack. */
function maxNesting(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (for the message only). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : (c & 0xf0) === 0xe0 ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}

function offsetToLocation(bytes: Uint8Array, offset: number): Location {
  let line = 1;
  let lastNl = -1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) { line++; lastNl = i; }
  return { line, column: offset - lastNl };
}
