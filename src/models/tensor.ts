/**
 * Tensors as the readers hand them over: a shape and the numbers widened to float64, row-major.
 * Decoding is from little- or big-endian bytes of the stored type; a tensor's size is checked
 * against the bytes it claims before anything is allocated.
 */
import { ModelError } from './model-error.js';
import { MODEL_LIMITS } from './model-limits.js';

export interface Tensor {
  shape: number[];
  data: Float64Array;
}

/** Tensors of a file by name, in file order. */
export type NamedTensors = Map<string, Tensor>;

export type DType = 'f16' | 'bf16' | 'f32' | 'f64' | 'i8' | 'i16' | 'i32' | 'i64' | 'u8' | 'u16' | 'u32' | 'u64' | 'bool';

export const DTYPE_BYTES: Record<DType, number> = {
  f16: 2, bf16: 2, f32: 4, f64: 8, i8: 1, i16: 2, i32: 4, i64: 8, u8: 1, u16: 2, u32: 4, u64: 8, bool: 1,
};

/** The element count of a shape, refusing negative, fractional or over-budget dimensions. */
export function elementCount(shape: readonly number[], what: string): number {
  let n = 1;
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0) throw new ModelError(`${what}: bad dimension ${d} in shape [${shape.join(', ')}]`);
    n *= d;
    if (n > MODEL_LIMITS.parameters) throw new ModelError(`${what}: shape [${shape.join(', ')}] has more than ${MODEL_LIMITS.parameters} numbers (the budget)`);
  }
  return n;
}

/** IEEE 754 half precision bits to a number (exact: every half is a double). */
export function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** bfloat16 bits (the top half of a float32) to a number. */
export function bf16ToNumber(h: number): number {
  u32[0] = h << 16;
  return f32[0];
}

/**
 * `count` values of `dtype` from `bytes` at `offset`, as float64. The caller has checked that the
 * bytes are there; this checks again, so no reader can read past a buffer.
 */
export function decode(bytes: Uint8Array, offset: number, count: number, dtype: DType, littleEndian = true): Float64Array {
  const size = DTYPE_BYTES[dtype];
  if (offset < 0 || offset + count * size > bytes.length) throw new ModelError(`tensor data runs past the end of the file (needs ${count * size} bytes at offset ${offset}, the file has ${bytes.length})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, count * size);
  const out = new Float64Array(count);
  const le = littleEndian;
  switch (dtype) {
    case 'f64': for (let i = 0; i < count; i++) out[i] = view.getFloat64(i * 8, le); break;
    case 'f32': for (let i = 0; i < count; i++) out[i] = view.getFloat32(i * 4, le); break;
    case 'f16': for (let i = 0; i < count; i++) out[i] = halfToNumber(view.getUint16(i * 2, le)); break;
    case 'bf16': for (let i = 0; i < count; i++) out[i] = bf16ToNumber(view.getUint16(i * 2, le)); break;
    case 'i8': for (let i = 0; i < count; i++) out[i] = view.getInt8(i); break;
    case 'u8': case 'bool': for (let i = 0; i < count; i++) out[i] = view.getUint8(i); break;
    case 'i16': for (let i = 0; i < count; i++) out[i] = view.getInt16(i * 2, le); break;
    case 'u16': for (let i = 0; i < count; i++) out[i] = view.getUint16(i * 2, le); break;
    case 'i32': for (let i = 0; i < count; i++) out[i] = view.getInt32(i * 4, le); break;
    case 'u32': for (let i = 0; i < count; i++) out[i] = view.getUint32(i * 4, le); break;
    case 'i64': for (let i = 0; i < count; i++) out[i] = Number(view.getBigInt64(i * 8, le)); break;
    case 'u64': for (let i = 0; i < count; i++) out[i] = Number(view.getBigUint64(i * 8, le)); break;
  }
  return out;
}

/** Adds a tensor's numbers to a running total, refusing the file once it passes the budget. */
export function countParameters(total: number, n: number): number {
  const sum = total + n;
  if (sum > MODEL_LIMITS.parameters) throw new ModelError(`more than ${MODEL_LIMITS.parameters} parameters (the budget for one model file)`);
  return sum;
}

/** The first NaN or ±Infinity of a tensor, as an error naming it and the element's index. */
export function checkFinite(t: Tensor, what: string): void {
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    if (v - v !== 0) {
      const idx: number[] = [];
      let rest = i;
      for (let k = t.shape.length - 1; k >= 0; k--) {
        idx.unshift(rest % t.shape[k]);
        rest = Math.floor(rest / t.shape[k]);
      }
      throw new ModelError(`${what} has ${Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity'} at [${idx.join(', ')}]; every weight must be a finite number`);
    }
  }
}
