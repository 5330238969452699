import fs from 'node:fs';
import path from 'node:path';

let seq = 0;
const TEMP = /^\..+\.(\d+)\.\d+\.actiplot-tmp$/;

/** The temporary name `writeAtomic` uses: hidden, in the same folder, tagged with our pid. */
function tempName(name: string): string {
  return `.${name}.${process.pid}.${seq++}.actiplot-tmp`;
}

export function isTempFile(name: string): boolean {
  return TEMP.test(name);
}

/**
 * The reason actiplot must not write to `file`, or undefined: a symbolic link could point anywhere
 * (outside the output folder, at a file the user keeps), so actiplot never writes through one.
 */
export function symlinkRefusal(file: string): string | undefined {
  const st = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!st?.isSymbolicLink()) return undefined;
  let to = '?';
  try {
    to = fs.readlinkSync(file);
  } catch {
    // unreadable link: still a link
  }
  return `${file} is a symbolic link (to ${to}); actiplot refuses to write through it`;
}

/**
 * Writes `bytes` to `dir/name` atomically: a temporary file in the same folder, then a rename, so a
 * reader (or a run killed half-way) sees the old file or the new one, never a truncated one.
 */
export function writeAtomic(dir: string, name: string, bytes: Uint8Array | string): string {
  const target = path.join(dir, name);
  const refusal = symlinkRefusal(dir) ?? symlinkRefusal(target);
  if (refusal) throw new Error(refusal);
  const tmp = path.join(dir, tempName(name));
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return target;
}

/** Like writeAtomic, but leaves the file alone (mtime too) when it already holds these bytes. */
export function writeIfChanged(dir: string, name: string, bytes: Uint8Array | string): boolean {
  const target = path.join(dir, name);
  const want = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const refusal = symlinkRefusal(dir) ?? symlinkRefusal(target);
  if (refusal) throw new Error(refusal);
  try {
    const have = fs.readFileSync(target);
    if (Buffer.compare(have, want) === 0) return false;
  } catch {
    // missing or unreadable: write it
  }
  writeAtomic(dir, name, want);
  return true;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Temporary files left in `dir` by a run that was killed: only names that `writeAtomic` makes, and
 * only when their process is gone. Returns the names; removes them unless `dryRun`.
 */
export function leftoverTempFiles(dir: string, dryRun = false): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names.sort()) {
    const m = TEMP.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    if (!dryRun) fs.rmSync(path.join(dir, name), { force: true });
    out.push(name);
  }
  return out;
}
