/**
 * Bad and hostile model files: each gives one ModelError line saying what is wrong, before any
 * large allocation, and nothing is ever executed.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import proto from 'onnx-proto';
import { loadModel } from '../../src/models/load-model.js';
import { ModelError } from '../../src/models/model-error.js';
import { MODEL_LIMITS } from '../../src/models/model-limits.js';
import { MODELS, MOONS_LAYERS, MOONS_NPZ_LAYERS, fixture, tempWithModels } from './helpers.js';

const { onnx } = proto;

/** loadModel's error for `bytes` saved as `name` in a fresh folder (the message must be one line). */
function errorOf(name: string, bytes: Uint8Array | string, layers: unknown = undefined): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-bad-model-'));
  fs.writeFileSync(path.join(dir, name), bytes);
  try {
    loadModel(path.join(dir, 'a.json'), name, layers as typeof MOONS_LAYERS);
  } catch (err) {
    expect(err).toBeInstanceOf(ModelError);
    const msg = (err as Error).message;
    expect(msg).not.toMatch(/\n/);
    return msg;
  }
  throw new Error(`${name} was accepted`);
}

const layersFor = (name: string) => (name.endsWith('.npz') ? MOONS_NPZ_LAYERS : name.endsWith('.onnx') ? undefined : MOONS_LAYERS);

function safetensors(header: object, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  let text = JSON.stringify(header);
  text += ' '.repeat((8 - (text.length % 8)) % 8);
  const out = new Uint8Array(8 + text.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(text.length), true);
  out.set(new TextEncoder().encode(text), 8);
  out.set(data, 8 + text.length);
  return out;
}

function parseSafetensors(bytes: Uint8Array): { header: Record<string, any>; data: Uint8Array } {
  const n = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
  return { header: JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n))), data: bytes.subarray(8 + n) };
}

describe('truncated, corrupt and wrong-magic files', () => {
  const formats = ['moons.onnx', 'moons.safetensors', 'moons.npz', 'moons-compressed.npz', 'moons.pt'];
  it.each(formats)('%s cut in half is refused', (name) => {
    const b = fixture(name);
    expect(errorOf(name, b.subarray(0, Math.floor(b.length / 2)), layersFor(name))).toMatch(/truncated|not a valid|invalid|past the end|runs past|wrong magic|not an? /i);
  });

  it.each(formats)('%s with its first bytes overwritten is refused as the wrong format', (name) => {
    const b = fixture(name).slice();
    b.set(new TextEncoder().encode('GARBAGE!'), 0);
    expect(errorOf(name, b, layersFor(name))).toMatch(/wrong magic|not a (safetensors|valid)|over the .*limit/);
  });

  it('an empty file of each format is refused', () => {
    for (const name of ['e.onnx', 'e.safetensors', 'e.npz', 'e.npy', 'e.pt']) expect(errorOf(name, new Uint8Array(0), MOONS_LAYERS)).toMatch(/wrong magic|shorter|truncated/);
  });

  it('a zip with a corrupt deflate stream, and ONNX bytes that are not a ModelProto, say so', () => {
    const b = fixture('moons-compressed.npz').slice();
    for (let i = 60; i < 400; i++) b[i] ^= 0x5a;
    expect(errorOf('c.npz', b, MOONS_NPZ_LAYERS)).toMatch(/not a valid|invalid|npy|wrong magic|inconsistent/i);
    expect(errorOf('c.onnx', Uint8Array.from([0x08, 0x07, 0x12, 0xff, 0xff, 0xff, 0x0f, 1, 2]))).toMatch(/not a valid ONNX|not an ONNX/);
  });

  it('the legacy torch.save format is refused with how to save a readable file', () => {
    expect(errorOf('l.pt', fixture('moons-legacy.pt'), MOONS_LAYERS)).toMatch(/legacy .*torch 1\.6/);
  });
});

