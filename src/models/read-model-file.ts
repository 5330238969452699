/**
 * A model file from disk, once per run: the size is checked before reading, the bytes are hashed
 * (the figure's input hash takes the digest, not the weights) and parsed by the reader its
 * extension names. Parsed files are cached by real path, size, mtime and inode, so a file used by
 * 50 figures is read and parsed once; a bad file's error is cached the same way.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ModelError } from './model-error.js';
import { MODEL_LIMITS } from './model-limits.js';
import { readOnnx } from './read-onnx.js';
import { readSafetensors } from './read-safetensors.js';
import { readNpz } from './read-npz.js';
import { readNpy } from './read-npy.js';
import { readStateDict } from './read-state-dict.js';
import type { NamedTensors } from './tensor.js';
import type { ModelNetwork } from './model-layer.js';

export type ParsedModel =
  | { kind: 'graph'; sha256: string; network: ModelNetwork & { inputs: number } }
  | { kind: 'tensors'; sha256: string; tensors: NamedTensors };

export const MODEL_EXTENSIONS = ['.onnx', '.safetensors', '.npz', '.npy', '.pt', '.pth'] as const;

const cache = new Map<string, { key: string; value: ParsedModel | ModelError; size: number }>();
/** Parameters the cache may hold; past it the least recently used files are forgotten (and read again if asked for). */
const CACHE_PARAMETERS = 5 * MODEL_LIMITS.parameters;
let cached = 0;

function sizeOf(v: ParsedModel | ModelError): number {
  if (v instanceof ModelError) return 0;
  if (v.kind === 'graph') return v.network.layers.reduce((s, l) => s + l.biases.length * (1 + (l.weights[0]?.length ?? 0)), 0);
  let n = 0;
  for (const t of v.tensors.values()) n += t.data.length;
  return n;
}

function remember(real: string, key: string, value: ParsedModel | ModelError): void {
  const old = cache.get(real);
  if (old) {
    cached -= old.size;
    cache.delete(real);
  }
  const size = sizeOf(value);
  for (const [k, e] of cache) {
    if (cached + size <= CACHE_PARAMETERS) break;
    cache.delete(k);
    cached -= e.size;
  }
  cache.set(real, { key, value, size });
  cached += size;
}

/** How many times a file was actually read and parsed (for tests of the cache). */
export const modelReads = { count: 0 };

export function readModelFile(real: string): ParsedModel {
  const ext = path.extname(real).toLowerCase();
  if (!(MODEL_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new ModelError(`unknown model format "${ext || path.basename(real)}" (expected ${MODEL_EXTENSIONS.join(', ')})`);
  }
  let st: fs.Stats;
  try {
    st = fs.statSync(real);
  } catch (err) {
    throw new ModelError(`cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!st.isFile()) throw new ModelError('not a regular file');
  if (st.size > MODEL_LIMITS.fileBytes) throw new ModelError(`the file is ${st.size} bytes; the limit is ${MODEL_LIMITS.fileBytes}`);
  const key = `${st.size}:${st.mtimeMs}:${st.ino}`;
  const hit = cache.get(real);
  if (hit && hit.key === key) {
    // Most recently used last, so eviction takes the oldest first.
    cache.delete(real);
    cache.set(real, hit);
    if (hit.value instanceof ModelError) throw hit.value;
    return hit.value;
  }
  let value: ParsedModel | ModelError;
  try {
    value = parse(real, ext);
  } catch (err) {
    if (!(err instanceof ModelError)) throw err;
    value = err;
  }
  remember(real, key, value);
  if (value instanceof ModelError) throw value;
  return value;
}

function parse(real: string, ext: string): ParsedModel {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(real);
  } catch (err) {
    throw new ModelError(`cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (bytes.length > MODEL_LIMITS.fileBytes) throw new ModelError(`the file is ${bytes.length} bytes; the limit is ${MODEL_LIMITS.fileBytes}`);
  modelReads.count++;
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const u8 = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  switch (ext) {
    case '.onnx': return { kind: 'graph', sha256, network: readOnnx(u8) };
    case '.safetensors': return { kind: 'tensors', sha256, tensors: readSafetensors(u8) };
    case '.npz': return { kind: 'tensors', sha256, tensors: readNpz(u8) };
    case '.npy': return { kind: 'tensors', sha256, tensors: new Map([[path.basename(real, path.extname(real)), readNpy(u8)]]) };
    default: return { kind: 'tensors', sha256, tensors: readStateDict(u8) };
  }
}

/** Forgets every parsed file (the benchmark measures cold loads with it). */
export function clearModelCache(): void {
  cache.clear();
  cached = 0;
}
