#!/usr/bin/python3
"""
Draws the surfaces of configs/three-class-classes.json, configs/moons-probability.json and
configs/perceptron-pixel.json with matplotlib and scikit-learn (Debian: python3-matplotlib,
python3-sklearn), for a look beside actiplot's output/ files. The networks are evaluated in NumPy
from the safetensors weights. Writes into the folder given (default /tmp/actiplot-compare):

    /usr/bin/python3 scripts/compare-surfaces.py [folder]
"""
import json
import os
import struct
import sys

import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.inspection import DecisionBoundaryDisplay

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1] if len(sys.argv) > 1 else '/tmp/actiplot-compare'
os.makedirs(OUT, exist_ok=True)


def safetensors(path):
    b = open(path, 'rb').read()
    n = struct.unpack('<Q', b[:8])[0]
    head = json.loads(b[8:8 + n])
    out = {}
    for k, v in head.items():
        if k == '__metadata__':
            continue
        s, e = v['data_offsets']
        out[k] = np.frombuffer(b[8 + n + s:8 + n + e], dtype={'F32': '<f4', 'F64': '<f8'}[v['dtype']]).astype(np.float64).reshape(v['shape'])
    return out


def csv(path):
    d = np.genfromtxt(path, delimiter=',', names=True)
    return np.stack([d['x1'], d['x2']], 1), d['label'].astype(int)


class Net(ClassifierMixin, BaseEstimator):
    """Enough of a scikit-learn classifier for DecisionBoundaryDisplay: predict and predict_proba."""

    def __init__(self, layers=None):
        self.layers = layers

    def fit(self, x, y):
        return self

    def out(self, x):
        for w, b, f in self.layers:
            x = f(x @ w.T + b)
        return x

    def predict_proba(self, x):
        o = self.out(np.asarray(x, dtype=np.float64))
        return np.hstack([1 - o, o]) if o.shape[1] == 1 else o

    def predict(self, x):
        return self.predict_proba(x).argmax(1)


relu = lambda a: np.maximum(a, 0)
sigmoid = lambda a: 1 / (1 + np.exp(-a))
softmax = lambda a: np.exp(a - a.max(1, keepdims=True)) / np.exp(a - a.max(1, keepdims=True)).sum(1, keepdims=True)
tab10 = plt.get_cmap('tab10').colors

# Three classes: DecisionBoundaryDisplay of predict (argmax), training data on top.
t = safetensors(os.path.join(ROOT, 'test/fixtures/models/three-class.safetensors'))
three = Net([(t['net.0.weight'], t['net.0.bias'], relu), (t['net.2.weight'], t['net.2.bias'], softmax)])
three.classes_ = np.arange(3)
three.n_features_in_ = 2
X, y = csv(os.path.join(ROOT, 'configs/models/three-class.csv'))
fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
grid = np.stack(np.meshgrid(np.arange(-5, 5.05, 0.1), np.arange(-5, 5.05, 0.1)), -1).reshape(-1, 2)
DecisionBoundaryDisplay.from_estimator(three, grid, response_method='predict', grid_resolution=101, eps=0, ax=ax,
                                       cmap=ListedColormap(tab10[:3]), alpha=0.6, plot_method='contourf', levels=[-0.5, 0.5, 1.5, 2.5])
for k, m in enumerate('os^'):
    ax.scatter(X[y == k, 0], X[y == k, 1], c=[tab10[k]], marker=m, edgecolor='k', linewidth=0.6, label=['blob A', 'blob B', 'blob C'][k])
ax.set_xlim(-5, 5); ax.set_ylim(-5, 5); ax.legend(); ax.set_title('scikit-learn: DecisionBoundaryDisplay (predict)')
fig.savefig(os.path.join(OUT, 'three-class-classes.png'))

