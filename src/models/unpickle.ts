/**
 * A restricted unpickler for PyTorch state_dicts: it reads the opcodes `torch.save` writes and
 * builds plain data, and it never calls anything. A pickle names callables as globals ("module
 * name") and REDUCE means "call it": Python's pickle imports and calls whatever is named, which is
 * how a model file runs code. Here a global is looked up in a short allow-list (what a state_dict
 * holds, as torch/_weights_only_unpickler.py allows) and refused otherwise, naming it; the allowed
 * ones are interpreted, not called.
 *
 * Hand-written rather than taken from npm: `pickleparser` turns unknown globals into placeholder
 * objects and carries on, so a refusal that names the global, before anything else is read, would
 * have to be bolted on from outside; the state_dict subset is a small table of opcodes.
 */
import { ModelError } from './model-error.js';
import { MODEL_LIMITS } from './model-limits.js';
import type { DType } from './tensor.js';

export interface StorageRef {
  kind: 'storage';
  dtype: DType;
  key: string;
  numel: number;
}

export interface TensorRef {
  kind: 'tensor';
  storage: StorageRef;
  offset: number;
  size: number[];
  stride: number[];
}

interface Global {
  kind: 'global';
  name: string;
}

type Value = null | boolean | number | string | Uint8Array | Value[] | Map<Value, Value> | Global | StorageRef | TensorRef;

/** Storage classes by the name torch pickles them under, with their element types. */
export const STORAGE_TYPES: Readonly<Record<string, DType>> = {
  'torch.FloatStorage': 'f32', 'torch.DoubleStorage': 'f64', 'torch.HalfStorage': 'f16', 'torch.BFloat16Storage': 'bf16',
  'torch.LongStorage': 'i64', 'torch.IntStorage': 'i32', 'torch.ShortStorage': 'i16', 'torch.CharStorage': 'i8',
  'torch.ByteStorage': 'u8', 'torch.BoolStorage': 'bool',
};

const CALLABLES = new Set([
  'collections.OrderedDict', 'torch._utils._rebuild_tensor_v2', 'torch._utils._rebuild_parameter',
  'torch._utils._rebuild_parameter_with_state', 'torch.Size',
]);

const MARK = Symbol('mark');

