/**
 * sha256 digests of large files that rarely change, remembered between runs. The fonts drawing
 * uses are about 21 MB; reading and hashing them took 25 ms of every run, a tenth of an up-to-date
 * render of 200 figures (bench: no-op run). A digest is reused while the file's size, mtime, ctime,
 * inode and device are those it was computed for, the stat fields git trusts for its index: a write
 * to the file changes its ctime, which no program can set back.
 *
 * The cache is one JSON file per user: `$ACTIPLOT_CACHE_DIR/file-digests.json`, by default in
 * `$XDG_CACHE_HOME/actiplot` or `~/.cache/actiplot`; ACTIPLOT_CACHE_DIR="" turns it off. It is
 * never in the output folder (its stat fields differ on every machine, and the folder's bytes must
 * not). Any problem with it (unwritable, garbled, raced by another run) only means hashing again.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CACHE_FILE = 'file-digests.json';
const FORMAT = 1;

interface Entry {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
  sha256: string;
}

/** The folder of actiplot's per-user cache, or undefined when caching is off. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = env.ACTIPLOT_CACHE_DIR;
  if (own !== undefined) return own === '' ? undefined : path.resolve(own);
  const base = env.XDG_CACHE_HOME || (os.homedir() ? path.join(os.homedir(), '.cache') : '');
  return base ? path.join(base, 'actiplot') : undefined;
}

function readCache(file: string): Record<string, Entry> {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: unknown; files?: unknown };
    return data.format === FORMAT && data.files && typeof data.files === 'object' ? (data.files as Record<string, Entry>) : {};
  } catch {
    return {};
  }
}

function writeCache(dir: string, files: Record<string, Entry>): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `.${CACHE_FILE}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, `${JSON.stringify({ format: FORMAT, files })}\n`);
    fs.renameSync(tmp, path.join(dir, CACHE_FILE));
  } catch {
    // A cache we cannot write costs a rehash next time, nothing else.
  }
}

const same = (e: Entry | undefined, s: fs.Stats) =>
  e !== undefined && e.size === s.size && e.mtimeMs === s.mtimeMs && e.ctimeMs === s.ctimeMs && e.ino === s.ino && e.dev === s.dev;

/**
 * The sha256 of each file (undefined when it cannot be read), from the cache where the file is
 * unchanged. With `remember` false the cache is read but not written.
 */
export function fileDigests(files: readonly string[], remember = true, dir = cacheDir()): (string | undefined)[] {
  const cacheFile = dir === undefined ? undefined : path.join(dir, CACHE_FILE);
  const cache = cacheFile ? readCache(cacheFile) : {};
  let changed = false;
  const out = files.map((file) => {
    const key = path.resolve(file);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(key);
      if (same(cache[key], stat)) return cache[key].sha256;
      const sha256 = crypto.createHash('sha256').update(fs.readFileSync(key)).digest('hex');
      cache[key] = { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, dev: stat.dev, sha256 };
      changed = true;
      return sha256;
    } catch {
      return undefined;
    }
  });
  if (changed && remember && dir !== undefined) writeCache(dir, cache);
  return out;
}