describe('offsets and sizes', () => {
  it('a safetensors tensor whose data_offsets run past the end of the file', () => {
    const { header, data } = parseSafetensors(fixture('moons.safetensors'));
    header['net.4.bias'].data_offsets = [data.length - 4, data.length + 4];
    expect(errorOf('o.safetensors', safetensors(header, data), MOONS_LAYERS)).toMatch(/"net\.4\.bias": data_offsets \[\d+, \d+\] run past the end/);
  });

  it('a safetensors tensor whose offsets do not span its shape', () => {
    const { header, data } = parseSafetensors(fixture('moons.safetensors'));
    header['net.0.weight'].shape = [16, 3];
    expect(errorOf('s.safetensors', safetensors(header, data), MOONS_LAYERS)).toMatch(/"net\.0\.weight": data_offsets span 128 bytes, but shape \[16, 3\] of F32 needs 192/);
  });

  it('a header length larger than the file', () => {
    const b = fixture('moons.safetensors').slice();
    new DataView(b.buffer).setBigUint64(0, BigInt(b.length), true);
    expect(errorOf('h.safetensors', b, MOONS_LAYERS)).toMatch(/truncated: the header says/);
  });

  it('a state_dict tensor whose strides reach past its storage', () => {
    const entries = new Map<string, Uint8Array>();
    const pkl = pickleTensor({ key: '0', numel: 4, size: [2, 3], stride: [3, 1] });
    expect(errorOf('s.pt', zipSync({ 'm/data.pkl': pkl, 'm/data/0': new Uint8Array(16) }), [{ weight: 'w', activation: 'relu' }])).toMatch(/"w": offset and strides reach element 5 of a storage of 4/);
    void entries;
  });
});

describe('budgets, checked before allocating', () => {
  it(`more than ${MODEL_LIMITS.parameters} parameters in a safetensors header`, () => {
    const header = { big: { dtype: 'F32', shape: [10_001, 1000], data_offsets: [0, 40_004_000] } };
    expect(errorOf('b.safetensors', safetensors(header), MOONS_LAYERS)).toMatch(/more than 10000000 (numbers|parameters)/);
  });

  it('more parameters than the budget over several tensors', () => {
    const header = { a: { dtype: 'F32', shape: [6_000_000], data_offsets: [0, 24_000_000] }, b: { dtype: 'F32', shape: [6_000_000], data_offsets: [0, 24_000_000] } };
    expect(errorOf('b2.safetensors', safetensors(header), MOONS_LAYERS)).toMatch(/more than 10000000 parameters/);
  });

  it('an .npy shape over the budget, and an ONNX initializer over it', () => {
    const head = "{'descr': '<f4', 'fortran_order': False, 'shape': (5000, 5000), }";
    const npy = new Uint8Array(10 + head.length);
    npy.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    new DataView(npy.buffer).setUint16(8, head.length, true);
    npy.set(new TextEncoder().encode(head), 10);
    expect(errorOf('b.npy', npy, [{ weight: 'b', activation: 'relu' }])).toMatch(/more than 10000000 numbers/);
    const model = onnx.ModelProto.encode({ irVersion: 8, graph: { initializer: [{ name: 'W', dims: [4000, 4000], dataType: 1 }] } }).finish();
    expect(errorOf('b.onnx', model)).toMatch(/initializer "W": shape \[4000, 4000\] has more than 10000000 numbers/);
  });

  it('a file over the size limit is refused from its size alone (a sparse file: nothing is read)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-big-model-'));
    const fd = fs.openSync(path.join(dir, 'huge.onnx'), 'w');
    fs.ftruncateSync(fd, MODEL_LIMITS.fileBytes + 1);
    fs.closeSync(fd);
    expect(() => loadModel(path.join(dir, 'a.json'), 'huge.onnx', undefined)).toThrow(new RegExp(`the file is ${MODEL_LIMITS.fileBytes + 1} bytes; the limit is ${MODEL_LIMITS.fileBytes}`));
  });
});