export function unpickle(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const stack: (Value | typeof MARK)[] = [];
  const memo = new Map<number, Value>();
  let pos = 0;
  let ops = 0;
  const need = (n: number) => {
    if (pos + n > bytes.length) throw new ModelError('pickle: truncated');
  };
  const u8 = () => (need(1), bytes[pos++]);
  const u16 = () => (need(2), (pos += 2), view.getUint16(pos - 2, true));
  const u32 = () => (need(4), (pos += 4), view.getUint32(pos - 4, true));
  const i32 = () => (need(4), (pos += 4), view.getInt32(pos - 4, true));
  const take = (n: number) => {
    need(n);
    pos += n;
    return bytes.subarray(pos - n, pos);
  };
  const text = (n: number) => new TextDecoder('utf-8', { fatal: false }).decode(take(n));
  const line = () => {
    const end = bytes.indexOf(10, pos);
    if (end < 0 || end - pos > 1000) throw new ModelError('pickle: bad GLOBAL');
    const s = new TextDecoder('latin1').decode(bytes.subarray(pos, end));
    pos = end + 1;
    return s;
  };
  const pop = (): Value => {
    const v = stack.pop();
    if (v === undefined || v === MARK) throw new ModelError('pickle: stack underflow');
    return v;
  };
  const popMark = (): Value[] => {
    const at = stack.lastIndexOf(MARK);
    if (at < 0) throw new ModelError('pickle: no MARK');
    const items = stack.splice(at) as Value[];
    items.shift();
    return items;
  };
  const global = (module: string, name: string): Global => {
    const full = `${module}.${name}`;
    if (!CALLABLES.has(full) && !Object.hasOwn(STORAGE_TYPES, full)) {
      throw new ModelError(`refused the pickle global "${full}": a state_dict holds only tensors (allowed: ${[...CALLABLES, 'torch.*Storage'].join(', ')}); the file would run code under torch.load`);
    }
    return { kind: 'global', name: full };
  };
  const setItems = (target: Value, items: Value[]) => {
    if (!(target instanceof Map)) throw new ModelError('pickle: SETITEM on something that is not a dict');
    for (let i = 0; i + 1 < items.length; i += 2) target.set(items[i], items[i + 1]);
  };

  for (;;) {
    if (++ops > MODEL_LIMITS.pickleOps) throw new ModelError(`pickle: more than ${MODEL_LIMITS.pickleOps} opcodes`);
    const op = u8();
    switch (op) {
      case 0x80: u8(); break; // PROTO
      case 0x95: take(8); break; // FRAME
      case 0x2e: { // STOP
        const v = pop();
        return v;
      }
      case 0x28: stack.push(MARK); break;
      case 0x30: pop(); break; // POP
      case 0x31: popMark(); break; // POP_MARK
      case 0x63: stack.push(global(line(), line())); break; // GLOBAL
      case 0x93: { // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof module !== 'string' || typeof name !== 'string') throw new ModelError('pickle: bad STACK_GLOBAL');
        stack.push(global(module, name));
        break;
      }
      case 0x29: stack.push([]); break; // EMPTY_TUPLE
      case 0x74: stack.push(popMark()); break; // TUPLE
      case 0x85: stack.push([pop()]); break;
      case 0x86: { const b = pop(); stack.push([pop(), b]); break; }
      case 0x87: { const c = pop(); const b = pop(); stack.push([pop(), b, c]); break; }
      case 0x5d: stack.push([]); break; // EMPTY_LIST
      case 0x6c: stack.push(popMark()); break; // LIST
      case 0x61: { const v = pop(); const l = pop(); if (!Array.isArray(l)) throw new ModelError('pickle: APPEND to a non-list'); l.push(v); stack.push(l); break; }
      case 0x65: { const items = popMark(); const l = pop(); if (!Array.isArray(l)) throw new ModelError('pickle: APPENDS to a non-list'); l.push(...items); stack.push(l); break; }
      case 0x7d: stack.push(new Map()); break; // EMPTY_DICT
      case 0x64: { const m = new Map<Value, Value>(); setItems(m, popMark()); stack.push(m); break; } // DICT
      case 0x73: { const v = pop(); const k = pop(); const d = pop(); setItems(d, [k, v]); stack.push(d); break; } // SETITEM
      case 0x75: { const items = popMark(); const d = pop(); setItems(d, items); stack.push(d); break; } // SETITEMS
      case 0x71: memoPut(memo, u8(), stack); break; // BINPUT
      case 0x72: memoPut(memo, u32(), stack); break; // LONG_BINPUT
      case 0x94: memoPut(memo, memo.size, stack); break; // MEMOIZE
      case 0x68: stack.push(memoGet(memo, u8())); break; // BINGET
      case 0x6a: stack.push(memoGet(memo, u32())); break; // LONG_BINGET
      case 0x4a: stack.push(i32()); break; // BININT
      case 0x4b: stack.push(u8()); break; // BININT1
      case 0x4d: stack.push(u16()); break; // BININT2
      case 0x8a: stack.push(long1(take(u8()))); break; // LONG1
      case 0x47: need(8); pos += 8; stack.push(view.getFloat64(pos - 8, false)); break; // BINFLOAT (big-endian)
      case 0x4e: stack.push(null); break;
      case 0x88: stack.push(true); break;
      case 0x89: stack.push(false); break;
      case 0x58: stack.push(text(u32())); break; // BINUNICODE
      case 0x8c: stack.push(text(u8())); break; // SHORT_BINUNICODE
      case 0x43: stack.push(take(u8()).slice()); break; // SHORT_BINBYTES
      case 0x42: stack.push(take(u32()).slice()); break; // BINBYTES
      case 0x51: stack.push(persistent(pop())); break; // BINPERSID
      case 0x52: { const args = pop(); const fn = pop(); stack.push(reduce(fn, args)); break; } // REDUCE
      case 0x62: { // BUILD: state for an OrderedDict (its _metadata) or a Parameter; nothing to keep
        pop();
        const target = stack.at(-1);
        if (!(target instanceof Map) && !(target && typeof target === 'object' && 'kind' in target && target.kind === 'tensor')) {
          throw new ModelError('pickle: BUILD on something that is not a dict or a tensor');
        }
        break;
      }
      default:
        throw new ModelError(`pickle: opcode 0x${op.toString(16).padStart(2, '0')} at byte ${pos - 1} is not one a state_dict uses`);
    }
  }
}

