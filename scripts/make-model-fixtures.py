#!/usr/bin/python3
"""
Makes the model files actiplot's tests and configs read, with real PyTorch, ONNX and NumPy
(Debian: apt-get install python3-torch python3-onnx python3-numpy). Not run in CI: the files it
writes are committed. Run from the repository root:

    /usr/bin/python3 scripts/make-model-fixtures.py

Writes test/fixtures/models/ (every format and dtype, hostile files, reference outputs) and
configs/models/ (the models the example configs draw, their training data as CSV, and training
checkpoints). Reference outputs are the function the file's weights compute, evaluated in float64
by torch (a float16 file's reference uses its float16 weights widened to float64), so actiplot
must match them to about 1e-12; the tests allow 1e-6.
"""
import io
import json
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
import torch
import torch.nn as nn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join(ROOT, 'test', 'fixtures', 'models')
CFG = os.path.join(ROOT, 'configs', 'models')
os.makedirs(FIX, exist_ok=True)
os.makedirs(os.path.join(CFG, 'moons-epochs'), exist_ok=True)

torch.manual_seed(0)
rng = np.random.default_rng(0)


# ------------------------------------------------------------------------------------------
# Data sets

def two_moons(n=200, noise=0.12):
    t = rng.uniform(0, math.pi, n)
    upper = np.stack([np.cos(t[: n // 2]), np.sin(t[: n // 2])], 1)
    lower = np.stack([1 - np.cos(t[n // 2:]), 0.5 - np.sin(t[n // 2:])], 1)
    x = np.concatenate([upper, lower]) + rng.normal(0, noise, (n, 2))
    # Centred on the origin and scaled to fill the seed's square (-5..5).
    x = (x - [0.5, 0.25]) * 3.0
    y = np.concatenate([np.zeros(n // 2), np.ones(n - n // 2)])
    return x.astype(np.float64), y


def three_blobs(n=240):
    centres = np.array([[-2.5, -1.5], [2.5, -1.5], [0.0, 2.5]])
    labels = np.repeat(np.arange(3), n // 3)
    x = centres[labels] + rng.normal(0, 1.0, (n, 2))
    return x.astype(np.float64), labels


def ball(n=3000):
    x = rng.uniform(-1.5, 1.5, (n, 3))
    y = (np.sum(x * x, 1) < 1.0).astype(np.float64)
    return x, y


def write_csv(path, x, y, label='label'):
    with open(path, 'w') as f:
        f.write(','.join([f'x{i + 1}' for i in range(x.shape[1])] + [label]) + '\n')
        for row, c in zip(x, y):
            f.write(','.join(f'{v:.6g}' for v in row) + f',{int(c)}\n')


# ------------------------------------------------------------------------------------------
# Training

def train(model, x, y, loss_fn, epochs, lr=0.02, checkpoints=None):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    xt = torch.tensor(x, dtype=torch.float32)
    yt = torch.tensor(y)
    for epoch in range(1, epochs + 1):
        opt.zero_grad()
        out = model(xt)
        loss = loss_fn(out, yt)
        loss.backward()
        opt.step()
        if checkpoints and epoch in checkpoints:
            checkpoints[epoch](model)
    return float(loss)


# ------------------------------------------------------------------------------------------
# Writers

ST_DTYPES = {torch.float32: 'F32', torch.float64: 'F64', torch.float16: 'F16', torch.bfloat16: 'BF16'}


def tensor_bytes(t):
    t = t.detach().contiguous().cpu()
    if t.dtype == torch.bfloat16:
        return t.view(torch.int16).numpy().astype('<i2').tobytes()
    return t.numpy().astype(t.numpy().dtype.newbyteorder('<')).tobytes()


def write_safetensors(path, tensors, metadata=None):
    """The format by hand: 8-byte little-endian header length, JSON header, raw tensors."""
    header = {}
    blobs = []
    offset = 0
    for name, t in tensors.items():
        b = tensor_bytes(t)
        header[name] = {'dtype': ST_DTYPES[t.dtype], 'shape': list(t.shape), 'data_offsets': [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    if metadata:
        header['__metadata__'] = metadata
    text = json.dumps(header, separators=(',', ':')).encode()
    text += b' ' * ((8 - len(text) % 8) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def state(model, dtype=None):
    return {k: (v.to(dtype) if dtype else v) for k, v in model.state_dict().items()}


def export_onnx(model, n_in, path, dtype=torch.float32):
    m = model.to(dtype)
    torch.onnx.export(m, torch.zeros(1, n_in, dtype=dtype), path, input_names=['input'], output_names=['output'],
                      dynamic_axes={'input': {0: 'batch'}, 'output': {0: 'batch'}}, opset_version=13)
    model.to(torch.float32)


def reference(model, points, dtype=None):
    """Outputs at `points`, in float64, of the weights as stored in `dtype`."""
    sd = {k: v.to(dtype).to(torch.float64) if dtype else v.to(torch.float64) for k, v in model.state_dict().items()}
    clone = model_like(model)
    clone.load_state_dict(sd)
    clone = clone.to(torch.float64)
    with torch.no_grad():
        return clone(torch.tensor(points, dtype=torch.float64)).numpy().tolist()


def model_like(model):
    import copy
    return copy.deepcopy(model).to(torch.float64)


def grid_points(n_in, k=7, lo=-4.5, hi=4.5):
    axis = np.linspace(lo, hi, k)
    if n_in == 1:
        return [[v] for v in axis]
    if n_in == 2:
        return [[a, b] for a in axis for b in axis]
    r = rng.uniform(-1.5, 1.5, (40, n_in))
    return r.tolist()


refs = {}


def add_ref(name, model, n_in, dtype=None, points=None, slice_=None):
    pts = points if points is not None else grid_points(n_in)
    refs[name] = {'inputs': pts, 'outputs': reference(model, pts, dtype)}


# ------------------------------------------------------------------------------------------
# 1. Two moons, 2-16-16-1: tanh, relu, sigmoid (the example layer list).

class Moons(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1), nn.Sigmoid())

    def forward(self, x):
        return self.net(x)


mx, my = two_moons()
write_csv(os.path.join(CFG, 'moons.csv'), mx, my)
moons = Moons()
def checkpoint(epoch):
    path = os.path.join(CFG, 'moons-epochs', f'epoch-{epoch:02d}.safetensors')
    return lambda m: write_safetensors(path, state(m), {'epoch': str(epoch)})


ckpts = {e: checkpoint(i + 1) for i, e in enumerate((1, 10, 30, 100, 300))}
loss = train(moons, mx, my.reshape(-1, 1).astype(np.float32), nn.BCELoss(), 300, checkpoints=ckpts)
print('moons loss', loss)

export_onnx(moons, 2, os.path.join(CFG, 'moons.onnx'))
write_safetensors(os.path.join(CFG, 'moons.safetensors'), state(moons))
shutil.copy(os.path.join(CFG, 'moons.onnx'), os.path.join(FIX, 'moons.onnx'))
shutil.copy(os.path.join(CFG, 'moons.safetensors'), os.path.join(FIX, 'moons.safetensors'))
add_ref('moons', moons, 2)

export_onnx(moons, 2, os.path.join(FIX, 'moons-f64.onnx'), torch.float64)
for dt, tag in ((torch.float64, 'f64'), (torch.float16, 'f16'), (torch.bfloat16, 'bf16')):
    write_safetensors(os.path.join(FIX, f'moons-{tag}.safetensors'), state(moons, dt))
    if dt != torch.float64:
        add_ref(f'moons-{tag}', moons, 2, dt)

torch.save(moons.state_dict(), os.path.join(FIX, 'moons.pt'))
torch.save(moons.state_dict(keep_vars=True), os.path.join(FIX, 'moons-params.pth'))
torch.save(state(moons, torch.float16), os.path.join(FIX, 'moons-f16.pt'))

# NumPy users keep W as [in, out] for x @ W (hence "transpose": true in the configs).
sd = {k: v.numpy() for k, v in moons.state_dict().items()}
npz = {'W0': sd['net.0.weight'].T, 'b0': sd['net.0.bias'], 'W1': sd['net.2.weight'].T, 'b1': sd['net.2.bias'],
       'W2': sd['net.4.weight'].T, 'b2': sd['net.4.bias']}
np.savez(os.path.join(FIX, 'moons.npz'), **npz)
np.savez_compressed(os.path.join(FIX, 'moons-compressed.npz'), **npz)
np.save(os.path.join(FIX, 'moons-W0.npy'), npz['W0'])
np.save(os.path.join(FIX, 'moons-W0-fortran.npy'), np.asfortranarray(npz['W0']))
np.save(os.path.join(FIX, 'moons-W0-f64-big-endian.npy'), npz['W0'].astype('>f8'))
nan = dict(npz)
nan['W1'] = nan['W1'].copy()
nan['W1'][3, 5] = np.nan
np.savez(os.path.join(FIX, 'moons-nan.npz'), **nan)
inf = dict(npz)
inf['b2'] = np.array([np.inf], dtype=np.float32)
np.savez(os.path.join(FIX, 'moons-inf.npz'), **inf)

# A float16 ONNX of the same network, the initializers in typed fields (int32_data holds the bits).
def typed_onnx(src, dst, dtype):
    m = onnx.load(src)
    for init in m.graph.initializer:
        arr = numpy_helper.to_array(init).astype(np.float64)
        if dtype == 'f16':
            # make_tensor widens float16 values to their bits in int32_data itself.
            new = helper.make_tensor(init.name, TensorProto.FLOAT16, arr.shape, arr.astype(np.float16).flatten().tolist())
        elif dtype == 'f32-typed':
            new = helper.make_tensor(init.name, TensorProto.FLOAT, arr.shape, arr.astype(np.float32).flatten().tolist())
        else:
            new = helper.make_tensor(init.name, TensorProto.DOUBLE, arr.shape, arr.flatten().tolist())
        init.CopyFrom(new)
    for vi in list(m.graph.input) + list(m.graph.output):
        vi.type.tensor_type.elem_type = {'f16': TensorProto.FLOAT16, 'f32-typed': TensorProto.FLOAT, 'f64-typed': TensorProto.DOUBLE}[dtype]
    onnx.save(m, dst)


typed_onnx(os.path.join(FIX, 'moons.onnx'), os.path.join(FIX, 'moons-f16.onnx'), 'f16')
typed_onnx(os.path.join(FIX, 'moons.onnx'), os.path.join(FIX, 'moons-typed.onnx'), 'f32-typed')
typed_onnx(os.path.join(FIX, 'moons-f64.onnx'), os.path.join(FIX, 'moons-f64-typed.onnx'), 'f64-typed')
m16 = onnx.load(os.path.join(FIX, 'moons-f16.onnx'))
assert np.array_equal(numpy_helper.to_array(m16.graph.initializer[0]), sd['net.0.weight'].astype(np.float16))
refs['moons-f16-onnx'] = refs['moons-f16']

# ------------------------------------------------------------------------------------------
# 2. Three classes, 2-32-3 with Softmax at the end.

class Three(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 3), nn.Softmax(dim=1))

    def forward(self, x):
        return self.net(x)


tx, ty = three_blobs()
write_csv(os.path.join(CFG, 'three-class.csv'), tx, ty)
three = Three()
print('three loss', train(three, tx, ty.astype(np.int64), lambda out, y: nn.functional.nll_loss(torch.log(out + 1e-9), y), 300))
export_onnx(three, 2, os.path.join(CFG, 'three-class.onnx'))
shutil.copy(os.path.join(CFG, 'three-class.onnx'), os.path.join(FIX, 'three-class.onnx'))
write_safetensors(os.path.join(FIX, 'three-class.safetensors'), state(three))
add_ref('three-class', three, 2)

# ------------------------------------------------------------------------------------------
# 3. Three inputs (a ball), drawn on slices.

class Ball(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(3, 16), nn.Tanh(), nn.Linear(16, 1), nn.Sigmoid())

    def forward(self, x):
        return self.net(x)


bx, by = ball()
ballm = Ball()
print('ball loss', train(ballm, bx, by.reshape(-1, 1).astype(np.float32), nn.BCELoss(), 2000, lr=0.03))
export_onnx(ballm, 3, os.path.join(FIX, 'ball3.onnx'))
shutil.copy(os.path.join(FIX, 'ball3.onnx'), os.path.join(CFG, 'ball3.onnx'))
write_safetensors(os.path.join(FIX, 'ball3.safetensors'), state(ballm))
add_ref('ball3', ballm, 3)

# ------------------------------------------------------------------------------------------
# 4. Every activation an MLP exports to: GELU (the Erf pattern), LeakyReLU, ELU, Softplus,
#    Hardsigmoid, Tanh, then Sigmoid; a Flatten and a Dropout (gone in eval mode) on the way.

class Acts(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Flatten(), nn.Linear(2, 8), nn.GELU(), nn.Linear(8, 8), nn.LeakyReLU(0.1), nn.Dropout(0.2),
            nn.Linear(8, 8), nn.ELU(0.5), nn.Linear(8, 8), nn.Softplus(), nn.Linear(8, 8), nn.Hardsigmoid(),
            nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 1), nn.Sigmoid())

    def forward(self, x):
        return self.net(x)


acts = Acts()
print('acts loss', train(acts, mx, my.reshape(-1, 1).astype(np.float32), nn.BCELoss(), 200))
acts.eval()
export_onnx(acts, 2, os.path.join(FIX, 'activations.onnx'))
write_safetensors(os.path.join(FIX, 'activations.safetensors'), state(acts))
add_ref('activations', acts, 2)

# SiLU, as PyTorch exports it before a Swish operator existed: Sigmoid(x) then Mul(x, ·).
class Silu(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2, 6), nn.SiLU(), nn.Linear(6, 1))

    def forward(self, x):
        return self.net(x)


silu = Silu()
print('silu loss', train(silu, mx, my.reshape(-1, 1).astype(np.float32), nn.MSELoss(), 100))
export_onnx(silu, 2, os.path.join(FIX, 'silu.onnx'))
add_ref('silu', silu, 2)

# GELU with the tanh approximation, exported (before opset 20) as a pattern of Mul, Add and Tanh.
class GeluTanh(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2, 6), nn.GELU(approximate='tanh'), nn.Linear(6, 1))

    def forward(self, x):
        return self.net(x)


gelu_t = GeluTanh()
print('gelu-tanh loss', train(gelu_t, mx, my.reshape(-1, 1).astype(np.float32), nn.MSELoss(), 100))
export_onnx(gelu_t, 2, os.path.join(FIX, 'gelu-tanh.onnx'))
add_ref('gelu-tanh', gelu_t, 2)

# A 1-input model for line series.
class One(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(1, 8), nn.Tanh(), nn.Linear(8, 1))

    def forward(self, x):
        return self.net(x)


xs = np.linspace(-3, 3, 64).reshape(-1, 1)
one = One()
print('one loss', train(one, xs, np.sin(xs).astype(np.float32), nn.MSELoss(), 500))
export_onnx(one, 1, os.path.join(FIX, 'sine1.onnx'))
add_ref('sine1', one, 1)

# ------------------------------------------------------------------------------------------
# 5. Graphs written with the onnx package as tf2onnx / skl2onnx / newer exporters write them.

def w(name, arr, typed=False):
    arr = np.asarray(arr, dtype=np.float32)
    if typed:
        return helper.make_tensor(name, TensorProto.FLOAT, arr.shape, arr.flatten().tolist())
    return numpy_helper.from_array(arr, name)


def graph_model(nodes, inits, n_in, n_out, name, opset=13, extra_opsets=()):
    g = helper.make_graph(nodes, name, [helper.make_tensor_value_info('x', TensorProto.FLOAT, ['N', n_in])],
                          [helper.make_tensor_value_info('y', TensorProto.FLOAT, ['N', n_out])], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid('', opset), *extra_opsets], producer_name='actiplot-fixtures')
    m.ir_version = 8
    return m


W1 = rng.normal(0, 1, (2, 4)).astype(np.float32)   # [in, out] as MatMul and Keras keep it
B1 = rng.normal(0, 1, (4,)).astype(np.float32)
W2 = rng.normal(0, 1, (4, 1)).astype(np.float32)
B2 = rng.normal(0, 1, (1,)).astype(np.float32)


def np_ref(points, fn):
    return [fn(np.asarray(p, dtype=np.float64)).tolist() for p in points]


def gelu(a):
    return 0.5 * a * (1 + np.vectorize(math.erf)(a / math.sqrt(2)))


def gelu_tanh(a):
    return 0.5 * a * (1 + np.tanh(math.sqrt(2 / math.pi) * (a + 0.044715 * a ** 3)))


def sig(a):
    return 1 / (1 + np.exp(-a))


P = grid_points(2)
W1d, B1d, W2d, B2d = (v.astype(np.float64) for v in (W1, B1, W2, B2))

# MatMul + Add + Relu, Identity, Reshape of a vector, Gemm with transA/alpha/beta, HardSigmoid (Keras's).
shape = numpy_helper.from_array(np.array([-1, 4], dtype=np.int64), 'shape')
m = graph_model([
    helper.make_node('MatMul', ['x', 'W1'], ['h0'], name='dense/MatMul'),
    helper.make_node('Add', ['h0', 'B1'], ['h1'], name='dense/BiasAdd'),
    helper.make_node('Relu', ['h1'], ['h2'], name='dense/Relu'),
    helper.make_node('Identity', ['h2'], ['h3'], name='identity'),
    helper.make_node('Reshape', ['h3', 'shape'], ['h4'], name='reshape'),
    helper.make_node('Gemm', ['h4', 'W2', 'B2'], ['h5'], name='out/Gemm', alpha=0.5, beta=2.0),
    helper.make_node('HardSigmoid', ['h5'], ['y'], name='out/HardSigmoid', alpha=0.2, beta=0.5),
], [w('W1', W1), w('B1', B1, typed=True), w('W2', W2), w('B2', B2), shape], 2, 1, 'keras_like')
onnx.checker.check_model(m)
onnx.save(m, os.path.join(FIX, 'matmul-add.onnx'))
refs['matmul-add'] = {'inputs': P, 'outputs': np_ref(P, lambda x: np.clip(0.2 * (0.5 * (np.maximum(x @ W1d + B1d, 0) @ W2d) + 2.0 * B2d) + 0.5, 0, 1))}

# Gemm with transA = 1 on an input laid out [features, batch], transB = 0, and the Gelu op (opset 20).
m = graph_model([
    helper.make_node('Gemm', ['x', 'W1', 'B1'], ['h0'], name='gemm_ta', transA=1),
    helper.make_node('Gelu', ['h0'], ['h1'], name='gelu'),
    helper.make_node('Gemm', ['h1', 'W2t', 'B2'], ['h2'], name='gemm_tb', transB=1),
    helper.make_node('Gelu', ['h2'], ['y'], name='gelu_tanh', approximate='tanh'),
], [w('W1', W1), w('B1', B1), w('W2t', W2.T), w('B2', B2)], 2, 1, 'gelu_op', opset=20)
m.graph.input[0].CopyFrom(helper.make_tensor_value_info('x', TensorProto.FLOAT, [2, 'N']))
onnx.save(m, os.path.join(FIX, 'gelu-op.onnx'))
refs['gelu-op'] = {'inputs': P, 'outputs': np_ref(P, lambda x: gelu_tanh(gelu(x @ W1d + B1d) @ W2d + B2d))}

# Softmax over 2 logits (Gemm, LeakyRelu, Elu, Softplus, Softmax), typed float_data initializers.
W3 = rng.normal(0, 1, (4, 2)).astype(np.float32)
m = graph_model([
    helper.make_node('Gemm', ['x', 'W1', 'B1'], ['h0'], name='g0'),
    helper.make_node('LeakyRelu', ['h0'], ['h1'], name='lrelu', alpha=0.2),
    helper.make_node('Gemm', ['h1', 'W3'], ['h2'], name='g1'),
    helper.make_node('Elu', ['h2'], ['h3'], name='elu', alpha=0.7),
    helper.make_node('Softplus', ['h3'], ['h4'], name='softplus'),
    helper.make_node('Softmax', ['h4'], ['y'], name='softmax', axis=-1),
], [w('W1', W1, typed=True), w('B1', B1, typed=True), w('W3', W3, typed=True)], 2, 2, 'softmax_end')
onnx.save(m, os.path.join(FIX, 'softmax.onnx'))


def softmax_ref(x):
    h = x @ W1d + B1d
    h = np.where(h > 0, h, 0.2 * h) @ W3.astype(np.float64)
    h = np.where(h > 0, h, 0.7 * (np.exp(h) - 1))
    h = np.log1p(np.exp(h))
    e = np.exp(h - h.max())
    return e / e.sum()


refs['softmax'] = {'inputs': P, 'outputs': np_ref(P, softmax_ref)}

# Bad graphs: an unknown operator, external data, a branch (not a chain).
m = graph_model([
    helper.make_node('Gemm', ['x', 'W1', 'B1'], ['h0'], name='g0'),
    helper.make_node('Conv', ['h0', 'W2'], ['y'], name='the_conv'),
], [w('W1', W1), w('B1', B1), w('W2', W2)], 2, 1, 'unknown_op')
onnx.save(m, os.path.join(FIX, 'unknown-op.onnx'))

m = graph_model([helper.make_node('Gemm', ['x', 'W1', 'B1'], ['y'], name='g0')], [w('W1', W1), w('B1', B1)], 2, 4, 'external')
ext = m.graph.initializer[0]
ext.ClearField('raw_data')
ext.data_location = TensorProto.EXTERNAL
ext.external_data.add(key='location', value='weights.bin')
onnx.save(m, os.path.join(FIX, 'external-data.onnx'))

m = graph_model([
    helper.make_node('Gemm', ['x', 'W1', 'B1'], ['h0'], name='g0'),
    helper.make_node('Relu', ['h0'], ['h1'], name='r0'),
    helper.make_node('Sigmoid', ['h0'], ['h2'], name='s0'),
    helper.make_node('Add', ['h1', 'h2'], ['y'], name='residual'),
], [w('W1', W1), w('B1', B1)], 2, 4, 'branch')
onnx.save(m, os.path.join(FIX, 'branch.onnx'))

# ------------------------------------------------------------------------------------------
# 6. The seed's perceptron as a NumPy user would keep it: w = (1, 2), b = -5 (integers).

np.savez(os.path.join(CFG, 'perceptron.npz'), w=np.array([1, 2]), b=-5)
shutil.copy(os.path.join(CFG, 'perceptron.npz'), os.path.join(FIX, 'perceptron.npz'))

# ------------------------------------------------------------------------------------------
# 7. A 2-64-64-1 model for the benchmark.

class Bench(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1), nn.Sigmoid())

    def forward(self, x):
        return self.net(x)


bench = Bench()
train(bench, mx, my.reshape(-1, 1).astype(np.float32), nn.BCELoss(), 100)
export_onnx(bench, 2, os.path.join(FIX, 'bench-2-64-64-1.onnx'))
# The same file for configs/network-diagrams.json: layers of 64 that a diagram summarises.
shutil.copy(os.path.join(FIX, 'bench-2-64-64-1.onnx'), os.path.join(CFG, 'wide-2-64-64-1.onnx'))

# ------------------------------------------------------------------------------------------
# 8. Hostile pickles: torch.load (weights_only=False, the default of this torch) runs them.

class Evil:
    def __init__(self, fn, arg):
        self.fn, self.arg = fn, arg

    def __reduce__(self):
        return (self.fn, (self.arg,))


def evil_pt(path, fn, arg):
    torch.save({'net.0.weight': torch.zeros(16, 2), 'payload': Evil(fn, arg)}, path)


marker = 'actiplot-pwned'
evil_pt(os.path.join(FIX, 'evil-os-system.pt'), os.system, f'touch {marker}')
evil_pt(os.path.join(FIX, 'evil-eval.pt'), eval, f"open('{marker}', 'w').write('x')")
# Prove it: loaded by torch in a scratch folder, each file creates the marker.
for name in ('evil-os-system.pt', 'evil-eval.pt'):
    scratch = tempfile.mkdtemp()
    subprocess.run([sys.executable, '-c', f"import torch; torch.load({os.path.join(FIX, name)!r})"], cwd=scratch, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ran = os.path.exists(os.path.join(scratch, marker))
    print(f'{name}: torch.load ran the payload: {ran}')
    assert ran, name
    shutil.rmtree(scratch)

# The legacy (non-zip) torch.save format is refused, not parsed.
torch.save(moons.state_dict(), os.path.join(FIX, 'moons-legacy.pt'), _use_new_zipfile_serialization=False)

with open(os.path.join(FIX, 'reference.json'), 'w') as f:
    json.dump(refs, f, indent=None, separators=(',', ':'))
print('wrote', FIX, CFG)
