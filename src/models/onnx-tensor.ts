/**
 * ONNX tensors (initializers and Constant values) to float64: `raw_data` (little-endian) or the
 * typed fields (float_data, double_data, int32_data holding float16/bfloat16 bits, int64_data).
 * Data kept in an external file is refused: a model file must carry its own weights.
 */
import type { onnx } from 'onnx-proto';
import { ModelError } from './model-error.js';
import { decode, elementCount, halfToNumber, bf16ToNumber, type DType, type Tensor } from './tensor.js';

type Long = { toNumber(): number };

/** An int64 field as a number (protobufjs gives a Long when the `long` package is present). */
export function int(v: number | Long | null | undefined): number {
  if (v === null || v === undefined) return 0;
  const n = typeof v === 'number' ? v : v.toNumber();
  if (!Number.isSafeInteger(n)) throw new ModelError(`integer ${n} out of range`);
  return n;
}

const RAW: Record<number, DType> = { 1: 'f32', 11: 'f64', 10: 'f16', 16: 'bf16', 7: 'i64', 6: 'i32', 2: 'u8', 3: 'i8', 4: 'u16', 5: 'i16', 9: 'bool', 12: 'u32', 13: 'u64' };
const TYPE_NAMES: Record<number, string> = { 1: 'float32', 11: 'float64', 10: 'float16', 16: 'bfloat16', 7: 'int64', 6: 'int32', 8: 'string' };

export function onnxTensor(t: onnx.ITensorProto, what: string): Tensor {
  if (t.dataLocation === 1 || (t.externalData?.length ?? 0) > 0) {
    const location = t.externalData?.find((e) => e.key === 'location')?.value;
    throw new ModelError(`${what} keeps its data in an external file${location ? ` ("${location}")` : ''}, which is not read: save the model with its weights inside (onnx.save(model, path, save_as_external_data=False))`);
  }
  const shape = (t.dims ?? []).map(int);
  const count = elementCount(shape, what);
  const type = t.dataType ?? 0;
  const dtype = RAW[type];
  if (!dtype) throw new ModelError(`${what} has data type ${TYPE_NAMES[type] ?? type}, not a number type`);
  const raw = t.rawData;
  if (raw && raw.length > 0) {
    const size = count * { f32: 4, f64: 8, f16: 2, bf16: 2, i64: 8, i32: 4, u8: 1, i8: 1, u16: 2, i16: 2, bool: 1, u32: 4, u64: 8 }[dtype];
    if (raw.length !== size) throw new ModelError(`${what}: raw_data has ${raw.length} bytes, shape [${shape.join(', ')}] of ${TYPE_NAMES[type] ?? dtype} needs ${size}`);
    return { shape, data: decode(raw, 0, count, dtype) };
  }
  let values: ArrayLike<number>;
  if (dtype === 'f32') values = t.floatData ?? [];
  else if (dtype === 'f64') values = t.doubleData ?? [];
  else if (dtype === 'f16') values = (t.int32Data ?? []).map((b) => halfToNumber(b & 0xffff));
  else if (dtype === 'bf16') values = (t.int32Data ?? []).map((b) => bf16ToNumber(b & 0xffff));
  else if (dtype === 'i64') values = (t.int64Data ?? []).map(int);
  else values = t.int32Data ?? [];
  if (values.length !== count) throw new ModelError(`${what}: has ${values.length} values, shape [${shape.join(', ')}] needs ${count}`);
  return { shape, data: Float64Array.from(values) };
}