function memoPut(memo: Map<number, Value>, key: number, stack: (Value | typeof MARK)[]): void {
  const v = stack.at(-1);
  if (v === undefined || v === MARK) throw new ModelError('pickle: PUT with an empty stack');
  if (memo.size > MODEL_LIMITS.pickleOps) throw new ModelError('pickle: memo too large');
  memo.set(key, v);
}

function memoGet(memo: Map<number, Value>, key: number): Value {
  if (!memo.has(key)) throw new ModelError(`pickle: GET of unknown memo key ${key}`);
  return memo.get(key)!;
}

/** A little-endian two's-complement integer of n bytes (Python's long). */
function long1(b: Uint8Array): number {
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
  if (b.length > 0 && b[b.length - 1] & 0x80) v -= 1n << BigInt(8 * b.length);
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new ModelError('pickle: integer too large');
  return n;
}

/** torch's persistent id for a storage: ('storage', StorageType, key, location, numel). */
function persistent(pid: Value): StorageRef {
  if (!Array.isArray(pid) || pid[0] !== 'storage' || pid.length < 5) throw new ModelError('pickle: unknown persistent id (expected a torch storage)');
  const [, type, key, , numel] = pid;
  const dtype = type && typeof type === 'object' && 'kind' in type && type.kind === 'global' ? STORAGE_TYPES[type.name] : undefined;
  if (!dtype) throw new ModelError('pickle: a storage of unknown type');
  if (typeof key !== 'string' || !/^[\w.-]{1,100}$/.test(key)) throw new ModelError('pickle: bad storage key');
  if (typeof numel !== 'number' || !Number.isSafeInteger(numel) || numel < 0) throw new ModelError('pickle: bad storage size');
  return { kind: 'storage', dtype, key, numel };
}

const isInts = (v: Value): v is number[] => Array.isArray(v) && v.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0);

/** REDUCE of an allowed global: interpreted by name; nothing is ever called. */
function reduce(fn: Value, args: Value): Value {
  const name = fn && typeof fn === 'object' && 'kind' in fn && fn.kind === 'global' ? fn.name : undefined;
  if (!Array.isArray(args)) throw new ModelError('pickle: REDUCE without an argument tuple');
  switch (name) {
    case 'collections.OrderedDict':
      return new Map();
    case 'torch.Size':
      if (!Array.isArray(args[0]) || !isInts(args[0])) throw new ModelError('pickle: bad torch.Size');
      return args[0];
    case 'torch._utils._rebuild_tensor_v2': {
      const [storage, offset, size, stride] = args;
      if (!storage || typeof storage !== 'object' || !('kind' in storage) || storage.kind !== 'storage') throw new ModelError('pickle: _rebuild_tensor_v2 without a storage');
      if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0 || !isInts(size) || !isInts(stride) || size.length !== stride.length) {
        throw new ModelError('pickle: _rebuild_tensor_v2 with a bad offset, size or stride');
      }
      return { kind: 'tensor', storage, offset, size, stride };
    }
    case 'torch._utils._rebuild_parameter':
    case 'torch._utils._rebuild_parameter_with_state': {
      const t = args[0];
      if (!t || typeof t !== 'object' || !('kind' in t) || t.kind !== 'tensor') throw new ModelError('pickle: _rebuild_parameter without a tensor');
      return t;
    }
    default:
      throw new ModelError(`pickle: ${name ?? 'a value that is not a global'} cannot be called`);
  }
}