describe('NaN and Infinity weights', () => {
  it('.npz written by NumPy with a NaN weight and an infinite bias', () => {
    expect(errorOf('n.npz', fixture('moons-nan.npz'), MOONS_NPZ_LAYERS)).toBe('layer 1: weight "W1" has NaN at [3, 5]; every weight must be a finite number');
    expect(errorOf('i.npz', fixture('moons-inf.npz'), MOONS_NPZ_LAYERS)).toBe('layer 2: bias "b2" has Infinity at [0]; every weight must be a finite number');
  });

  it('a safetensors weight set to NaN', () => {
    const { header, data } = parseSafetensors(fixture('moons.safetensors'));
    const d = data.slice();
    new DataView(d.buffer).setFloat32(header['net.2.weight'].data_offsets[0] + 4 * 17, NaN, true);
    expect(errorOf('n.safetensors', safetensors(header, d), MOONS_LAYERS)).toBe('layer 1: weight "net.2.weight" has NaN at [1, 1]; every weight must be a finite number');
  });

  it('an ONNX initializer with -Infinity', () => {
    const m = onnx.ModelProto.decode(fixture('moons.onnx'));
    const init = m.graph!.initializer!.find((t) => t.name === 'net.4.bias')!;
    const raw = init.rawData!.slice();
    new DataView(raw.buffer).setFloat32(0, -Infinity, true);
    init.rawData = raw;
    expect(errorOf('i.onnx', onnx.ModelProto.encode(m).finish())).toBe('initializer "net.4.bias" has -Infinity at [0]; every weight must be a finite number');
  });
});

