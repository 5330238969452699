/**
 * Seeded mutations of real model files (bytes flipped, cut, spliced): every outcome is a model or
 * a ModelError, never another exception (a stack trace for the user) or a hang.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { loadModel } from '../../src/models/load-model.js';
import { ModelError } from '../../src/models/model-error.js';
import { MOONS_LAYERS, MOONS_NPZ_LAYERS, fixture } from './helpers.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-fuzz-'));
let n = 0;

function outcome(name: string, bytes: Uint8Array, layers: typeof MOONS_LAYERS | undefined): 'model' | 'error' {
  // A fresh folder each time (the read cache must not answer for another file's bytes), the name
  // kept (an .npy array is named after its file).
  const file = `${n++}/${name}`;
  fs.mkdirSync(path.join(dir, path.dirname(file)));
  fs.writeFileSync(path.join(dir, file), bytes);
  try {
    loadModel(path.join(dir, 'a.json'), file, layers);
    return 'model';
  } catch (err) {
    if (!(err instanceof ModelError)) throw err;
    expect(err.message).not.toMatch(/\n/);
    return 'error';
  } finally {
    fs.rmSync(path.join(dir, path.dirname(file)), { recursive: true });
  }
}

const cases: [string, typeof MOONS_LAYERS | undefined][] = [
  ['moons.onnx', undefined],
  ['moons.safetensors', MOONS_LAYERS],
  ['moons.npz', MOONS_NPZ_LAYERS],
  ['moons-compressed.npz', MOONS_NPZ_LAYERS],
  ['moons.pt', MOONS_LAYERS],
  ['moons-W0.npy', [{ weight: 'moons-W0', activation: 'relu' }] as typeof MOONS_LAYERS],
];

describe('mutated model files give a model or one ModelError line', () => {
  it.each(cases)('%s', (name, layers) => {
    const original = fixture(name);
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat({ max: original.length }), { nil: undefined }),
        (flips, cut) => {
          const b = original.slice(0, cut ?? original.length);
          for (const [at, v] of flips) if (at < b.length) b[at] = v;
          seen.add(outcome(name, b, layers));
        },
      ),
      { seed: 14, numRuns: 150 },
    );
    expect([...seen].sort()).toEqual(['error', 'model']);
  });
});