# Moons: predict_proba of the winning class, 30 training steps, misclassified ringed.
for name, path in (('moons-probability', 'test/fixtures/models/moons.safetensors'), ('moons-probability-epoch-30', 'configs/models/moons-epochs/epoch-03.safetensors')):
    m = safetensors(os.path.join(ROOT, path))
    moons = Net([(m['net.0.weight'], m['net.0.bias'], np.tanh), (m['net.2.weight'], m['net.2.bias'], relu), (m['net.4.weight'], m['net.4.bias'], sigmoid)])
    X, y = csv(os.path.join(ROOT, 'configs/models/moons.csv'))
    xs = np.linspace(-5, 5, 101)
    gx, gy = np.meshgrid(xs, xs)
    p = moons.predict_proba(np.stack([gx.ravel(), gy.ravel()], 1))[:, 1].reshape(gx.shape)
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    cs = ax.contourf(gx, gy, p, levels=np.linspace(0, 1, 101), cmap='RdBu_r', alpha=0.8)
    fig.colorbar(cs, ax=ax, label='p(lower moon)')
    ax.contour(gx, gy, p, levels=[0.5], colors='k', linestyles='dashed')
    wrong = moons.predict(X) != y
    for k, mk in enumerate('os'):
        ax.scatter(X[y == k, 0], X[y == k, 1], c=[tab10[k]], marker=mk, edgecolor='k', linewidth=0.6)
    ax.scatter(X[wrong, 0], X[wrong, 1], s=120, facecolors='none', edgecolors='k', linewidth=1.2, label=f'misclassified ({wrong.sum()})')
    ax.set_xlim(-5, 5); ax.set_ylim(-5, 5); ax.legend(); ax.set_title(f'matplotlib: {name}')
    fig.savefig(os.path.join(OUT, f'{name}.png'))

# The step perceptron: the seed's contourf on the 0.1 grid, and imshow of the function at each pixel.
for name, (w1, w2, b) in (('perceptron-step-pixel-1', (1, 2, -5)), ('perceptron-step-pixel-2', (3, -5, 10))):
    fig, ax = plt.subplots(1, 2, figsize=(14, 5.6), dpi=100)
    x = np.arange(-5, 5.1, 0.1)
    gx, gy = np.meshgrid(x, x)
    z = np.where(w1 * gx + w2 * gy + b > 0, 1, 0)
    ax[0].contourf(gx, gy, z, levels=np.linspace(0, 1, 101), cmap='coolwarm', alpha=0.8)
    ax[0].set_title('matplotlib contourf (grid 0.1)')
    px = np.linspace(-5, 5, 530)
    gx, gy = np.meshgrid(px, px[::-1])
    ax[1].imshow(np.where(w1 * gx + w2 * gy + b > 0, 1, 0), extent=(-5, 5, -5, 5), cmap='coolwarm', alpha=0.8, interpolation='antialiased')
    ax[1].set_title('matplotlib imshow (one sample per pixel)')
    for a in ax:
        xx = np.array([-5, 5])
        a.plot(xx, (-b - w1 * xx) / w2, 'g:', linewidth=2)
        a.set_xlim(-5, 5); a.set_ylim(-5, 5)
    fig.savefig(os.path.join(OUT, f'{name}.png'))
print('wrote', OUT)

# References for test/surfaces/: what NumPy computes from the same files, independently of actiplot.
ref = {}
X, y = csv(os.path.join(ROOT, 'configs/models/moons.csv'))
inside = (np.abs(X) <= 5).all(1)
ref['moons-csv'] = {'points': int(len(X)), 'outside': int((~inside).sum())}
for name, path in (('moons', 'test/fixtures/models/moons.safetensors'), ('moons-epoch-30', 'configs/models/moons-epochs/epoch-03.safetensors')):
    m = safetensors(os.path.join(ROOT, path))
    net = Net([(m['net.0.weight'], m['net.0.bias'], np.tanh), (m['net.2.weight'], m['net.2.bias'], relu), (m['net.4.weight'], m['net.4.bias'], sigmoid)])
    wrong = np.nonzero(net.predict(X) != y)[0]
    ref[name] = {'misclassified': [int(i) for i in wrong], 'misclassified_inside': int(inside[wrong].sum())}
X, y = csv(os.path.join(ROOT, 'configs/models/three-class.csv'))
ref['three-class-csv'] = {'points': int(len(X)), 'outside': int((~(np.abs(X) <= 5).all(1)).sum())}
dest = os.path.join(ROOT, 'test/fixtures/surfaces')
os.makedirs(dest, exist_ok=True)
with open(os.path.join(dest, 'reference.json'), 'w') as f:
    json.dump(ref, f, indent=1)
    f.write('\n')
print('wrote', os.path.join(dest, 'reference.json'))
