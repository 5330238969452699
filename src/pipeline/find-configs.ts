import fs from 'node:fs';
import path from 'node:path';

export interface FoundConfigs {
  files: string[];
  missing: string[];
  /** Paths given that cannot be searched, with the reason (a configs folder that is the output folder). */
  refused: { path: string; reason: string }[];
}

/**
 * Config files named by `paths`: files as given, folders searched recursively for `*.json`
 * (hidden entries, node_modules and the `exclude` folders, such as the output folder, skipped), in
 * a stable sorted order. Missing paths are returned separately so the caller can report them. A
 * file named twice (`configs/a.json` and `./configs/a.json`, or a file inside a folder also given)
 * is listed once, under its first spelling. A `*.json` entry that is not a regular file (a FIFO, a
 * socket) is listed, so reading it reports what it is instead of skipping it silently.
 */
export function findConfigs(paths: readonly string[], exclude: readonly string[] = []): FoundConfigs {
  const files = new Map<string, string>();
  const skip = new Set(exclude.map((d) => path.resolve(d)));
  const missing: string[] = [];
  const refused: FoundConfigs['refused'] = [];
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) {
      const abs = path.resolve(p);
      const holder = [...skip].find((d) => abs === d || abs.startsWith(d + path.sep));
      if (holder !== undefined) {
        refused.push({ path: p, reason: `is the output folder (or inside it), so it holds no configs to render; give --out another folder` });
        continue;
      }
      walk(p, files, skip);
    } else add(files, p);
  }
  return { files: [...files.values()].sort(), missing, refused };
}

/**
 * Why `out` cannot be the output folder for these config paths, or undefined: a configs folder
 * that is the output folder (or inside it) would be skipped as output, so nothing would render,
 * and the manifest written there would be read as a config by the next run.
 */
export function outHoldsConfigs(paths: readonly string[], out: string): string | undefined {
  const o = path.resolve(out);
  for (const p of paths) {
    const abs = path.resolve(p);
    if (abs === o || abs.startsWith(o + path.sep)) {
      return `--out ${out} is the configs folder ${p}${abs === o ? '' : ' (or holds it)'}; give the figures a folder of their own, e.g. --out output`;
    }
  }
  return undefined;
}

/** Keyed by the resolved real path, so two spellings of one file are one file. */
function add(out: Map<string, string>, file: string): void {
  let key = path.resolve(file);
  try {
    key = fs.realpathSync.native(file);
  } catch {
    // unreadable: keep the resolved spelling; reading it reports the problem
  }
  if (!out.has(key)) out.set(key, file);
}

function walk(dir: string, out: Map<string, string>, skip: ReadonlySet<string>): void {
  if (skip.has(path.resolve(dir))) return;
  // A regular file found here is the folder's real path and its name: one realpath per folder,
  // not one per file.
  let real: string | undefined;
  try {
    real = fs.realpathSync.native(dir);
  } catch {
    real = undefined;
  }
  // The folder's spelling joined once; each entry's is that and its name.
  const base = path.join(dir);
  const prefix = base === '.' ? '' : base.endsWith(path.sep) ? base : base + path.sep;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = prefix + entry.name;
    if (entry.isDirectory()) walk(full, out, skip);
    else if (entry.name.endsWith('.json') && entry.isFile() && real !== undefined) {
      const key = real + (real.endsWith(path.sep) ? '' : path.sep) + entry.name;
      if (!out.has(key)) out.set(key, full);
    } else if (entry.name.endsWith('.json') && (entry.isFile() || entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice())) add(out, full);
  }
}
