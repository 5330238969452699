/**
 * A run with nothing to do, known without parsing or validating a config: every config file's bytes
 * and the run's settings are what its manifest entries were planned from (their `source`), every
 * model and data file they read still has the recorded sha256, every output file too, the font set
 * is the same (its packages and versions), and the last run had no failures and left no entry of a
 * figure outside these configs. Then the manifest's
 * entries are this run's as they stand. Anything else (a config edited, added or removed, a model
 * file retrained, an output touched, an error to report again) goes the whole way (run.ts), which
 * decides figure by figure from each resolved figure's input hash.
 *
 * This is what makes an up-to-date run cost reading and hashing its files, not validating and
 * resolving every figure (bench: the no-op run).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FoundConfigs } from './find-configs.js';
import { fileSha256, sha256, sourceDigest } from './hash.js';
import { inputKind } from './figure-record.js';
import { readBounded } from '../config/read-bounded.js';
import { LIMITS } from '../config/limits.js';
import { modelPath } from '../models/model-path.js';
import { MODEL_LIMITS } from '../models/model-limits.js';
import { DATA_LIMITS } from '../data/data-limits.js';
import { fontFiles } from '../text/fonts.js';
import { isPlainFileName, type Manifest, type ManifestEntry } from './manifest.js';
import type { Overrides } from './plan.js';

export interface UnchangedOptions {
  found: FoundConfigs;
  /** The output folder's manifest (manifest.json) and its entries. */
  manifest: Manifest | undefined;
  prior: ReadonlyMap<string, ManifestEntry>;
  out: string;
  version: string;
  fonts: string;
  overrides: Overrides;
}

/** The entries of a run that has nothing to do, in the order a plan lists their figures; undefined when it may have something to do. */
export function unchangedEntries(o: UnchangedOptions): ManifestEntry[] | undefined {
  const m = o.manifest;
  if (!m || m.actiplot !== o.version || m.fonts !== o.fonts || (m.failed?.length ?? 0) > 0) return undefined;
  if (o.found.missing.length > 0 || o.found.refused.length > 0) return undefined;
  const entries = [...o.prior.values()];
  if (entries.length === 0) return undefined;
  // Files the figures read as data or models are not configs, though they may sit among them.
  const inputs = new Set(entries.flatMap((e) => Object.keys(e.models ?? {}).map((f) => path.resolve(f))));
  const configs = o.found.files.filter((f) => !inputs.has(path.resolve(f)));
  const byConfig = new Map(configs.map((f) => [f, [] as ManifestEntry[]]));
  for (const e of entries) {
    const list = byConfig.get(e.config);
    if (!list || e.source === undefined) return undefined;
    list.push(e);
  }
  const fontNames = new Set(fontFiles().map((f) => path.basename(f.file)));
  const digests = new Map<string, string | undefined>();
  const digest = (config: string, file: string) => {
    const key = `${config}\0${file}`;
    if (!digests.has(key)) digests.set(key, inputSha256(config, file));
    return digests.get(key);
  };
  for (const [config, list] of byConfig) {
    if (list.length === 0) return undefined;
    const bytes = configSha256(config);
    if (bytes === undefined) return undefined;
    const source = sourceDigest(bytes, o.overrides, o.version);
    for (const e of list) {
      if (e.source !== source || !isPlainFileName(e.file)) return undefined;
      for (const [file, sha] of Object.entries(e.models ?? {})) if (digest(config, file) !== sha) return undefined;
      // Fonts are known by the font set's fingerprint (their packages' names and versions, checked
      // above), as a manifest knows them: the figures' own font digests are checked whenever
      // anything else makes the run go the whole way.
      for (const name of Object.keys(e.fonts)) if (!fontNames.has(name)) return undefined;
    }
  }
  // The outputs last, the most bytes to read: a run with an edited config goes the whole way
  // (which checks them again) without having read them here first.
  for (const e of entries) if (fileSha256(path.join(o.out, e.file)) !== e.sha256) return undefined;
  const order = new Map(configs.map((f, i) => [f, i]));
  const rank = new Map(entries.map((e) => [e, planRank(e, byConfig.get(e.config)!, o.overrides.themes ?? [])]));
  return entries.sort((a, b) => order.get(a.config)! - order.get(b.config)! || rank.get(a)! - rank.get(b)!);
}

/** A config's sha256, read as a plan reads it (within the config size limit); undefined when a plan would refuse it. */
function configSha256(file: string): string | undefined {
  try {
    return sha256(readBounded(file, LIMITS.configBytes));
  } catch {
    return undefined;
  }
}

/**
 * The sha256 of a model or data file an entry records (by the path a run shows, relative to where
 * it runs), found as its config finds it: inside the config's folder, through no symlink that
 * leads out, a regular file within its kind's size limit. The manifest is read from the output
 * folder, so what it names is checked as a config's model path is before anything is read.
 */
function inputSha256(config: string, shown: string): string | undefined {
  try {
    const real = modelPath(config, path.relative(path.dirname(config), shown));
    const st = fs.statSync(real);
    const limit = inputKind(shown) === 'data file' ? DATA_LIMITS.fileBytes : MODEL_LIMITS.fileBytes;
    return st.isFile() && st.size <= limit ? fileSha256(real) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where a plan lists an entry's figure within its config: by figure (its pointer), a sweep's
 * contact sheet (`<name>-sheet`) after the sweep, each figure's theme variants in --themes order.
 */
function planRank(e: ManifestEntry, sameConfig: readonly ManifestEntry[], themes: readonly string[]): number {
  const at = /^\/figures\/(\d+)$/.exec(e.pointer);
  const index = at ? Number(at[1]) + 1 : 0;
  const base = e.variantOf ?? e.name;
  const sheet = sameConfig.some((s) => s !== e && s.pointer === e.pointer && `${s.variantOf ?? s.name}-sheet` === base) ? 1 : 0;
  const theme = Math.max(0, themes.indexOf(e.theme ?? 'light'));
  return (index * 2 + sheet) * 8 + theme;
}
