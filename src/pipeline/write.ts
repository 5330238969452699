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

/**
 * The bytes of a regular file, or undefined when it is missing, unreadable or not a regular file:
 * opened without blocking, so a FIFO or a device left in the output folder cannot hang the run.
 */
export function readRegularFile(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return undefined;
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    while (n < buf.length) {
      const got = fs.readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Deletes `dir/name` when it is a regular file (an output a manifest lists). Returns why it was
 * left alone otherwise: a folder or a link by that name is not ours to delete. Missing: nothing.
 */
export function removeOutputFile(dir: string, name: string): string | undefined {
  const file = path.join(dir, name);
  const st = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!st) return undefined;
  if (!st.isFile()) return `${file} is ${st.isDirectory() ? 'a folder' : st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}, not the file the manifest lists; left alone`;
  try {
    fs.rmSync(file, { force: true });
  } catch (err) {
    return `cannot delete ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  }
  return undefined;
}

/** Like writeAtomic, but leaves the file alone (mtime too) when it already holds these bytes. */
export function writeIfChanged(dir: string, name: string, bytes: Uint8Array | string, known?: Buffer): boolean {
  const target = path.join(dir, name);
  const want = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const refusal = symlinkRefusal(dir) ?? symlinkRefusal(target);
  if (refusal) throw new Error(refusal);
  // `known`: the file's bytes as the caller has just read them. Missing, unreadable or not a file: write it.
  const have = known ?? readRegularFile(target);
  if (have && Buffer.compare(have, want) === 0) return false;
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
