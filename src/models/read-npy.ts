/**
 * NumPy's .npy: the magic "\x93NUMPY", a version, a header length, then a Python dict literal
 * `{'descr': '<f4', 'fortran_order': False, 'shape': (16, 2), }` and the raw array. The header is
 * matched field by field (never evaluated); Fortran order is transposed back to row-major.
 */
import { ModelError } from './model-error.js';
import { MODEL_LIMITS } from './model-limits.js';
import { decode, DTYPE_BYTES, elementCount, type DType, type Tensor } from './tensor.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

const KINDS: Record<string, DType> = {
  f2: 'f16', f4: 'f32', f8: 'f64', i1: 'i8', i2: 'i16', i4: 'i32', i8: 'i64', u1: 'u8', u2: 'u16', u4: 'u32', u8: 'u64', b1: 'bool',
};

export function isNpy(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

/** One array; `what` names it in errors (the archive entry of an .npz). */
export function readNpy(bytes: Uint8Array, what = 'the array'): Tensor {
  if (!isNpy(bytes)) throw new ModelError(`${what}: not an .npy array (wrong magic)`);
  if (bytes.length < 10) throw new ModelError(`${what}: truncated .npy header`);
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let headerStart: number;
  let headerLength: number;
  if (major === 1) {
    headerLength = view.getUint16(8, true);
    headerStart = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) throw new ModelError(`${what}: truncated .npy header`);
    headerLength = view.getUint32(8, true);
    headerStart = 12;
  } else {
    throw new ModelError(`${what}: .npy format version ${major} is not supported (1, 2, 3)`);
  }
  if (headerLength > MODEL_LIMITS.headerBytes) throw new ModelError(`${what}: .npy header of ${headerLength} bytes is over the limit`);
  if (headerStart + headerLength > bytes.length) throw new ModelError(`${what}: truncated (the .npy header runs past the end)`);
  const header = new TextDecoder('latin1').decode(bytes.subarray(headerStart, headerStart + headerLength));
  const descr = /'descr'\s*:\s*'([<>|=])([a-z]\d+)'/.exec(header);
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header);
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header);
  if (!descr || !fortran || !shapeText) throw new ModelError(`${what}: the .npy header is not a plain array header (${JSON.stringify(header.slice(0, 60))})`);
  const dtype = KINDS[descr[2]];
  if (!dtype) throw new ModelError(`${what}: dtype '${descr[1]}${descr[2]}' is not supported (floats, integers, booleans)`);
  const parts = shapeText[1].split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (!parts.every((s) => /^\d+L?$/.test(s))) throw new ModelError(`${what}: bad shape (${shapeText[1]})`);
  const shape = parts.map((s) => Number.parseInt(s, 10));
  const count = elementCount(shape, what);
  const dataStart = headerStart + headerLength;
  const need = count * DTYPE_BYTES[dtype];
  if (dataStart + need > bytes.length) throw new ModelError(`${what}: truncated: shape [${shape.join(', ')}] needs ${need} bytes of data, the file has ${bytes.length - dataStart}`);
  const data = decode(bytes, dataStart, count, dtype, descr[1] !== '>');
  return { shape, data: fortran[1] === 'True' ? fromFortran(data, shape) : data };
}

/** Column-major to row-major. */
function fromFortran(data: Float64Array, shape: readonly number[]): Float64Array {
  if (shape.length < 2) return data;
  const out = new Float64Array(data.length);
  const rank = shape.length;
  const idx = new Array<number>(rank).fill(0);
  for (let f = 0; f < data.length; f++) {
    // f enumerates the first index fastest; its row-major position:
    let r = 0;
    for (let k = 0; k < rank; k++) r = r * shape[k] + idx[k];
    out[r] = data[f];
    for (let k = 0; k < rank; k++) {
      if (++idx[k] < shape[k]) break;
      idx[k] = 0;
    }
  }
  return out;
}