describe('paths that leave the config folder', () => {
  it('.., an absolute path, a Windows drive and a symlink out are refused; nothing outside is read', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-confine-'));
    fs.mkdirSync(path.join(root, 'configs/models'), { recursive: true });
    fs.copyFileSync(path.join(MODELS, 'moons.onnx'), path.join(root, 'outside.onnx'));
    fs.symlinkSync(path.join(root, 'outside.onnx'), path.join(root, 'configs/models/link.onnx'));
    const config = path.join(root, 'configs/a.json');
    const err = (file: string) => {
      try {
        loadModel(config, file, undefined);
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(err('../outside.onnx')).toMatch(/leaves the config file's folder/);
    expect(err('../../../../../../etc/passwd')).toMatch(/leaves the config file's folder/);
    expect(err('models/../../outside.onnx')).toMatch(/leaves the config file's folder/);
    expect(err('/etc/passwd')).toMatch(/absolute path is not allowed/);
    expect(err(path.join(root, 'outside.onnx'))).toMatch(/absolute path is not allowed/);
    expect(err('C:\\Windows\\win.ini')).toMatch(/absolute path is not allowed/);
    expect(err('models/link.onnx')).toMatch(/a symlink leads out of the config file's folder/);
    expect(err('models/missing.onnx')).toBe('no such file');
    // A symlink that stays inside is fine.
    fs.copyFileSync(path.join(MODELS, 'moons.onnx'), path.join(root, 'configs/models/moons.onnx'));
    fs.symlinkSync('moons.onnx', path.join(root, 'configs/models/inside.onnx'));
    expect(loadModel(config, 'models/inside.onnx', undefined).inputs).toBe(2);
  });
});

describe('pickles that would run code under torch.load', () => {
  it.each([
    ['evil-os-system.pt', 'posix.system'],
    ['evil-eval.pt', '__builtin__.eval'],
  ])('%s (made by torch.save; torch.load ran it) is refused naming %s, and nothing runs', (name, global) => {
    const dir = tempWithModels([name]);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(() => loadModel(path.join(dir, 'a.json'), `models/${name}`, MOONS_LAYERS)).toThrow(`refused the pickle global "${global}"`);
    } finally {
      process.chdir(cwd);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['models']);
    expect(fs.existsSync(path.join(dir, 'actiplot-pwned'))).toBe(false);
  });

  it('a protocol-4 STACK_GLOBAL of os.system and a storage type called as a function are refused', () => {
    const enc = new TextEncoder();
    const s = (t: string) => [0x8c, t.length, ...enc.encode(t)];
    const stackGlobal = Uint8Array.from([0x80, 4, ...s('os'), ...s('system'), 0x93, ...s('id'), 0x85, 0x52, 0x2e]);
    expect(errorOf('g.pt', zipSync({ 'm/data.pkl': stackGlobal }), MOONS_LAYERS)).toMatch(/refused the pickle global "os\.system"/);
    const callStorage = Uint8Array.from([0x80, 2, 0x63, ...enc.encode('torch\nFloatStorage\n'), 0x29, 0x52, 0x2e]);
    expect(errorOf('c.pt', zipSync({ 'm/data.pkl': callStorage }), MOONS_LAYERS)).toMatch(/torch\.FloatStorage cannot be called/);
  });
});

describe('ONNX graphs that are not a chain of supported layers', () => {
  it('an unknown operator is named with its node', () => {
    expect(errorOf('u.onnx', fixture('unknown-op.onnx'))).toMatch(/^unsupported operator "Conv" \(node "the_conv"\); supported: Gemm, MatMul/);
  });
  it('external data is refused, naming the initializer and the file it points at', () => {
    expect(errorOf('e.onnx', fixture('external-data.onnx'))).toMatch(/^initializer "W1" keeps its data in an external file \("weights\.bin"\), which is not read/);
  });
  it('a branch is not a chain', () => {
    expect(errorOf('b.onnx', fixture('branch.onnx'))).toBe('not a chain of layers: "h0" feeds 2 nodes (Relu node "r0", Sigmoid node "s0")');
  });
});

describe('layer lists that do not fit the tensors', () => {
  it('a missing tensor lists the names the file has', () => {
    expect(errorOf('m.safetensors', fixture('moons.safetensors'), [{ weight: 'net.0.wieght', activation: 'relu' }])).toMatch(/^layer 0: no weight tensor "net\.0\.wieght" in the file \(it has "net\.0\.weight", "net\.0\.bias"/);
  });
  it('shapes across layers name the layer, both tensors and the shapes, and hint at "transpose"', () => {
    expect(errorOf('s.safetensors', fixture('moons.safetensors'), [MOONS_LAYERS[0], MOONS_LAYERS[0]])).toBe(
      'layer 1: weight "net.0.weight" has shape [16, 2] ([out, in]), which takes 2 inputs, but layer 0 ("net.0.weight") has 16 outputs (stored [in, out]? add "transpose": true)',
    );
    expect(errorOf('t.npz', fixture('moons.npz'), MOONS_NPZ_LAYERS.map(({ transpose: _t, ...l }) => l))).toBe(
      'layer 0: bias "b0" has shape [16]; expected 2 values, one per neuron of weight "W0" [2, 16] (stored [in, out]? add "transpose": true)',
    );
  });
  it('a bias of the wrong size names both tensors', () => {
    const layers = [{ ...MOONS_LAYERS[0], bias: 'net.4.bias' }];
    expect(errorOf('b.safetensors', fixture('moons.safetensors'), layers)).toBe('layer 0: bias "net.4.bias" has shape [1]; expected 16 values, one per neuron of weight "net.0.weight" [16, 2]');
  });
  it('ONNX with a layer list, and tensors without one', () => {
    expect(errorOf('x.onnx', fixture('moons.onnx'), MOONS_LAYERS)).toMatch(/brings its layers .* remove "layers"/);
    expect(errorOf('x.safetensors', fixture('moons.safetensors'), undefined)).toMatch(/^give "layers" naming the weight and bias tensors/);
  });
});

/** A pickle of { "w": _rebuild_tensor_v2(storage, 0, size, stride) } as torch writes it. */
function pickleTensor(o: { key: string; numel: number; size: number[]; stride: number[] }): Uint8Array {
  const enc = new TextEncoder();
  const u = (t: string) => { const b = enc.encode(t); return [0x58, b.length, 0, 0, 0, ...b]; };
  const ints = (v: number[]) => [0x28, ...v.flatMap((n) => [0x4b, n]), 0x74];
  return Uint8Array.from([
    0x80, 2, 0x7d, 0x28, ...u('w'),
    0x63, ...enc.encode('torch._utils\n_rebuild_tensor_v2\n'),
    0x28, 0x28, ...u('storage'), 0x63, ...enc.encode('torch\nFloatStorage\n'), ...u(o.key), ...u('cpu'), 0x4b, o.numel, 0x74, 0x51,
    0x4b, 0, ...ints(o.size), ...ints(o.stride), 0x89, 0x7d, 0x74, 0x52,
    0x75, 0x2e,
  ]);
}
