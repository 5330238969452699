/**
 * What an output folder holds, as far as actiplot is concerned: the entries of its manifests, which
 * files are its own, and which config files of a plan loaded cleanly. Shared by render and check.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plan } from './plan.js';
import { MANIFEST_FILE, manifestFileName, manifestFilesIn, readManifest, type Manifest, type ManifestEntry } from './manifest.js';
import type { Shard } from './shard.js';

export interface FolderState {
  /** Entries by figure name: the shard's own manifest over manifest.json. */
  prior: Map<string, ManifestEntry>;
  /** Files listed in any manifest in the folder: actiplot's own. */
  owned: Set<string>;
  /** Manifests that exist but cannot be used, with the reason. */
  invalid: { file: string; reason: string }[];
  /** The manifest this run writes, as read (for check). */
  main?: Manifest;
}

export function readFolder(out: string, shard?: Shard): FolderState {
  const state: FolderState = { prior: new Map(), owned: new Set(), invalid: [] };
  const own = manifestFileName(shard);
  const names = manifestFilesIn(out);
  // manifest.json first, then the shard's own manifest, which wins for its figures.
  const order = [MANIFEST_FILE, ...names.filter((n) => n !== MANIFEST_FILE)];
  for (const name of order) {
    if (!names.includes(name)) continue;
    const r = readManifest(path.join(out, name));
    if (r.state === 'invalid') {
      state.invalid.push({ file: name, reason: r.reason });
      continue;
    }
    if (r.state !== 'ok') continue;
    for (const e of r.manifest.figures) state.owned.add(e.file);
    if (name === own) state.main = r.manifest;
    if (name === MANIFEST_FILE || name === own) {
      for (const e of r.manifest.figures) state.prior.set(e.name, e);
    }
  }
  return state;
}

/**
 * Whether the figure behind a manifest entry is gone for good, as far as this run can tell:
 * - this run loaded its config file without any error, and that file no longer defines it; or
 * - its config file no longer exists, and this run was asked about it (the file itself, or a
 *   folder it would be in, which still exists).
 * A config with errors, or one outside this run's paths, says nothing: its figures are kept.
 */
export function isGone(entry: ManifestEntry, p: Plan, paths: readonly string[], names: Set<string>): boolean {
  if (names.has(entry.name)) return false;
  const config = path.resolve(entry.config);
  if (cleanFiles(p).has(config)) return true;
  if (fs.existsSync(config)) return false;
  // A path of this run that does not exist is more likely a typo than a deletion: it proves nothing.
  return paths.some((given) => {
    if (!fs.existsSync(given)) return false;
    const root = path.resolve(given);
    return config === root || config.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  });
}

const cleanCache = new WeakMap<Plan, Set<string>>();

function cleanFiles(p: Plan): Set<string> {
  let set = cleanCache.get(p);
  if (!set) {
    const errored = new Set(p.errors.map((e) => path.resolve(e.file)));
    set = new Set(p.files.map((f) => path.resolve(f)).filter((f) => !errored.has(f)));
    cleanCache.set(p, set);
  }
  return set;
}
