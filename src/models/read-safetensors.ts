/**
 * safetensors (huggingface/safetensors): 8 bytes of little-endian header length, a JSON header
 * `{ name: { dtype, shape, data_offsets: [begin, end] }, "__metadata__": {...} }`, then the raw
 * little-endian tensors, offsets counted from the end of the header. Every entry is checked
 * (dtype, shape, offsets within the file, size = shape × dtype) before a number is decoded.
 */
import { ModelError } from './model-error.js';
import { MODEL_LIMITS } from './model-limits.js';
import { countParameters, decode, DTYPE_BYTES, elementCount, type DType, type NamedTensors } from './tensor.js';

const DTYPES: Record<string, DType> = { F32: 'f32', F64: 'f64', F16: 'f16', BF16: 'bf16' };

interface Entry {
  name: string;
  dtype: DType;
  shape: number[];
  begin: number;
  end: number;
}

export function readSafetensors(bytes: Uint8Array): NamedTensors {
  if (bytes.length < 8) throw new ModelError(`not a safetensors file: ${bytes.length} bytes, shorter than the 8-byte header length`);
  const n = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  if (n > BigInt(MODEL_LIMITS.headerBytes)) throw new ModelError(`not a safetensors file: header length ${n} is over the ${MODEL_LIMITS.headerBytes}-byte limit (wrong magic, or not this format)`);
  const headerLength = Number(n);
  if (8 + headerLength > bytes.length) throw new ModelError(`truncated: the header says ${headerLength} bytes, the file has ${bytes.length - 8} after the length`);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)));
  } catch {
    throw new ModelError('not a safetensors file: the header is not valid JSON');
  }
  if (!header || typeof header !== 'object' || Array.isArray(header)) throw new ModelError('not a safetensors file: the header is not a JSON object');
  const dataStart = 8 + headerLength;
  const dataLength = bytes.length - dataStart;
  const raw = Object.entries(header).filter(([name]) => name !== '__metadata__');
  if (raw.length > MODEL_LIMITS.tensors) throw new ModelError(`more than ${MODEL_LIMITS.tensors} tensors`);
  // First the dtypes, shapes and the parameter budget over every tensor, then the offsets.
  let total = 0;
  const typed = raw.map(([name, v]) => {
    const e = v as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const what = `tensor "${name}"`;
    if (!e || typeof e !== 'object') throw new ModelError(`${what}: expected { dtype, shape, data_offsets }`);
    const dtype = typeof e.dtype === 'string' ? DTYPES[e.dtype] : undefined;
    if (!dtype) throw new ModelError(`${what}: dtype ${JSON.stringify(e.dtype)} is not supported (F32, F64, F16, BF16)`);
    if (!Array.isArray(e.shape) || !e.shape.every((d) => typeof d === 'number')) throw new ModelError(`${what}: expected a shape list of numbers`);
    const shape = e.shape as number[];
    const count = elementCount(shape, what);
    total = countParameters(total, count);
    return { name, what, dtype, shape, count, off: e.data_offsets, label: e.dtype as string };
  });
  const entries: Entry[] = typed.map(({ name, what, dtype, shape, count, off, label }) => {
    if (!Array.isArray(off) || off.length !== 2 || !off.every((v) => Number.isSafeInteger(v) && v >= 0) || off[0] > off[1]) {
      throw new ModelError(`${what}: expected data_offsets [begin, end] with 0 <= begin <= end`);
    }
    const [begin, end] = off as [number, number];
    if (end > dataLength) throw new ModelError(`${what}: data_offsets [${begin}, ${end}] run past the end of the file (${dataLength} bytes of data)`);
    if (end - begin !== count * DTYPE_BYTES[dtype]) {
      throw new ModelError(`${what}: data_offsets span ${end - begin} bytes, but shape [${shape.join(', ')}] of ${label} needs ${count * DTYPE_BYTES[dtype]}`);
    }
    return { name, dtype, shape, begin, end };
  });
  const out: NamedTensors = new Map();
  for (const e of entries) out.set(e.name, { shape: e.shape, data: decode(bytes, dataStart + e.begin, (e.end - e.begin) / DTYPE_BYTES[e.dtype], e.dtype) });
  return out;
}
