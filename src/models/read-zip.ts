/**
 * A zip archive's entries (.npz, PyTorch's .pt), unpacked with fflate under budgets: the sizes the
 * central directory declares are checked before anything is inflated, and inflating writes into a
 * buffer of the declared size, so a zip bomb cannot take more memory than its declaration.
 */
import { createRequire } from 'node:module';
import type * as Fflate from 'fflate';
import { ModelError, asModelError } from './model-error.js';
import { MODEL_LIMITS } from './model-limits.js';

const require = createRequire(import.meta.url);
let fflate: typeof Fflate | undefined;
/** fflate loads with the first zip (.npz, .pt): a run without one never pays for it. */
const unzipSync: typeof Fflate.unzipSync = (data, opts) => (fflate ??= require('fflate') as typeof Fflate).unzipSync(data, opts);

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4

export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** Entries whose names pass `want`, by name. `kind` names the format in errors (".npz archive"). */
export function readZip(bytes: Uint8Array, kind: string, want: (name: string) => boolean = () => true): Map<string, Uint8Array> {
  if (!isZip(bytes)) throw new ModelError(`not a ${kind} (wrong magic: expected a zip archive)`);
  let entries = 0;
  let total = 0;
  const files = asModelError(kind, () =>
    unzipSync(bytes, {
      filter(f) {
        if (++entries > MODEL_LIMITS.tensors) throw new ModelError(`${kind}: more than ${MODEL_LIMITS.tensors} entries`);
        if (!want(f.name)) return false;
        if (f.compression !== 0 && f.compression !== 8) throw new ModelError(`${kind}: entry "${f.name}" uses compression method ${f.compression} (only stored and deflate are read)`);
        total += f.originalSize;
        if (total > MODEL_LIMITS.unzippedBytes) throw new ModelError(`${kind}: the entries inflate to more than ${MODEL_LIMITS.unzippedBytes} bytes (the budget)`);
        if (f.compression === 0 && f.size !== f.originalSize) throw new ModelError(`${kind}: entry "${f.name}" is stored with inconsistent sizes`);
        return true;
      },
    }),
  );
  return new Map(Object.entries(files));
}
