/**
 * The hostile cases that need a real process: the CLI as CI runs it, with its peak memory (the
 * kernel's maxRSS, read at exit by rss-probe.mjs) and wall time bounded with a wide margin. The
 * bounds are not speed targets: they catch a read that waits on a pipe, a file read whole, or a
 * budget that lets gigabytes through; a passing run is about 0.3 s and 100-200 MB.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChild, type Case } from './corpus.js';

/** Generous: ten times what these runs take on a loaded 2-core machine. */
const MAX_MB = 700;
const MAX_MS = 30_000;

const layer = (rows: number, cols: number, w = 0.001, activation = 'relu') => ({
  weights: Array.from({ length: rows }, () => Array(cols).fill(w)), biases: Array(rows).fill(0), activation,
});

const cases: Case[] = [
  { name: 'child: a FIFO beside good figures', files: { 'x.json': (f: string) => spawnSync('mkfifo', [f]) }, code: 1, message: /x\.json: is a FIFO \(named pipe\), not a regular file/, names: null },
  { name: 'child: /dev/zero as a config', files: {}, args: ['render', 'configs', '/dev/zero', '--out', 'out', '--jobs', '1'], code: 1, message: /^\/dev\/zero: is a character device, not a regular file$/, names: null },
  { name: 'child: a sparse 1 GB config', files: { 'big.json': (f: string) => { fs.writeFileSync(f, '{'); fs.truncateSync(f, 1024 ** 3); } }, code: 1, message: /big\.json: file is 1073741824 bytes; the limit is 1048576/, names: null },
  {
    // About 0.8 MB of weights, within every single limit: 1001² points × 2 · 256² multiply-adds.
    name: 'child: a network too big for its grid',
    files: { 'net.json': { name: 'net', kind: 'contour', x: { range: [-5, 5], step: 0.01 }, y: { range: [-5, 5], step: 0.01 }, network: { layers: [layer(256, 2), layer(256, 256), layer(256, 256), layer(1, 256, 0.001, 'identity')] } } },
    code: 1, message: /net\.json:1:1: over the work budget/, names: null,
  },
  { name: 'child: 500 frames of 8000²', files: { 'anim.json': { name: 'anim', kind: 'contour', width: 8000, height: 8000, perceptron: { weights: [1, 2], bias: 0, activation: 'relu' }, sweep: { path: 'perceptron.bias', from: 0, to: 1, frames: 500 } } }, code: 1, message: /anim\.json:1:1: over the animation budget/, names: null },
  { name: 'child: a 1 MB title', files: { 't.json': { name: 't', kind: 'line', title: 'x'.repeat(1_000_000), series: [{ activation: 'relu' }] } }, code: 1, message: /t\.json:1:\d+: title: a text of 1000000 characters; the limit is 500/, names: null },
  { name: 'child: a sweep of an array length to 3,000,000', files: { 'l.json': { name: 'l', kind: 'contour', perceptron: { weights: [1, 2], activation: 'relu' }, sweep: { path: 'perceptron.weights.length', from: 2, to: 3_000_000, frames: 4 } } }, code: 1, message: /a list's length cannot be swept/, names: null },
  { name: 'child: 200 hidden neurons as panels', files: { 'n.json': { name: 'n', kind: 'contour', neurons: true, network: { layers: [layer(200, 2), layer(1, 200, 0.01, 'identity')] } } }, code: 1, message: /n\.json:\d+:\d+: neurons: the figure would have 201 panels/, names: null },
  { name: 'child: an SVG of 1001² × 1000 levels', files: { 'v.json': { name: 'v', kind: 'contour', format: 'svg', x: { range: [-5, 5], step: 0.01 }, y: { range: [-5, 5], step: 0.01 }, levels: 1000, perceptron: { weights: [1, 2], activation: 'sigmoid' } } }, code: 1, message: /v\.json:1:1: over the vector budget/, names: null },
  { name: 'child: a sweep path through __proto__', files: { 'p.json': { name: 'p', kind: 'contour', perceptron: { weights: [1, 2], activation: 'relu' }, sweep: { path: '__proto__.x', from: 0, to: 1, frames: 3 } } }, code: 1, message: /"__proto__" is not a config key/, names: null },
];

describe('hostile corpus (child processes, memory and time measured)', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const o = await runChild(c);
      expect(o.peakMB, `${c.name}: no memory measurement`).toBeGreaterThan(0);
      expect(o.peakMB!, `${c.name}: peak memory`).toBeLessThan(MAX_MB);
      expect(o.ms, `${c.name}: wall time`).toBeLessThan(MAX_MS);
    }, 90_000);
  }
});
