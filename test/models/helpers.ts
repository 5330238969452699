/** Helpers for the model tests: the committed fixtures (made by scripts/make-model-fixtures.py) and temp folders. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const MODELS = path.join(ROOT, 'test/fixtures/models');

export interface Reference {
  inputs: number[][];
  outputs: number[][];
}

export const REFERENCE: Record<string, Reference> = JSON.parse(fs.readFileSync(path.join(MODELS, 'reference.json'), 'utf8'));

export const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(MODELS, name)));

/** The layer list for the two-moons state_dict (PyTorch names, [out, in]). */
export const MOONS_LAYERS = [
  { weight: 'net.0.weight', bias: 'net.0.bias', activation: 'tanh' },
  { weight: 'net.2.weight', bias: 'net.2.bias', activation: 'relu' },
  { weight: 'net.4.weight', bias: 'net.4.bias', activation: 'sigmoid' },
];

/** The same network as NumPy keeps it: W as [in, out]. */
export const MOONS_NPZ_LAYERS = [
  { weight: 'W0', bias: 'b0', activation: 'tanh', transpose: true },
  { weight: 'W1', bias: 'b1', activation: 'relu', transpose: true },
  { weight: 'W2', bias: 'b2', activation: 'sigmoid', transpose: true },
];

/** A temporary folder holding copies of the named fixtures under `models/`. */
export function tempWithModels(names: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-models-'));
  fs.mkdirSync(path.join(dir, 'models'));
  for (const n of names) fs.copyFileSync(path.join(MODELS, n), path.join(dir, 'models', n));
  return dir;
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}
