import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes `bytes` to `dir/name` atomically: a temporary file in the same folder, then a rename, so a
 * reader (or a run killed half-way) sees the old file or the new one, never a truncated one.
 */
export function writeAtomic(dir: string, name: string, bytes: Uint8Array): string {
  const target = path.join(dir, name);
  const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return target;
}
