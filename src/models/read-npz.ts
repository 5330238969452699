/**
 * NumPy's .npz (np.savez, np.savez_compressed): a zip of .npy arrays; an array saved as `W0` is
 * the entry `W0.npy` and is named `W0` here.
 */
import { ModelError } from './model-error.js';
import { readNpy } from './read-npy.js';
import { readZip } from './read-zip.js';
import { countParameters, type NamedTensors } from './tensor.js';

export function readNpz(bytes: Uint8Array): NamedTensors {
  const entries = readZip(bytes, '.npz archive');
  const out: NamedTensors = new Map();
  let total = 0;
  for (const [entry, data] of entries) {
    if (entry.endsWith('/')) continue;
    if (!entry.endsWith('.npy')) throw new ModelError(`.npz archive: entry "${entry}" is not an .npy array`);
    const name = entry.slice(0, -4);
    const t = readNpy(data, `array "${name}"`);
    total = countParameters(total, t.data.length);
    out.set(name, t);
  }
  return out;
}
