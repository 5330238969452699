/**
 * PyTorch's `torch.save(model.state_dict())` in the zip format (the default since torch 1.6):
 * `<name>/data.pkl` (the pickled dict, read by the restricted unpickler) and one entry
 * `<name>/data/<key>` of raw bytes per storage; `<name>/byteorder` says "little" or "big".
 */
import { ModelError } from './model-error.js';
import { readZip, isZip } from './read-zip.js';
import { unpickle, type TensorRef } from './unpickle.js';
import { countParameters, decode, DTYPE_BYTES, elementCount, type NamedTensors } from './tensor.js';

export function readStateDict(bytes: Uint8Array): NamedTensors {
  if (!isZip(bytes)) {
    if (bytes[0] === 0x80 && bytes[1] === 0x02) throw new ModelError('the legacy (before torch 1.6) torch.save format is not read; save again with torch.save(state_dict, path) from torch 1.6 or later');
    throw new ModelError('not a PyTorch state_dict (wrong magic: expected the zip format of torch.save)');
  }
  const entries = readZip(bytes, 'PyTorch file');
  const pkl = [...entries.keys()].filter((n) => n === 'data.pkl' || /^[^/]+\/data\.pkl$/.test(n));
  if (pkl.length !== 1) throw new ModelError(`not a PyTorch state_dict: expected one data.pkl in the archive, found ${pkl.length}`);
  const prefix = pkl[0].slice(0, -'data.pkl'.length);
  const order = entries.get(`${prefix}byteorder`);
  const little = order === undefined || new TextDecoder().decode(order).trim() !== 'big';
  const root = unpickle(entries.get(pkl[0])!);
  if (!(root instanceof Map)) throw new ModelError('not a state_dict: the pickle holds no dict of tensors (save model.state_dict(), not the model)');
  const out: NamedTensors = new Map();
  let total = 0;
  const visit = (m: Map<unknown, unknown>, at: string) => {
    for (const [k, v] of m) {
      if (typeof k !== 'string') continue;
      const name = at + k;
      if (v instanceof Map) visit(v, `${name}.`);
      else if (v && typeof v === 'object' && (v as TensorRef).kind === 'tensor') {
        const t = v as TensorRef;
        const count = elementCount(t.size, `tensor "${name}"`);
        total = countParameters(total, count);
        const storage = entries.get(`${prefix}data/${t.storage.key}`);
        if (!storage) throw new ModelError(`tensor "${name}": its storage data/${t.storage.key} is missing from the archive`);
        const size = DTYPE_BYTES[t.storage.dtype];
        if (t.storage.numel * size > storage.length) throw new ModelError(`tensor "${name}": storage data/${t.storage.key} has ${storage.length} bytes, the pickle says ${t.storage.numel * size}`);
        out.set(name, { shape: t.size, data: gather(t, decode(storage, 0, t.storage.numel, t.storage.dtype, little), count, name) });
      }
    }
  };
  visit(root, '');
  return out;
}

/** The tensor's elements in row-major order from its storage, offset and strides, every index checked. */
function gather(t: TensorRef, storage: Float64Array, count: number, name: string): Float64Array {
  let last = t.offset;
  for (let k = 0; k < t.size.length; k++) if (t.size[k] > 0) last += (t.size[k] - 1) * t.stride[k];
  if (count > 0 && last >= storage.length) throw new ModelError(`tensor "${name}": offset and strides reach element ${last} of a storage of ${storage.length}`);
  const out = new Float64Array(count);
  const rank = t.size.length;
  const idx = new Array<number>(rank).fill(0);
  for (let i = 0; i < count; i++) {
    let at = t.offset;
    for (let k = 0; k < rank; k++) at += idx[k] * t.stride[k];
    out[i] = storage[at];
    for (let k = rank - 1; k >= 0; k--) {
      if (++idx[k] < t.size[k]) break;
      idx[k] = 0;
    }
  }
  return out;
}
